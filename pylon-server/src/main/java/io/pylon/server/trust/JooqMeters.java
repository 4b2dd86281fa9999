package io.pylon.server.trust;

import static io.pylon.server.trust.TrustTables.*;

import io.pylon.domain.metering.Meter;
import io.pylon.domain.metering.MeterRepository;
import io.pylon.domain.tenant.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The meter registry (table {@code meter}). */
@Repository
public class JooqMeters implements MeterRepository {

    private final DSLContext db;
    private final Clock clock;

    public JooqMeters(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Meter> forConnector(String chargerId, int connectorId) {
        return db.select(METER_FIELDS).from(METER).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.in(connectorId, 0))
                .orderBy(CONNECTOR_ID.desc()).limit(1).fetchOptional(JooqMeters::meterOf);
    }

    @Override
    public Optional<Meter> register(Meter m) {
        int inserted = db.insertInto(METER, OPERATOR_ID, CHARGER_ID, CONNECTOR_ID, SERIAL, PUBLIC_KEY, FIRST_VERIFIED_ON,
                        ROTATION_DUE_ON, CREATED_AT)
                .values(m.operatorId(), m.chargerId(), m.connectorId(), m.serial(), m.publicKeyHex(), m.firstVerifiedOn(),
                        m.rotationDueOn(), clock.instant())
                .onConflict(key(METER, "charger_id", "connector_id")).doNothing().execute();
        return inserted == 0 ? Optional.empty() : db.select(METER_FIELDS).from(METER).where(CHARGER_ID.eq(m.chargerId()))
                .and(CONNECTOR_ID.eq(m.connectorId())).fetchOptional(JooqMeters::meterOf);
    }

    @Override
    public Optional<Meter> find(TenantScope scope, long id) {
        return db.select(METER_FIELDS).from(METER).where(LONG_ID.eq(id)).and(visible(scope)).fetchOptional(JooqMeters::meterOf);
    }

    @Override
    public List<Meter> list(TenantScope scope) {
        return db.select(METER_FIELDS).from(METER).where(visible(scope)).orderBy(ROTATION_DUE_ON, LONG_ID).limit(10_000)
                .fetch(JooqMeters::meterOf);
    }

    @Override
    public List<Meter> reminderDue(LocalDate day, int limit) {
        return db.select(METER_FIELDS).from(METER).where(ROTATION_DUE_ON.le(day)).and(REMINDED_AT.isNull()).orderBy(ROTATION_DUE_ON)
                .limit(limit).fetch(JooqMeters::meterOf);
    }

    @Override
    public void reminded(long meterId, Instant at) {
        db.update(METER).set(REMINDED_AT, at).where(LONG_ID.eq(meterId)).execute();
    }

    private static Condition visible(TenantScope scope) {
        return scope.isPlatform() ? DSL.noCondition() : OPERATOR_ID.eq(scope.operatorId());
    }

    static Meter meterOf(Record r) {
        return new Meter(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(CHARGER_ID), r.get(CONNECTOR_ID), r.get(SERIAL),
                r.get(PUBLIC_KEY), r.get(FIRST_VERIFIED_ON), r.get(ROTATION_DUE_ON));
    }
}
