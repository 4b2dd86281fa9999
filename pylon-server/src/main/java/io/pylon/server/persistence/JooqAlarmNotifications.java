package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.alarm.AlarmSeverity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Who is told of alarms ({@code alarm_subscription}, {@code alarm_webhook}) and the outbox of what to tell them ({@code alarm_delivery}). */
@Repository
public class JooqAlarmNotifications {

    public record Subscription(long id, Long operatorId, String username, String channel, String address, Long stationId,
                               AlarmSeverity minSeverity, Instant createdAt) {}

    public record Webhook(long id, Long operatorId, String url, String secret, Long stationId, AlarmSeverity minSeverity, boolean enabled,
                          Instant createdAt) {}

    /** One message to send; {@code status} PENDING, SENT or FAILED. */
    public record Delivery(long id, long alarmId, String notice, String channel, long targetId, String address, String payload,
                           String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {}

    private static final Table<Record> SUBSCRIPTION = DSL.table(DSL.name("alarm_subscription"));
    private static final Table<Record> WEBHOOK = DSL.table(DSL.name("alarm_webhook"));
    private static final Table<Record> DELIVERY = DSL.table(DSL.name("alarm_delivery"));
    private static final Field<String> USERNAME = str("username");
    private static final Field<String> CHANNEL = str("channel");
    private static final Field<String> ADDRESS = str("address");
    private static final Field<String> MIN_SEVERITY = str("min_severity");
    private static final Field<Instant> CREATED = time("created_at");
    private static final Field<String> URL = str("url");
    private static final Field<String> SECRET = str("secret");
    private static final Field<Boolean> ENABLED = bool("enabled");
    private static final Field<Long> ALARM_ID = bigint("alarm_id");
    private static final Field<String> NOTICE = str("notice");
    private static final Field<Long> TARGET_ID = bigint("target_id");
    private static final Field<String> PAYLOAD = str("payload");
    private static final Field<String> STATUS = str("status");
    private static final Field<Integer> ATTEMPTS = integer("attempts");
    private static final Field<Instant> NEXT_ATTEMPT = time("next_attempt_at");
    private static final Field<Instant> CLAIMED_UNTIL = time("claimed_until");
    private static final Field<String> LAST_ERROR = str("last_error");
    private static final Field<Instant> SENT = time("sent_at");

    private static final List<Field<?>> SUBSCRIPTION_FIELDS = List.of(LONG_ID, OPERATOR_ID, USERNAME, CHANNEL, ADDRESS, STATION_ID,
            MIN_SEVERITY, CREATED);
    private static final List<Field<?>> WEBHOOK_FIELDS = List.of(LONG_ID, OPERATOR_ID, URL, SECRET, STATION_ID, MIN_SEVERITY, ENABLED,
            CREATED);
    private static final List<Field<?>> DELIVERY_FIELDS = List.of(LONG_ID, ALARM_ID, NOTICE, CHANNEL, TARGET_ID, ADDRESS, PAYLOAD, STATUS,
            ATTEMPTS, NEXT_ATTEMPT, LAST_ERROR, CREATED, SENT);

    private final DSLContext db;

    public JooqAlarmNotifications(DSLContext db) {
        this.db = db;
    }

    public long subscribe(Long operatorId, String username, String channel, String address, Long stationId, AlarmSeverity min,
                          Instant at) {
        return db.insertInto(SUBSCRIPTION).set(OPERATOR_ID, operatorId).set(USERNAME, username).set(CHANNEL, channel).set(ADDRESS, address)
                .set(STATION_ID, stationId).set(MIN_SEVERITY, min.name()).set(CREATED, at).returningResult(LONG_ID).fetchOne(r -> r.value1());
    }

    public List<Subscription> subscriptionsOf(String username) {
        return db.select(SUBSCRIPTION_FIELDS).from(SUBSCRIPTION).where(USERNAME.eq(username)).orderBy(LONG_ID)
                .fetch(JooqAlarmNotifications::subscription);
    }

    public boolean unsubscribe(String username, long id) {
        return db.deleteFrom(SUBSCRIPTION).where(LONG_ID.eq(id)).and(USERNAME.eq(username)).execute() == 1;
    }

    /** Subscriptions that want to hear of an alarm of this operator, station and severity. */
    public List<Subscription> subscriptionsFor(Long operatorId, Long stationId, AlarmSeverity severity) {
        return db.select(SUBSCRIPTION_FIELDS).from(SUBSCRIPTION).where(owner(operatorId, stationId)).and(MIN_SEVERITY.in(upTo(severity)))
                .fetch(JooqAlarmNotifications::subscription);
    }

    public long addWebhook(Long operatorId, String url, String secret, Long stationId, AlarmSeverity min, Instant at) {
        return db.insertInto(WEBHOOK).set(OPERATOR_ID, operatorId).set(URL, url).set(SECRET, secret).set(STATION_ID, stationId)
                .set(MIN_SEVERITY, min.name()).set(ENABLED, true).set(CREATED, at).returningResult(LONG_ID).fetchOne(r -> r.value1());
    }

    /** Webhooks an operator (null: the platform) owns. */
    public List<Webhook> webhooks(Long operatorId, boolean platform) {
        Condition where = platform ? DSL.noCondition() : OPERATOR_ID.eq(operatorId);
        return db.select(WEBHOOK_FIELDS).from(WEBHOOK).where(where).orderBy(LONG_ID).fetch(JooqAlarmNotifications::webhook);
    }

    public Optional<Webhook> webhook(long id) {
        return db.select(WEBHOOK_FIELDS).from(WEBHOOK).where(LONG_ID.eq(id)).fetchOptional(JooqAlarmNotifications::webhook);
    }

    public void deleteWebhook(long id) {
        db.deleteFrom(WEBHOOK).where(LONG_ID.eq(id)).execute();
    }

    public List<Webhook> webhooksFor(Long operatorId, Long stationId, AlarmSeverity severity) {
        return db.select(WEBHOOK_FIELDS).from(WEBHOOK).where(owner(operatorId, stationId)).and(ENABLED.isTrue())
                .and(MIN_SEVERITY.in(upTo(severity))).fetch(JooqAlarmNotifications::webhook);
    }

    public void enqueue(long alarmId, String notice, String channel, long targetId, String address, String payload, Instant at) {
        db.insertInto(DELIVERY).set(ALARM_ID, alarmId).set(NOTICE, notice).set(CHANNEL, channel).set(TARGET_ID, targetId)
                .set(ADDRESS, address).set(PAYLOAD, payload).set(STATUS, "PENDING").set(ATTEMPTS, 0).set(NEXT_ATTEMPT, at).set(CREATED, at)
                .execute();
    }

    /** Ids of deliveries due now that no node is sending. */
    public List<Long> due(Instant now, int limit) {
        return db.select(LONG_ID).from(DELIVERY).where(STATUS.eq("PENDING")).and(NEXT_ATTEMPT.le(now))
                .and(CLAIMED_UNTIL.isNull().or(CLAIMED_UNTIL.lt(now))).orderBy(LONG_ID).limit(limit).fetch(r -> r.value1());
    }

    /** Takes a due delivery for this node until {@code until}; empty if another node took it first. */
    public Optional<Delivery> claim(long id, Instant now, Instant until) {
        int taken = db.update(DELIVERY).set(CLAIMED_UNTIL, until).where(LONG_ID.eq(id)).and(STATUS.eq("PENDING"))
                .and(CLAIMED_UNTIL.isNull().or(CLAIMED_UNTIL.lt(now))).execute();
        if (taken != 1) return Optional.empty();
        return db.select(DELIVERY_FIELDS).from(DELIVERY).where(LONG_ID.eq(id)).fetchOptional(JooqAlarmNotifications::delivery);
    }

    public void sent(long id, Instant at) {
        db.update(DELIVERY).set(STATUS, "SENT").set(SENT, at).set(ATTEMPTS, ATTEMPTS.plus(1)).setNull(CLAIMED_UNTIL).setNull(LAST_ERROR)
                .where(LONG_ID.eq(id)).execute();
    }

    /** A failed attempt: tried again at {@code next}, or given up (FAILED) when {@code next} is null. */
    public void failed(long id, String error, Instant next) {
        var update = db.update(DELIVERY).set(ATTEMPTS, ATTEMPTS.plus(1)).set(LAST_ERROR, error.length() > 500 ? error.substring(0, 500) : error)
                .setNull(CLAIMED_UNTIL);
        (next == null ? update.set(STATUS, "FAILED") : update.set(NEXT_ATTEMPT, next)).where(LONG_ID.eq(id)).execute();
    }

    public List<Delivery> deliveries(long alarmId) {
        return db.select(DELIVERY_FIELDS).from(DELIVERY).where(ALARM_ID.eq(alarmId)).orderBy(LONG_ID).fetch(JooqAlarmNotifications::delivery);
    }

    /** Alarms of an operator reach its subscribers and platform-wide ones; alarms of a station also those of that station. */
    private static Condition owner(Long operatorId, Long stationId) {
        Condition operator = OPERATOR_ID.isNull().or(operatorId == null ? DSL.falseCondition() : OPERATOR_ID.eq(operatorId));
        Condition station = STATION_ID.isNull().or(stationId == null ? DSL.falseCondition() : STATION_ID.eq(stationId));
        return operator.and(station);
    }

    private static List<String> upTo(AlarmSeverity severity) {
        return Arrays.stream(AlarmSeverity.values()).filter(severity::atLeast).map(Enum::name).toList();
    }

    private static Subscription subscription(Record r) {
        return new Subscription(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(USERNAME), r.get(CHANNEL), r.get(ADDRESS), r.get(STATION_ID),
                AlarmSeverity.valueOf(r.get(MIN_SEVERITY)), r.get(CREATED));
    }

    private static Webhook webhook(Record r) {
        return new Webhook(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(URL), r.get(SECRET), r.get(STATION_ID),
                AlarmSeverity.valueOf(r.get(MIN_SEVERITY)), r.get(ENABLED), r.get(CREATED));
    }

    private static Delivery delivery(Record r) {
        return new Delivery(r.get(LONG_ID), r.get(ALARM_ID), r.get(NOTICE), r.get(CHANNEL), r.get(TARGET_ID), r.get(ADDRESS), r.get(PAYLOAD),
                r.get(STATUS), r.get(ATTEMPTS), r.get(NEXT_ATTEMPT), r.get(LAST_ERROR), r.get(CREATED), r.get(SENT));
    }
}
