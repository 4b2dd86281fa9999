package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loyalty points: a balance per driver and an append-only journal. Every change locks the driver's balance row
 * ({@code SELECT ... FOR UPDATE}), checks for an earlier entry with the same key (the order for points earned,
 * the idempotency key for staff changes) under that lock, then writes the entry and the new balance together; so
 * a retried billing or request never counts twice, and the balance never goes below zero. Also keeps each
 * operator's points rate.
 */
@Repository
public class JooqPoints {

    static final Table<Record> ACCOUNT = DSL.table(DSL.name("points_account"));
    static final Table<Record> ENTRY = DSL.table(DSL.name("points_entry"));
    static final Table<Record> SETTINGS = DSL.table(DSL.name("marketing_settings"));
    private static final Field<Long> BALANCE = bigint("balance");
    private static final Field<String> KIND = str("kind");
    private static final Field<Long> POINTS = bigint("points");
    private static final Field<Long> BALANCE_AFTER = bigint("balance_after");
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<Long> EARN_ORDER_ID = bigint("earn_order_id");
    private static final Field<String> REASON = str("reason");
    private static final Field<String> ACTOR = str("actor");
    private static final Field<String> KEY = str("idempotency_key");
    private static final Field<BigDecimal> RATE = decimal("points_per_kwh");
    private static final Field<String> UPDATED_BY = str("updated_by");
    private static final List<Field<?>> ENTRY_COLUMNS = List.of(LONG_ID, OPERATOR_ID, DRIVER_ID, KIND, POINTS, BALANCE_AFTER,
            ORDER_ID, REASON, ACTOR, KEY, CREATED_AT);
    private static final int LOCK_ATTEMPTS = 5;

    /** EARN: by an order; REDEEM: spent (exchanged for something); ADJUST: corrected by staff, either way. */
    public enum Kind { EARN, REDEEM, ADJUST }

    /** A journal entry: {@code points} signed, {@code balanceAfter} the balance it left. */
    public record PointsJournalEntry(long id, long operatorId, long driverId, Kind kind, long points, long balanceAfter, Long orderId,
                        String reason, String actor, String idempotencyKey, Instant createdAt) {}

    /** What came of a staff change: the entry (replayed: recorded earlier under the same key), or why not. */
    public sealed interface Change {
        record Recorded(PointsJournalEntry entry, boolean replayed) implements Change {}

        record Refused(Reason reason, long balance) implements Change {}

        enum Reason { INSUFFICIENT_POINTS, IDEMPOTENCY_KEY_REUSED }
    }

    /** An operator's own points rate. */
    public record Rate(long operatorId, BigDecimal pointsPerKwh, String updatedBy, Instant updatedAt) {}

    private final DSLContext db;
    private final TransactionTemplate savepoint;

    public JooqPoints(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public long balance(long operatorId, long driverId) {
        return db.select(BALANCE).from(ACCOUNT).where(OPERATOR_ID.eq(operatorId)).and(DRIVER_ID.eq(driverId))
                .fetchOptional(org.jooq.Record1::value1).orElse(0L);
    }

    /** The driver's journal, newest first; {@code kind} null for all. */
    public Page<PointsJournalEntry> journal(long operatorId, long driverId, Kind kind, PageRequest page) {
        Condition where = OPERATOR_ID.eq(operatorId).and(DRIVER_ID.eq(driverId));
        if (kind != null) where = where.and(KIND.eq(kind.name()));
        long total = db.fetchCount(ENTRY, where);
        return new Page<>(db.select(ENTRY_COLUMNS).from(ENTRY).where(where).orderBy(LONG_ID.desc()).limit(page.size())
                .offset(page.offset()).fetch(JooqPoints::toEntry), page.page(), page.size(), total);
    }

    /** Credits what an order earned, once per order; answers the points recorded for it (now or before). */
    @Transactional
    public long earn(long operatorId, long driverId, long orderId, long points, Instant now) {
        if (points <= 0) {
            return db.select(POINTS).from(ENTRY).where(EARN_ORDER_ID.eq(orderId)).fetchOptional(org.jooq.Record1::value1).orElse(0L);
        }
        long balance = lock(operatorId, driverId, now);
        Optional<Long> earlier = db.select(POINTS).from(ENTRY).where(EARN_ORDER_ID.eq(orderId)).fetchOptional(org.jooq.Record1::value1);
        if (earlier.isPresent()) return earlier.get();
        write(operatorId, driverId, Kind.EARN, points, balance, orderId, "order " + orderId, "billing", null, now);
        return points;
    }

    /**
     * A change by staff or the driver: ADJUST adds or takes {@code points} (signed), REDEEM takes {@code points}
     * (positive). Recorded once per idempotency key; refused if the balance would go below zero.
     */
    @Transactional
    public Change change(long operatorId, long driverId, Kind kind, long points, String reason, String actor,
                         String idempotencyKey, Instant now) {
        if (kind == Kind.EARN || points == 0 || kind == Kind.REDEEM && points < 0) {
            throw new IllegalArgumentException("points: " + kind + " of " + points + " is not a change");
        }
        long signed = kind == Kind.REDEEM ? -points : points;
        long balance = lock(operatorId, driverId, now);
        Optional<PointsJournalEntry> earlier = db.select(ENTRY_COLUMNS).from(ENTRY).where(OPERATOR_ID.eq(operatorId))
                .and(KEY.eq(idempotencyKey)).fetchOptional(JooqPoints::toEntry);
        if (earlier.isPresent()) {
            PointsJournalEntry e = earlier.get();
            boolean same = e.driverId() == driverId && e.kind() == kind && e.points() == signed;
            return same ? new Change.Recorded(e, true) : new Change.Refused(Change.Reason.IDEMPOTENCY_KEY_REUSED, balance);
        }
        if (balance + signed < 0) return new Change.Refused(Change.Reason.INSUFFICIENT_POINTS, balance);
        long id = write(operatorId, driverId, kind, signed, balance, null, reason, actor, idempotencyKey, now);
        return new Change.Recorded(db.select(ENTRY_COLUMNS).from(ENTRY).where(LONG_ID.eq(id)).fetchOne(JooqPoints::toEntry), false);
    }

    private long write(long operatorId, long driverId, Kind kind, long signed, long balance, Long orderId, String reason,
                       String actor, String key, Instant now) {
        long after = balance + signed;
        db.update(ACCOUNT).set(BALANCE, after).set(UPDATED_AT, now).where(OPERATOR_ID.eq(operatorId))
                .and(DRIVER_ID.eq(driverId)).execute();
        return db.insertInto(ENTRY).set(OPERATOR_ID, operatorId).set(DRIVER_ID, driverId).set(KIND, kind.name())
                .set(POINTS, signed).set(BALANCE_AFTER, after).set(ORDER_ID, orderId)
                .set(EARN_ORDER_ID, kind == Kind.EARN ? orderId : null).set(REASON, reason).set(ACTOR, actor).set(KEY, key)
                .set(CREATED_AT, now).returningResult(LONG_ID).fetchOne().value1();
    }

    /** Locks the driver's balance row until the transaction ends (creating it on first use); answers the balance. */
    private long lock(long operatorId, long driverId, Instant now) {
        Condition account = OPERATOR_ID.eq(operatorId).and(DRIVER_ID.eq(driverId));
        for (int attempt = 1; ; attempt++) {
            Optional<Long> balance = db.select(BALANCE).from(ACCOUNT).where(account).forUpdate()
                    .fetchOptional(org.jooq.Record1::value1);
            if (balance.isPresent()) return balance.get();
            try {
                savepoint.executeWithoutResult(status -> db.insertInto(ACCOUNT).set(OPERATOR_ID, operatorId)
                        .set(DRIVER_ID, driverId).set(BALANCE, 0L).set(UPDATED_AT, now)
                        .onConflict(key(ACCOUNT, "operator_id", "driver_id")).doNothing().execute());
            } catch (DataAccessException | org.jooq.exception.DataAccessException e) {
                if (attempt >= LOCK_ATTEMPTS) throw e;
            }
        }
    }

    // --- the operator's points rate ---

    public Optional<Rate> rate(long operatorId) {
        return db.select(OPERATOR_ID, RATE, UPDATED_BY, UPDATED_AT).from(SETTINGS).where(OPERATOR_ID.eq(operatorId))
                .fetchOptional(r -> new Rate(r.get(OPERATOR_ID), r.get(RATE).setScale(4, RoundingMode.UNNECESSARY).stripTrailingZeros(),
                        r.get(UPDATED_BY), r.get(UPDATED_AT)));
    }

    /** Sets the operator's points rate; null removes it (the platform's rate applies). */
    @Transactional
    public void setRate(long operatorId, BigDecimal pointsPerKwh, String actor, Instant now) {
        if (pointsPerKwh == null) {
            db.deleteFrom(SETTINGS).where(OPERATOR_ID.eq(operatorId)).execute();
            return;
        }
        Upserts.upsert(savepoint,
                () -> db.update(SETTINGS).set(RATE, pointsPerKwh).set(UPDATED_BY, actor).set(UPDATED_AT, now)
                        .where(OPERATOR_ID.eq(operatorId)).execute(),
                () -> db.insertInto(SETTINGS).set(OPERATOR_ID, operatorId).set(RATE, pointsPerKwh).set(UPDATED_BY, actor)
                        .set(UPDATED_AT, now).execute());
    }

    private static PointsJournalEntry toEntry(Record r) {
        return new PointsJournalEntry(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(DRIVER_ID), Kind.valueOf(r.get(KIND)), r.get(POINTS),
                r.get(BALANCE_AFTER), r.get(ORDER_ID), r.get(REASON), r.get(ACTOR), r.get(KEY), r.get(CREATED_AT));
    }
}
