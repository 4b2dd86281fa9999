package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/**
 * The {@code alarm} table (V12, V17) with its history ({@code alarm_event}) and evidence ({@code alarm_evidence}). One
 * alarm is open per de-duplication key at a time: {@code open_key} carries the key until the alarm is cleared, under a
 * unique index, so two nodes raising the same alarm at once end with one row.
 */
@Repository
public class JooqAlarms {

    /** An alarm row; {@code acknowledgedAt} / {@code clearedAt} null while not done. */
    public record Alarm(long id, Long operatorId, Long stationId, String chargerId, int connectorId, String code, String info,
                        Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant clearedAt, String clearedBy,
                        AlarmSeverity severity, String source, String dedupKey, String subject, Long ruleId, BigDecimal value,
                        String evidence, Set<AlarmAction> actions, boolean lockout, int occurrences, Instant lastSeenAt,
                        Integer escalateAfterSeconds, Instant escalatedAt) {

        public boolean cleared() {
            return clearedAt != null;
        }
    }

    /** One thing that happened to an alarm. */
    public record Event(long id, Instant at, String kind, String actor, String detail) {}

    /** A piece of evidence without its bytes. */
    public record Evidence(long id, String contentType, Instant createdAt) {}

    /** NOT_CLEARED: open or acknowledged. */
    public enum State { OPEN, ACKNOWLEDGED, CLEARED, NOT_CLEARED }

    static final Table<Record> ALARM = DSL.table(DSL.name("alarm"));
    private static final Table<Record> ALARM_EVENT = DSL.table(DSL.name("alarm_event"));
    private static final Table<Record> ALARM_EVIDENCE = DSL.table(DSL.name("alarm_evidence"));
    private static final Field<String> CODE = str("code");
    private static final Field<String> INFO = str("info");
    private static final Field<Instant> RAISED = time("raised_at");
    private static final Field<Instant> ACKED = time("acknowledged_at");
    private static final Field<String> ACKED_BY = str("acknowledged_by");
    private static final Field<Instant> CLEARED = time("cleared_at");
    private static final Field<String> CLEARED_BY = str("cleared_by");
    private static final Field<String> SEVERITY = str("severity");
    private static final Field<String> SOURCE = str("source");
    private static final Field<String> DEDUP_KEY = str("dedup_key");
    private static final Field<String> OPEN_KEY = str("open_key");
    private static final Field<String> SUBJECT = str("subject");
    private static final Field<Long> RULE_ID = bigint("rule_id");
    private static final Field<BigDecimal> VALUE = decimal("alarm_value");
    private static final Field<String> EVIDENCE = str("evidence");
    private static final Field<String> ACTIONS = str("actions");
    private static final Field<Boolean> LOCKOUT = bool("lockout");
    private static final Field<Integer> OCCURRENCES = integer("occurrences");
    private static final Field<Instant> LAST_SEEN = time("last_seen_at");
    private static final Field<Integer> ESCALATE_AFTER = integer("escalate_after_s");
    private static final Field<Instant> ESCALATED = time("escalated_at");
    private static final Field<Long> ALARM_ID = bigint("alarm_id");
    private static final Field<Instant> AT = time("at");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> ACTOR = str("actor");
    private static final Field<String> DETAIL = str("detail");
    private static final Field<String> CONTENT_TYPE = str("content_type");
    private static final Field<byte[]> CONTENT = DSL.field(DSL.name("content"), SQLDataType.VARBINARY);
    private static final Field<Instant> CREATED = time("created_at");

    /** Selected by name with their Java types (a plain selectFrom would hand back the driver's time types). */
    private static final List<Field<?>> FIELDS = List.of(LONG_ID, OPERATOR_ID, STATION_ID, CHARGER_ID, CONNECTOR_ID, CODE, INFO, RAISED,
            ACKED, ACKED_BY, CLEARED, CLEARED_BY, SEVERITY, SOURCE, DEDUP_KEY, SUBJECT, RULE_ID, VALUE, EVIDENCE, ACTIONS, LOCKOUT,
            OCCURRENCES, LAST_SEEN, ESCALATE_AFTER, ESCALATED);

    private final DSLContext db;

    public JooqAlarms(DSLContext db) {
        this.db = db;
    }

    /** The alarm not cleared yet for this key, if any. */
    public Optional<Alarm> openByKey(String dedupKey) {
        return db.select(FIELDS).from(ALARM).where(OPEN_KEY.eq(dedupKey)).fetchOptional(JooqAlarms::alarm);
    }

    /**
     * Stores a new alarm for the signal (owner already resolved); empty if an alarm with the same key is open (raised
     * meanwhile, perhaps by another node).
     */
    public Optional<Alarm> insert(AlarmSignal s, Long operatorId, Long stationId, Instant at) {
        String key = s.dedupKey();
        if (db.fetchExists(ALARM, OPEN_KEY.eq(key))) return Optional.empty();
        Long id;
        try {
            id = db.insertInto(ALARM).set(OPERATOR_ID, operatorId).set(STATION_ID, stationId).set(CHARGER_ID, s.chargerId())
                    .set(CONNECTOR_ID, s.connector()).set(CODE, cut(s.code(), 32)).set(INFO, cut(s.message(), 300)).set(RAISED, at)
                    .set(SEVERITY, s.severity().name()).set(SOURCE, cut(s.source(), 32)).set(DEDUP_KEY, key).set(OPEN_KEY, key)
                    .set(SUBJECT, cut(s.subject(), 200)).set(RULE_ID, s.ruleId()).set(VALUE, s.value())
                    .set(EVIDENCE, cut(s.evidence(), 500)).set(ACTIONS, actions(s.actions()))
                    .set(LOCKOUT, s.actions().contains(AlarmAction.LOCK_OUT)).set(LAST_SEEN, at)
                    .set(ESCALATE_AFTER, s.escalateAfter() == null ? null : (int) Math.max(1, s.escalateAfter().toSeconds()))
                    .returningResult(LONG_ID).fetchOne(r -> r.value1());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return find(TenantScope.platform(), id);
    }

    /**
     * The same condition again while the alarm is open: one more occurrence, last seen now; severity, value, message and
     * evidence follow the newer signal when it is at least as severe; actions and lock-out only ever widen.
     */
    public Alarm refresh(Alarm open, AlarmSignal s, Instant at) {
        boolean higher = s.severity().atLeast(open.severity());
        Set<AlarmAction> actions = EnumSet.noneOf(AlarmAction.class);
        actions.addAll(open.actions());
        actions.addAll(s.actions());
        var update = db.update(ALARM).set(OCCURRENCES, OCCURRENCES.plus(1)).set(LAST_SEEN, at).set(ACTIONS, actions(actions))
                .set(LOCKOUT, actions.contains(AlarmAction.LOCK_OUT));
        if (higher) {
            update = update.set(SEVERITY, s.severity().name()).set(VALUE, s.value());
            if (s.message() != null) update = update.set(INFO, cut(s.message(), 300));
            if (s.evidence() != null) update = update.set(EVIDENCE, cut(s.evidence(), 500));
        }
        update.where(LONG_ID.eq(open.id())).execute();
        return find(TenantScope.platform(), open.id()).orElseThrow();
    }

    public Optional<Alarm> find(TenantScope scope, long id) {
        return db.select(FIELDS).from(ALARM).where(LONG_ID.eq(id)).and(scoped(scope, OPERATOR_ID, STATION_ID)).fetchOptional(JooqAlarms::alarm);
    }

    /** Marks an open alarm acknowledged; false if it is not open or already acknowledged. */
    public boolean acknowledge(long id, String by, Instant at) {
        return db.update(ALARM).set(ACKED, at).set(ACKED_BY, by).where(LONG_ID.eq(id)).and(ACKED.isNull()).and(CLEARED.isNull())
                .execute() == 1;
    }

    /** Clears an alarm (by a person or by the platform); false if it was cleared already. */
    public boolean clear(long id, String by, Instant at) {
        return db.update(ALARM).set(CLEARED, at).set(CLEARED_BY, by).setNull(OPEN_KEY).where(LONG_ID.eq(id)).and(CLEARED.isNull())
                .execute() == 1;
    }

    /** Goes one severity up after going unacknowledged too long; false if someone acknowledged or cleared it meanwhile. */
    public boolean escalate(long id, AlarmSeverity to, Instant at) {
        return db.update(ALARM).set(SEVERITY, to.name()).set(ESCALATED, at).where(LONG_ID.eq(id)).and(ACKED.isNull())
                .and(CLEARED.isNull()).execute() == 1;
    }

    /** Open, unacknowledged alarms that escalate; the caller decides which are due. */
    public List<Alarm> escalating() {
        return db.select(FIELDS).from(ALARM).where(CLEARED.isNull()).and(ACKED.isNull()).and(ESCALATE_AFTER.isNotNull())
                .and(SEVERITY.ne(AlarmSeverity.EVACUATION.name())).fetch(JooqAlarms::alarm);
    }

    /** Alarms not cleared of a connector (connector 0: of the charger as a whole). */
    public List<Alarm> openAt(String chargerId, int connectorId) {
        return db.select(FIELDS).from(ALARM).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId)).and(CLEARED.isNull())
                .fetch(JooqAlarms::alarm);
    }

    /** Chargers an alarm not cleared locks out. */
    public List<String> lockedOutChargers() {
        return db.selectDistinct(CHARGER_ID).from(ALARM).where(LOCKOUT.isTrue()).and(CLEARED.isNull()).and(CHARGER_ID.isNotNull())
                .fetch(r -> r.value1());
    }

    /** Alarms in scope, newest first; null filters match everything. */
    public Page<Alarm> list(TenantScope scope, State state, String chargerId, Long stationId, AlarmSeverity minSeverity, String source,
                            PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (state == State.OPEN) where = where.and(CLEARED.isNull()).and(ACKED.isNull());
        if (state == State.ACKNOWLEDGED) where = where.and(CLEARED.isNull()).and(ACKED.isNotNull());
        if (state == State.CLEARED) where = where.and(CLEARED.isNotNull());
        if (state == State.NOT_CLEARED) where = where.and(CLEARED.isNull());
        if (chargerId != null) where = where.and(CHARGER_ID.eq(chargerId));
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        if (source != null) where = where.and(SOURCE.eq(source));
        if (minSeverity != null) {
            where = where.and(SEVERITY.in(Arrays.stream(AlarmSeverity.values()).filter(v -> v.atLeast(minSeverity)).map(Enum::name).toList()));
        }
        long total = db.fetchCount(ALARM, where);
        List<Alarm> items = db.select(FIELDS).from(ALARM).where(where).orderBy(RAISED.desc(), LONG_ID.desc())
                .limit(page.size()).offset((long) page.page() * page.size()).fetch(JooqAlarms::alarm);
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** "chargerId#connectorId" of every connector with a charger-reported alarm not cleared. */
    public List<String> unclearedConnectors() {
        return db.selectDistinct(CHARGER_ID, CONNECTOR_ID).from(ALARM).where(CLEARED.isNull()).and(SOURCE.eq("charger"))
                .fetch(r -> r.value1() + "#" + r.value2());
    }

    /** Alarms not cleared yet (open or acknowledged) in scope. */
    public long countUncleared(TenantScope scope) {
        return db.fetchCount(ALARM, scoped(scope, OPERATOR_ID, STATION_ID).and(CLEARED.isNull()));
    }

    public void event(long alarmId, Instant at, String kind, String actor, String detail) {
        db.insertInto(ALARM_EVENT).set(ALARM_ID, alarmId).set(AT, at).set(KIND, kind).set(ACTOR, cut(actor, 100))
                .set(DETAIL, cut(detail, 500)).execute();
    }

    public List<Event> history(long alarmId) {
        return db.select(LONG_ID, AT, KIND, ACTOR, DETAIL).from(ALARM_EVENT).where(ALARM_ID.eq(alarmId)).orderBy(LONG_ID)
                .fetch(r -> new Event(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public long attach(long alarmId, String contentType, byte[] content, Instant at) {
        return db.insertInto(ALARM_EVIDENCE).set(ALARM_ID, alarmId).set(CONTENT_TYPE, cut(contentType, 100)).set(CONTENT, content)
                .set(CREATED, at).returningResult(LONG_ID).fetchOne(r -> r.value1());
    }

    public List<Evidence> evidence(long alarmId) {
        return db.select(LONG_ID, CONTENT_TYPE, CREATED).from(ALARM_EVIDENCE).where(ALARM_ID.eq(alarmId)).orderBy(LONG_ID)
                .fetch(r -> new Evidence(r.value1(), r.value2(), r.value3()));
    }

    /** The bytes of one piece of evidence with its content type. */
    public Optional<Record> evidenceContent(long alarmId, long evidenceId) {
        return db.select(CONTENT_TYPE, CONTENT).from(ALARM_EVIDENCE).where(ALARM_ID.eq(alarmId)).and(LONG_ID.eq(evidenceId))
                .fetchOptional().map(r -> (Record) r);
    }

    public static String contentType(Record r) {
        return r.get(CONTENT_TYPE);
    }

    public static byte[] content(Record r) {
        return r.get(CONTENT);
    }

    private static String actions(Set<AlarmAction> actions) {
        return actions.isEmpty() ? null : actions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<AlarmAction> actions(String column) {
        if (column == null || column.isBlank()) return Set.of();
        return Arrays.stream(column.split(",")).map(AlarmAction::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Alarm alarm(Record r) {
        Integer connector = r.get(CONNECTOR_ID);
        Integer occurrences = r.get(OCCURRENCES);
        return new Alarm(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(CHARGER_ID), connector == null ? 0 : connector,
                r.get(CODE), r.get(INFO), r.get(RAISED), r.get(ACKED), r.get(ACKED_BY), r.get(CLEARED), r.get(CLEARED_BY),
                AlarmSeverity.valueOf(r.get(SEVERITY)), r.get(SOURCE), r.get(DEDUP_KEY), r.get(SUBJECT), r.get(RULE_ID), r.get(VALUE),
                r.get(EVIDENCE), actions(r.get(ACTIONS)), Boolean.TRUE.equals(r.get(LOCKOUT)), occurrences == null ? 1 : occurrences,
                r.get(LAST_SEEN), r.get(ESCALATE_AFTER), r.get(ESCALATED));
    }
}
