package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.NewSession;
import io.pylon.domain.session.SessionFilter;
import io.pylon.domain.session.SessionRepository;
import io.pylon.domain.session.SessionState;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Charging sessions in SQL. */
@Repository
public class JooqSessionRepository implements SessionRepository {

    private static final Field<String> AUTH_STATUS = str("auth_status");
    private static final Field<Integer> RESERVATION_ID = integer("reservation_id");
    private static final Field<Long> METER_START = bigint("meter_start_wh");
    private static final Field<Instant> STARTED_AT = time("started_at");
    private static final Field<Long> METER_STOP = bigint("meter_stop_wh");
    private static final Field<Instant> STOPPED_AT = time("stopped_at");
    private static final Field<String> STOP_REASON = str("stop_reason");
    private static final Field<String> STOP_ID_TAG = str("stop_id_tag");
    private static final Field<Long> ENERGY = bigint("energy_wh");
    private static final Field<String> STATE = str("state");

    private static final java.util.List<org.jooq.Field<?>> COLUMNS = java.util.List.of(INT_ID, CHARGER_ID, CONNECTOR_ID, ID_TAG, AUTH_STATUS, RESERVATION_ID, METER_START, STARTED_AT, METER_STOP, STOPPED_AT, STOP_REASON, STOP_ID_TAG, STATE, OPERATOR_ID, STATION_ID, CREATED_AT);

    private final DSLContext db;

    public JooqSessionRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Long> insert(NewSession s) {
        var inserted = db.insertInto(SESSION).set(CHARGER_ID, s.chargerId()).set(CONNECTOR_ID, s.connectorId())
                .set(ID_TAG, s.idTag()).set(AUTH_STATUS, s.authStatus().name()).set(RESERVATION_ID, s.reservationId())
                .set(METER_START, s.meterStartWh()).set(STARTED_AT, s.startedAt()).set(STATE, SessionState.ACTIVE.name())
                .set(CREATED_AT, Instant.now())
                .set(OPERATOR_ID, DSL.field(DSL.select(col(CHARGER, OPERATOR_ID)).from(CHARGER).where(col(CHARGER, ID).eq(s.chargerId()))))
                .set(STATION_ID, DSL.field(DSL.select(col(CHARGER, STATION_ID)).from(CHARGER).where(col(CHARGER, ID).eq(s.chargerId()))))
                .onConflict(key(SESSION, "charger_id", "connector_id", "started_at")).doNothing().returningResult(INT_ID).fetchOptional();
        return inserted.map(r -> r.value1().longValue());
    }

    @Override
    public Optional<ChargingSession> findByStart(String chargerId, int connectorId, Instant startedAt) {
        return db.select(COLUMNS).from(SESSION).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId))
                .and(STARTED_AT.eq(startedAt)).fetchOptional(JooqSessionRepository::toSession);
    }

    @Override
    public Optional<ChargingSession> find(long id) {
        if (id > Integer.MAX_VALUE || id < Integer.MIN_VALUE) return Optional.empty();
        return db.select(COLUMNS).from(SESSION).where(INT_ID.eq((int) id)).fetchOptional(JooqSessionRepository::toSession);
    }

    @Override
    public boolean hasActive(String idTag, String parentIdTag) {
        Condition sameHolder = ID_TAG.eq(idTag);
        if (parentIdTag != null) {
            sameHolder = sameHolder.or(ID_TAG.in(DSL.select(ID_TAG).from(ID_TOKEN).where(PARENT_ID_TAG.eq(parentIdTag))));
        }
        return db.fetchExists(SESSION, sameHolder.and(STATE.eq(SessionState.ACTIVE.name()))
                .and(AUTH_STATUS.eq(AuthorizationStatus.ACCEPTED.name())));
    }

    @Override
    public boolean complete(long id, long meterStopWh, Instant stoppedAt, String reason, String stopIdTag) {
        return db.update(SESSION).set(METER_STOP, meterStopWh).set(STOPPED_AT, stoppedAt).set(STOP_REASON, reason)
                .set(STOP_ID_TAG, stopIdTag)
                .set(ENERGY, DSL.greatest(DSL.val(0L), DSL.val(meterStopWh).minus(METER_START)))
                .set(STATE, SessionState.COMPLETED.name())
                .where(INT_ID.eq((int) id)).and(STATE.eq(SessionState.ACTIVE.name())).execute() == 1;
    }

    @Override
    public void refuse(long id, AuthorizationStatus status) {
        db.update(SESSION).set(AUTH_STATUS, status.name()).where(INT_ID.eq((int) id)).execute();
    }

    @Override
    public Page<ChargingSession> list(SessionFilter f, PageRequest page) {
        Condition where = scoped(f.scope(), OPERATOR_ID, STATION_ID);
        if (f.stationId() != null) where = where.and(STATION_ID.eq(f.stationId()));
        if (f.chargerId() != null) where = where.and(CHARGER_ID.eq(f.chargerId()));
        if (f.idTag() != null) where = where.and(ID_TAG.eq(f.idTag()));
        // the state as a literal, so that PostgreSQL can use the partial index of active sessions
        if (f.state() != null) where = where.and(STATE.eq(DSL.inline(f.state().name())));
        if (f.from() != null) where = where.and(STARTED_AT.ge(f.from()));
        if (f.to() != null) where = where.and(STARTED_AT.lt(f.to()));
        long total = db.fetchCount(SESSION, where);
        return new Page<>(db.select(COLUMNS).from(SESSION).where(where).orderBy(STARTED_AT.desc(), INT_ID.desc())
                .limit(page.size()).offset(page.offset()).fetch(JooqSessionRepository::toSession),
                page.page(), page.size(), total);
    }

    private static ChargingSession toSession(Record r) {
        return new ChargingSession(r.get(INT_ID), r.get(CHARGER_ID), r.get(CONNECTOR_ID), r.get(ID_TAG),
                AuthorizationStatus.valueOf(r.get(AUTH_STATUS)), r.get(RESERVATION_ID), r.get(METER_START),
                r.get(STARTED_AT), r.get(METER_STOP), r.get(STOPPED_AT), r.get(STOP_REASON), r.get(STOP_ID_TAG),
                SessionState.valueOf(r.get(STATE)), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(CREATED_AT));
    }
}
