package io.pylon.server.trust;

import static io.pylon.server.trust.TrustTables.*;

import io.pylon.domain.anomaly.Anomaly;
import io.pylon.domain.anomaly.AnomalyRule;
import io.pylon.domain.anomaly.AnomalyStore;
import io.pylon.domain.tenant.TenantScope;
import java.time.Clock;
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

/** Anomalies and the on-site inspection queue (tables {@code anomaly}, {@code inspection}). */
@Repository
public class JooqAnomalies implements AnomalyStore {

    static final Table<Record> ANOMALY = DSL.table(DSL.name("anomaly"));
    static final Table<Record> INSPECTION = DSL.table(DSL.name("inspection"));
    static final Field<Long> STATION_ID = bigint("station_id");
    static final Field<Long> ORDER_ID = bigint("order_id");
    static final Field<String> RULE = str("rule");
    static final Field<String> SEVERITY = str("severity");
    static final Field<String> EVIDENCE = str("evidence");
    static final Field<Instant> DETECTED_AT = time("detected_at");
    static final Field<String> DEDUP_KEY = str("dedup_key");
    static final Field<Long> ANOMALY_ID = bigint("anomaly_id");
    static final Field<Instant> QUEUED_AT = time("queued_at");
    static final Field<Instant> DONE_AT = time("done_at");
    static final Field<String> DONE_BY = str("done_by");
    static final Field<String> NOTE = str("note");
    static final Field<String> OPEN_KEY = str("open_key");
    static final List<Field<?>> FIELDS = List.of(LONG_ID, RULE, OPERATOR_ID, STATION_ID, CHARGER_ID, CONNECTOR_ID,
            SESSION_ID, ORDER_ID, EVIDENCE, DETECTED_AT, DEDUP_KEY);

    /** A charger waiting for (or given) an on-site inspection. */
    public record Inspection(long id, Long operatorId, String chargerId, long anomalyId, String reason, Instant queuedAt,
                             Instant doneAt, String doneBy, String note) {}

    private final DSLContext db;
    private final Clock clock;

    public JooqAnomalies(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Anomaly> record(Anomaly a) {
        String evidence = a.evidence().length() > 2000 ? a.evidence().substring(0, 2000) : a.evidence();
        int inserted = db.insertInto(ANOMALY, OPERATOR_ID, STATION_ID, CHARGER_ID, CONNECTOR_ID, SESSION_ID, ORDER_ID, RULE,
                        SEVERITY, EVIDENCE, DETECTED_AT, DEDUP_KEY)
                .values(a.operatorId(), a.stationId(), a.chargerId(), a.connectorId(), a.sessionId(), a.orderId(),
                        a.rule().name(), a.severity().name(), evidence, a.detectedAt(), a.dedupKey())
                .onConflict(key(ANOMALY, "dedup_key")).doNothing().execute();
        return inserted == 0 ? Optional.empty()
                : db.select(FIELDS).from(ANOMALY).where(DEDUP_KEY.eq(a.dedupKey())).fetchOptional(JooqAnomalies::of);
    }

    @Override
    public boolean queueInspection(Anomaly cause) {
        return db.insertInto(INSPECTION, OPERATOR_ID, CHARGER_ID, ANOMALY_ID, REASON, QUEUED_AT, OPEN_KEY)
                .values(cause.operatorId(), cause.chargerId(), cause.id(), cause.rule() + ": " + cut(cause.evidence(), 450),
                        clock.instant(), cause.chargerId())
                .onConflict(key(INSPECTION, "open_key")).doNothing().execute() == 1;
    }

    public List<Anomaly> list(TenantScope scope, String chargerId, Long sessionId, int limit) {
        Condition c = visible(scope);
        if (chargerId != null) {
            c = c.and(CHARGER_ID.eq(chargerId));
        }
        if (sessionId != null) {
            c = c.and(SESSION_ID.eq(sessionId));
        }
        return db.select(FIELDS).from(ANOMALY).where(c).orderBy(DETECTED_AT.desc(), LONG_ID.desc()).limit(limit)
                .fetch(JooqAnomalies::of);
    }

    public List<Inspection> inspections(TenantScope scope, boolean openOnly) {
        Condition c = visible(scope);
        if (openOnly) {
            c = c.and(DONE_AT.isNull());
        }
        return db.select(LONG_ID, OPERATOR_ID, CHARGER_ID, ANOMALY_ID, REASON, QUEUED_AT, DONE_AT, DONE_BY, NOTE)
                .from(INSPECTION).where(c).orderBy(QUEUED_AT, LONG_ID).limit(10_000)
                .fetch(r -> new Inspection(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9()));
    }

    /** Closes an open inspection; false if it is not open or not visible. */
    public boolean inspected(TenantScope scope, long id, String by, String note) {
        return db.update(INSPECTION).set(DONE_AT, clock.instant()).set(DONE_BY, by).set(NOTE, cut(note, 500))
                .set(OPEN_KEY, (String) null).where(LONG_ID.eq(id)).and(DONE_AT.isNull()).and(visible(scope)).execute() == 1;
    }

    private static Condition visible(TenantScope scope) {
        return scope.isPlatform() ? DSL.noCondition() : OPERATOR_ID.eq(scope.operatorId());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static Anomaly of(Record r) {
        return new Anomaly(r.get(LONG_ID), AnomalyRule.valueOf(r.get(RULE)), r.get(OPERATOR_ID), r.get(STATION_ID),
                r.get(CHARGER_ID), r.get(CONNECTOR_ID), r.get(SESSION_ID), r.get(ORDER_ID), r.get(EVIDENCE),
                r.get(DETECTED_AT), r.get(DEDUP_KEY));
    }
}
