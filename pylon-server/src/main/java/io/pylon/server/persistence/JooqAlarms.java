package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The {@code alarm} table (V12): one row per fault of a connector, open until cleared. */
@Repository
public class JooqAlarms {

    /** An alarm row; {@code acknowledgedAt} / {@code clearedAt} null while not done. */
    public record Alarm(long id, Long operatorId, Long stationId, String chargerId, int connectorId, String code, String info,
                        Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant clearedAt, String clearedBy) {}

    public enum State { OPEN, ACKNOWLEDGED, CLEARED }

    static final Table<Record> ALARM = DSL.table(DSL.name("alarm"));
    private static final Field<String> CODE = str("code");
    private static final Field<String> INFO = str("info");
    private static final Field<Instant> RAISED = time("raised_at");
    private static final Field<Instant> ACKED = time("acknowledged_at");
    private static final Field<String> ACKED_BY = str("acknowledged_by");
    private static final Field<Instant> CLEARED = time("cleared_at");
    private static final Field<String> CLEARED_BY = str("cleared_by");

    /** Selected by name with their Java types (a plain selectFrom would hand back the driver's time types). */
    private static final List<Field<?>> FIELDS = List.of(LONG_ID, OPERATOR_ID, STATION_ID, CHARGER_ID, CONNECTOR_ID, CODE, INFO, RAISED,
            ACKED, ACKED_BY, CLEARED, CLEARED_BY);

    private final DSLContext db;

    public JooqAlarms(DSLContext db) {
        this.db = db;
    }

    /** Raises an alarm unless one with the same code is open on the connector; the new alarm if raised. */
    public Optional<Alarm> raise(Long operatorId, Long stationId, String chargerId, int connectorId, String code, String info,
                                 Instant at) {
        boolean open = db.fetchExists(db.selectOne().from(ALARM).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId))
                .and(CODE.eq(code)).and(CLEARED.isNull()));
        if (open) return Optional.empty();
        Long id = db.insertInto(ALARM).set(OPERATOR_ID, operatorId).set(STATION_ID, stationId).set(CHARGER_ID, chargerId)
                .set(CONNECTOR_ID, connectorId).set(CODE, code).set(INFO, info).set(RAISED, at)
                .returningResult(LONG_ID).fetchOne(r -> r.value1());
        return find(TenantScope.platform(), id);
    }

    /** Clears every open alarm of a connector (the charger reported it healthy); the alarms cleared. */
    public List<Alarm> clearConnector(String chargerId, int connectorId, Instant at) {
        Condition open = CHARGER_ID.eq(chargerId).and(CONNECTOR_ID.eq(connectorId)).and(CLEARED.isNull());
        List<Long> ids = db.select(LONG_ID).from(ALARM).where(open).fetch(r -> r.value1());
        if (ids.isEmpty()) return List.of();
        db.update(ALARM).set(CLEARED, at).set(CLEARED_BY, "charger").where(LONG_ID.in(ids)).and(CLEARED.isNull()).execute();
        return db.select(FIELDS).from(ALARM).where(LONG_ID.in(ids)).fetch(JooqAlarms::alarm);
    }

    public Optional<Alarm> find(TenantScope scope, long id) {
        return db.select(FIELDS).from(ALARM).where(LONG_ID.eq(id)).and(scoped(scope, OPERATOR_ID, STATION_ID)).fetchOptional(JooqAlarms::alarm);
    }

    /** Marks an open alarm acknowledged; false if it is not open or already acknowledged. */
    public boolean acknowledge(long id, String by, Instant at) {
        return db.update(ALARM).set(ACKED, at).set(ACKED_BY, by).where(LONG_ID.eq(id)).and(ACKED.isNull()).and(CLEARED.isNull())
                .execute() == 1;
    }

    /** Clears an alarm by hand; false if it was cleared already. */
    public boolean clear(long id, String by, Instant at) {
        return db.update(ALARM).set(CLEARED, at).set(CLEARED_BY, by).where(LONG_ID.eq(id)).and(CLEARED.isNull()).execute() == 1;
    }

    /** Alarms in scope, newest first; {@code state} null for all. */
    public Page<Alarm> list(TenantScope scope, State state, String chargerId, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (state == State.OPEN) where = where.and(CLEARED.isNull()).and(ACKED.isNull());
        if (state == State.ACKNOWLEDGED) where = where.and(CLEARED.isNull()).and(ACKED.isNotNull());
        if (state == State.CLEARED) where = where.and(CLEARED.isNotNull());
        if (chargerId != null) where = where.and(CHARGER_ID.eq(chargerId));
        long total = db.fetchCount(ALARM, where);
        List<Alarm> items = db.select(FIELDS).from(ALARM).where(where).orderBy(RAISED.desc(), LONG_ID.desc())
                .limit(page.size()).offset((long) page.page() * page.size()).fetch(JooqAlarms::alarm);
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** "chargerId#connectorId" of every connector with an alarm not cleared. */
    public List<String> unclearedConnectors() {
        return db.selectDistinct(CHARGER_ID, CONNECTOR_ID).from(ALARM).where(CLEARED.isNull())
                .fetch(r -> r.value1() + "#" + r.value2());
    }

    /** Alarms not cleared yet (open or acknowledged) in scope. */
    public long countUncleared(TenantScope scope) {
        return db.fetchCount(ALARM, scoped(scope, OPERATOR_ID, STATION_ID).and(CLEARED.isNull()));
    }

    private static Alarm alarm(Record r) {
        Integer connector = r.get(CONNECTOR_ID);
        return new Alarm(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(CHARGER_ID), connector == null ? 0 : connector,
                r.get(CODE), r.get(INFO), r.get(RAISED), r.get(ACKED), r.get(ACKED_BY), r.get(CLEARED), r.get(CLEARED_BY));
    }
}
