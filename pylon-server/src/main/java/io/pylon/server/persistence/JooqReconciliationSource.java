package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;
import static io.pylon.server.persistence.JooqLedger.LEDGER_ENTRY;
import static io.pylon.server.persistence.JooqLedger.LEDGER_POSTING;
import static io.pylon.server.persistence.JooqPayments.PAYMENT;

import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.payment.PaymentStatus;
import io.pylon.domain.reconciliation.Facts;
import io.pylon.domain.reconciliation.Facts.EntryFact;
import io.pylon.domain.reconciliation.Facts.OrderFact;
import io.pylon.domain.reconciliation.Facts.PaymentFact;
import io.pylon.domain.reconciliation.Facts.RefundFact;
import io.pylon.domain.reconciliation.Facts.StationDay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the orders, the ledger, the payments and report_daily each say about one operator's day, for the
 * {@link io.pylon.domain.reconciliation.Reconciler}. Counterparts are looked up by identity (ledger key, order id,
 * payment id) with the window only choosing what each side starts from. Amounts become minor units.
 */
@Repository
public class JooqReconciliationSource implements Facts.Source {

    private static final Table<Record> ORDER = DSL.table(DSL.name("charging_order"));
    private static final Table<Record> REFUND = DSL.table(DSL.name("order_refund"));
    private static final Field<Long> SEQ = bigint("seq");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> REFERENCE = str("reference");
    private static final Field<String> KEY = str("idempotency_key");
    private static final Field<Long> ENTRY_SEQ = bigint("entry_seq");
    private static final Field<String> ACCOUNT_TYPE = str("account_type");
    private static final Field<Long> AMOUNT_MINOR = bigint("amount_minor");
    private static final Field<Instant> SETTLED_AT = time("settled_at");
    private static final Field<Instant> STARTED_AT = time("started_at");
    private static final Field<Instant> PAID_AT = time("paid_at");
    private static final Field<String> STATE = str("state");
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<BigDecimal> PAYABLE = decimal("payable");
    private static final Field<BigDecimal> REFUNDED = decimal("refunded");
    private static final Field<BigDecimal> AMOUNT = decimal("amount");
    private static final Field<Long> ENERGY = bigint("energy_wh");
    /** Lookups by id go in chunks, well under every driver's limit of bind values. */
    private static final int CHUNK = 1000;
    private static final List<String> SETTLED_STATES = List.of(OrderState.SETTLED.name(), OrderState.REFUNDED.name());
    private static final List<String> BILLED_STATES =
            List.of(OrderState.FINISHED.name(), OrderState.SETTLED.name(), OrderState.REFUNDED.name());

    private final DSLContext db;
    private final JooqOperators operators;

    public JooqReconciliationSource(DSLContext db, JooqOperators operators) {
        this.db = db;
        this.operators = operators;
    }

    @Override
    @Transactional(readOnly = true)
    public Facts read(long op, LocalDate day, Instant from, Instant to) {
        int digits = operators.find(op).orElseThrow().currency().getDefaultFractionDigits();
        Condition settledInWindow = col(ORDER, OPERATOR_ID).eq(op).and(col(ORDER, SETTLED_AT).ge(from))
                .and(col(ORDER, SETTLED_AT).lt(to)).and(col(ORDER, STATE).in(SETTLED_STATES));
        List<OrderFact> settled = db.select(col(ORDER, LONG_ID), col(ORDER, STATE), col(ORDER, PAYABLE)).from(ORDER)
                .where(settledInWindow).fetch(r -> new OrderFact(r.value1(), OrderState.valueOf(r.value2()), minor(r.value3(), digits)));
        Map<Long, EntryFact> settlements = new HashMap<>();
        entries(col(LEDGER_ENTRY, KIND).eq(EntryKind.SETTLE.name()).and(col(LEDGER_ENTRY, REFERENCE).in(
                DSL.select(DSL.concat(DSL.inline("order:"), col(ORDER, LONG_ID).cast(String.class))).from(ORDER).where(settledInWindow))), op)
                .forEach(e -> settlements.put(Long.parseLong(e.reference().substring("order:".length())), e));

        List<EntryFact> entries = entries(col(LEDGER_ENTRY, CREATED_AT).ge(from).and(col(LEDGER_ENTRY, CREATED_AT).lt(to)), op);
        Map<Long, OrderFact> ordersById = ordersNamedBy(entries, digits);

        Condition refundsInWindow = col(ORDER, OPERATOR_ID).eq(op).and(col(REFUND, CREATED_AT).ge(from)).and(col(REFUND, CREATED_AT).lt(to));
        List<RefundFact> refunds = db.select(col(REFUND, ORDER_ID), col(REFUND, KEY), col(REFUND, AMOUNT)).from(REFUND)
                .join(ORDER).on(col(ORDER, LONG_ID).eq(col(REFUND, ORDER_ID))).where(refundsInWindow)
                .fetch(r -> new RefundFact(r.value1(), "refund:" + r.value2(), minor(r.value3(), digits)));
        Map<String, EntryFact> refundEntries = new HashMap<>();
        entries(col(LEDGER_ENTRY, KIND).eq(EntryKind.REFUND.name()).and(col(LEDGER_ENTRY, KEY).in(
                DSL.select(DSL.concat(DSL.inline("refund:"), col(REFUND, KEY))).from(REFUND).join(ORDER)
                        .on(col(ORDER, LONG_ID).eq(col(REFUND, ORDER_ID))).where(refundsInWindow))), op)
                .forEach(e -> refundEntries.put(e.key(), e));
        entries.stream().filter(e -> e.kind() == EntryKind.REFUND).forEach(e -> refundEntries.put(e.key(), e));

        Condition paidInWindow = OPERATOR_ID.eq(op).and(STATUS.eq(PaymentStatus.PAID.name())).and(PAID_AT.ge(from)).and(PAID_AT.lt(to));
        List<PaymentFact> paid = db.select(LONG_ID, STATUS, AMOUNT_MINOR).from(PAYMENT).where(paidInWindow)
                .fetch(r -> new PaymentFact(r.value1(), PaymentStatus.valueOf(r.value2()), r.value3()));
        Map<Long, EntryFact> topUps = new HashMap<>();
        entries(col(LEDGER_ENTRY, KIND).eq(EntryKind.TOP_UP.name()).and(col(LEDGER_ENTRY, KEY).in(
                DSL.select(DSL.concat(DSL.inline("payment:"), LONG_ID.cast(String.class))).from(PAYMENT).where(paidInWindow))), op)
                .forEach(e -> topUps.put(Long.parseLong(e.key().substring("payment:".length())), e));

        return new Facts(settled, settlements, entries, ordersById, refunds, refundEntries, recordedRefunds(entries),
                paid, topUps, paymentsNamedBy(entries), rollups(op, day, digits), billedOrders(op, day, from, to, digits));
    }

    /** Entries of the operator matching, each with the sums of its postings (an entry without postings sums to 0). */
    private List<EntryFact> entries(Condition where, long op) {
        Field<Long> seq = col(LEDGER_ENTRY, SEQ);
        Field<BigDecimal> driver = DSL.sum(DSL.when(col(LEDGER_POSTING, ACCOUNT_TYPE).in("DRIVER_WALLET", "DRIVER_HOLDS"),
                col(LEDGER_POSTING, AMOUNT_MINOR)).otherwise(0L));
        Field<BigDecimal> total = DSL.sum(col(LEDGER_POSTING, AMOUNT_MINOR));
        return db.select(seq, col(LEDGER_ENTRY, KIND), col(LEDGER_ENTRY, REFERENCE), col(LEDGER_ENTRY, KEY), driver, total)
                .from(LEDGER_ENTRY).leftJoin(LEDGER_POSTING).on(col(LEDGER_POSTING, ENTRY_SEQ).eq(seq))
                .where(col(LEDGER_ENTRY, OPERATOR_ID).eq(op)).and(where)
                .groupBy(seq, col(LEDGER_ENTRY, KIND), col(LEDGER_ENTRY, REFERENCE), col(LEDGER_ENTRY, KEY))
                .fetch(r -> new EntryFact(r.value1(), EntryKind.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value5() == null ? 0 : r.value5().longValueExact(), r.value6() == null ? 0 : r.value6().longValueExact()));
    }

    private Map<Long, OrderFact> ordersNamedBy(List<EntryFact> entries, int digits) {
        Set<Long> ids = new HashSet<>();
        for (EntryFact e : entries) {
            if (e.kind() == EntryKind.SETTLE) {
                Long id = io.pylon.domain.reconciliation.Reconciler.orderId(e.reference()); // order:<id> or order:<id>:parking
                if (id != null) ids.add(id);
            }
        }
        Map<Long, OrderFact> result = new HashMap<>();
        chunks(ids, chunk -> db.select(LONG_ID, STATE, PAYABLE).from(ORDER).where(LONG_ID.in(chunk))
                .fetch(r -> new OrderFact(r.value1(), OrderState.valueOf(r.value2()), minor(r.value3(), digits))))
                .forEach(o -> result.put(o.orderId(), o));
        return result;
    }

    /** The ledger keys of REFUND entries in the window whose order recorded that refund. */
    private Set<String> recordedRefunds(List<EntryFact> entries) {
        Set<Long> orders = new HashSet<>();
        entries.stream().filter(e -> e.kind() == EntryKind.REFUND && e.reference().startsWith("order:"))
                .forEach(e -> parse(e.reference().substring("order:".length()), orders));
        Set<String> recorded = new HashSet<>();
        chunks(orders, chunk -> db.select(ORDER_ID, KEY).from(REFUND).where(ORDER_ID.in(chunk)).fetch())
                .forEach(r -> recorded.add("order:" + r.value1() + " refund:" + r.value2()));
        Set<String> keys = new HashSet<>();
        entries.stream().filter(e -> e.kind() == EntryKind.REFUND && recorded.contains(e.reference() + " " + e.key()))
                .forEach(e -> keys.add(e.key()));
        return keys;
    }

    private Map<Long, PaymentFact> paymentsNamedBy(List<EntryFact> entries) {
        Set<Long> ids = new HashSet<>();
        entries.stream().filter(e -> e.kind() == EntryKind.TOP_UP && e.reference().startsWith("payment:"))
                .forEach(e -> parse(e.reference().substring("payment:".length()), ids));
        Map<Long, PaymentFact> result = new HashMap<>();
        chunks(ids, chunk -> db.select(LONG_ID, STATUS, AMOUNT_MINOR).from(PAYMENT).where(LONG_ID.in(chunk))
                .fetch(r -> new PaymentFact(r.value1(), PaymentStatus.valueOf(r.value2()), r.value3())))
                .forEach(p -> result.put(p.paymentId(), p));
        return result;
    }

    private List<StationDay> rollups(long op, LocalDate day, int digits) {
        Field<BigDecimal> payable = decimal("electricity_amount").plus(decimal("service_amount")).plus(decimal("idle_fee"))
                .plus(decimal("session_fee")).minus(decimal("discount"));
        return db.select(STATION_ID, bigint("sessions"), ENERGY, payable, decimal("refunded")).from(DailyRollups.DAILY)
                .where(OPERATOR_ID.eq(op)).and(date("report_day").eq(day))
                .fetch(r -> new StationDay(r.value1(), r.value2(), r.value3(), minor(r.value4(), digits), minor(r.value5(), digits)));
    }

    /**
     * The orders billed for sessions that started on the day at their station's local time (report_daily's day),
     * summed per station. Read over the day ± 2 days of UTC instants, then kept by each station's zone.
     */
    private List<StationDay> billedOrders(long op, LocalDate day, Instant from, Instant to, int digits) {
        Map<Long, ZoneId> zones = new HashMap<>();
        db.select(LONG_ID, str("time_zone")).from(STATION).where(OPERATOR_ID.eq(op))
                .forEach(r -> zones.put(r.value1(), ZoneId.of(r.value2())));
        Map<Long, long[]> sums = new HashMap<>();
        db.select(STATION_ID, STARTED_AT, ENERGY, PAYABLE, REFUNDED).from(ORDER).where(OPERATOR_ID.eq(op))
                .and(STATION_ID.isNotNull()).and(bigint("tariff_id").isNotNull()).and(STATE.in(BILLED_STATES))
                .and(STARTED_AT.ge(from.minus(Duration.ofDays(2)))).and(STARTED_AT.lt(to.plus(Duration.ofDays(2))))
                .forEach(r -> {
                    ZoneId zone = zones.get(r.value1());
                    if (zone == null || !r.value2().atZone(zone).toLocalDate().equals(day)) return;
                    long[] s = sums.computeIfAbsent(r.value1(), k -> new long[4]);
                    s[0]++;
                    s[1] += r.value3() == null ? 0 : r.value3();
                    s[2] += minor(r.value4(), digits);
                    s[3] += minor(r.value5(), digits);
                });
        List<StationDay> result = new ArrayList<>();
        sums.forEach((station, s) -> result.add(new StationDay(station, s[0], s[1], s[2], s[3])));
        return result;
    }

    private static <T> List<T> chunks(Collection<Long> ids, Function<List<Long>, List<T>> query) {
        List<Long> all = new ArrayList<>(ids);
        List<T> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            result.addAll(query.apply(all.subList(i, Math.min(all.size(), i + CHUNK))));
        }
        return result;
    }

    private static void parse(String text, Set<Long> into) {
        try {
            into.add(Long.parseLong(text));
        } catch (NumberFormatException e) {
            // not one of ours: matched against nothing
        }
    }

    static long minor(BigDecimal amount, int digits) {
        return amount == null ? 0 : amount.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
}
