package io.pylon.server.regulator;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * The durable outbox of records for the regulator (table {@code regulator_outbox}): one row per order, written once;
 * a row is claimed before it is sent (its next attempt moved past the request's timeout), so two nodes never send
 * it at the same time, and marked sent only after the regulator answered 2xx.
 */
@Repository
public class RegulatorOutbox {

    static final Table<Record> OUTBOX = table(name("regulator_outbox"));
    static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    static final Field<Long> ORDER_ID = field(name("order_id"), SQLDataType.BIGINT);
    static final Field<String> PAYLOAD = field(name("payload"), SQLDataType.VARCHAR);
    static final Field<Instant> CREATED_AT = field(name("created_at"), SQLDataType.INSTANT);
    static final Field<Integer> ATTEMPTS = field(name("attempts"), SQLDataType.INTEGER);
    static final Field<Instant> NEXT_ATTEMPT_AT = field(name("next_attempt_at"), SQLDataType.INSTANT);
    static final Field<Instant> SENT_AT = field(name("sent_at"), SQLDataType.INSTANT);
    static final Field<String> LAST_ERROR = field(name("last_error"), SQLDataType.VARCHAR);

    public record Item(long id, long orderId, String payload, int attempts, Instant nextAttemptAt) {}

    private final DSLContext db;

    public RegulatorOutbox(DSLContext db) {
        this.db = db;
    }

    /** Queues an order's record once; false if it was queued before. */
    public boolean add(long orderId, String payload, Instant now) {
        return db.insertInto(OUTBOX, ORDER_ID, PAYLOAD, CREATED_AT, ATTEMPTS, NEXT_ATTEMPT_AT)
                .values(orderId, payload, now, 0, now)
                .onConflict(field(OUTBOX.getQualifiedName().append("order_id"))).doNothing().execute() == 1;
    }

    public List<Item> due(Instant now, int limit) {
        return db.select(ID, ORDER_ID, PAYLOAD, ATTEMPTS, NEXT_ATTEMPT_AT).from(OUTBOX).where(SENT_AT.isNull())
                .and(NEXT_ATTEMPT_AT.le(now)).orderBy(NEXT_ATTEMPT_AT, ID).limit(limit)
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Takes an item for one attempt: only one claimant wins (the next attempt time it read must still be there). */
    public boolean claim(Item item, Instant leaseUntil) {
        return db.update(OUTBOX).set(NEXT_ATTEMPT_AT, leaseUntil).where(ID.eq(item.id())).and(SENT_AT.isNull())
                .and(NEXT_ATTEMPT_AT.eq(item.nextAttemptAt())).execute() == 1;
    }

    public void sent(long id, Instant at) {
        db.update(OUTBOX).set(SENT_AT, at).set(ATTEMPTS, ATTEMPTS.plus(1)).set(LAST_ERROR, (String) null)
                .where(ID.eq(id)).execute();
    }

    public void failed(long id, String error, Instant nextAttempt) {
        db.update(OUTBOX).set(ATTEMPTS, ATTEMPTS.plus(1)).set(NEXT_ATTEMPT_AT, nextAttempt)
                .set(LAST_ERROR, error.length() > 500 ? error.substring(0, 500) : error).where(ID.eq(id)).execute();
    }

    /** Rows not yet delivered (for monitoring and tests). */
    public int pending() {
        return db.fetchCount(OUTBOX, SENT_AT.isNull());
    }
}
