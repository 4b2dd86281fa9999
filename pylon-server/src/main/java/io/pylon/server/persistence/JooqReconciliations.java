package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;
import static io.pylon.server.persistence.JooqLedger.LEDGER_ENTRY;
import static io.pylon.server.persistence.JooqLedger.LEDGER_POSTING;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.reconciliation.Discrepancy;
import io.pylon.domain.reconciliation.Figures;
import io.pylon.domain.reconciliation.Reconciler;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Daily reconciliations: one row per operator and day (re-running replaces it in place), with its discrepancies. */
@Repository
public class JooqReconciliations {

    public enum Status { BALANCED, DIFFERENCES }

    /** The day's ledger postings summed by entry kind and account type (minor units). */
    public record PostingSum(String entryKind, String accountType, long amountMinor) {}

    /** A stored reconciliation. */
    public record Stored(long id, long operatorId, LocalDate date, String timeZone, String currency, Instant windowStart,
                         Instant windowEnd, Status status, Instant computedAt, String computedBy, Figures figures,
                         List<Discrepancy> discrepancies, List<PostingSum> postings) {}

    /** Listing filter on the business date [from, to], both inclusive; nulls do not filter. */
    public record Filter(Long operatorId, Status status, LocalDate from, LocalDate to) {}

    static final Table<Record> RECONCILIATION = table(name("reconciliation"));
    static final Table<Record> DISCREPANCY = table(name("reconciliation_discrepancy"));
    static final Table<Record> POSTING = table(name("reconciliation_posting"));
    private static final Field<LocalDate> DATE = date("business_date");
    private static final Field<String> ZONE = str("time_zone");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<Instant> WINDOW_START = time("window_start");
    private static final Field<Instant> WINDOW_END = time("window_end");
    private static final Field<Instant> COMPUTED_AT = time("computed_at");
    private static final Field<String> COMPUTED_BY = str("computed_by");
    private static final Field<Integer> DISCREPANCIES = integer("discrepancies");
    private static final Field<Long> RECONCILIATION_ID = bigint("reconciliation_id");
    private static final Field<Integer> LINE = integer("line");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> REFERENCE = str("reference");
    private static final Field<Long> EXPECTED = bigint("expected_minor");
    private static final Field<Long> ACTUAL = bigint("actual_minor");
    private static final Field<String> DETAIL = str("detail");
    private static final Field<String> ENTRY_KIND = str("entry_kind");
    private static final Field<String> ACCOUNT_TYPE = str("account_type");
    private static final Field<Long> AMOUNT_MINOR = bigint("amount_minor");
    /** The figure columns in the order of {@link Figures}' components. */
    private static final List<Field<Long>> FIGURES = List.of(bigint("orders_settled"), bigint("orders_settled_minor"),
            bigint("ledger_settled_minor"), bigint("orders_refunded_minor"), bigint("ledger_refunded_minor"),
            bigint("payments_paid_minor"), bigint("ledger_payment_top_ups_minor"), bigint("ledger_manual_top_ups_minor"),
            bigint("rollup_sessions"), bigint("order_sessions"), bigint("rollup_energy_wh"), bigint("order_energy_wh"),
            bigint("rollup_payable_minor"), bigint("order_payable_minor"));

    private final DSLContext db;

    public JooqReconciliations(DSLContext db) {
        this.db = db;
    }

    /** The ledger's postings of entries written in [from, to), summed by entry kind and account type. */
    public List<PostingSum> postingSums(long operatorId, Instant from, Instant to) {
        Field<BigDecimal> sum = DSL.sum(col(LEDGER_POSTING, AMOUNT_MINOR));
        Field<String> kind = col(LEDGER_ENTRY, KIND);
        Field<String> type = col(LEDGER_POSTING, ACCOUNT_TYPE);
        return db.select(kind, type, sum).from(LEDGER_ENTRY).join(LEDGER_POSTING)
                .on(col(LEDGER_POSTING, bigint("entry_seq")).eq(col(LEDGER_ENTRY, bigint("seq"))))
                .where(col(LEDGER_ENTRY, OPERATOR_ID).eq(operatorId)).and(col(LEDGER_ENTRY, CREATED_AT).ge(from))
                .and(col(LEDGER_ENTRY, CREATED_AT).lt(to)).groupBy(kind, type).orderBy(kind, type)
                .fetch(r -> new PostingSum(r.value1(), r.value2(), r.value3().longValueExact()));
    }

    /**
     * Stores the day's result, replacing an earlier one of the same operator and day (same id). The row is created if
     * missing and then locked, so two runs of one day (two nodes at night) write one after the other.
     */
    @Transactional
    public long save(long operatorId, LocalDate date, String zone, String currency, Instant from, Instant to,
                     Reconciler.Result result, List<PostingSum> postings, Instant computedAt, String computedBy) {
        Instant at = computedAt.truncatedTo(ChronoUnit.MICROS);
        var insert = db.insertInto(RECONCILIATION).set(OPERATOR_ID, operatorId).set(DATE, date).set(ZONE, zone)
                .set(CURRENCY, currency).set(WINDOW_START, from).set(WINDOW_END, to)
                .set(STATUS, (result.balanced() ? Status.BALANCED : Status.DIFFERENCES).name())
                .set(COMPUTED_AT, at).set(COMPUTED_BY, computedBy).set(DISCREPANCIES, result.discrepancies().size());
        for (Field<Long> f : FIGURES) insert = insert.set(f, 0L);
        insert.onConflict(key(RECONCILIATION, "operator_id", "business_date")).doNothing().execute();
        long id = db.select(LONG_ID).from(RECONCILIATION).where(OPERATOR_ID.eq(operatorId)).and(DATE.eq(date))
                .forUpdate().fetchOne().value1();
        var update = db.update(RECONCILIATION).set(ZONE, zone).set(CURRENCY, currency).set(WINDOW_START, from)
                .set(WINDOW_END, to).set(STATUS, (result.balanced() ? Status.BALANCED : Status.DIFFERENCES).name())
                .set(COMPUTED_AT, at).set(COMPUTED_BY, computedBy).set(DISCREPANCIES, result.discrepancies().size());
        long[] figures = values(result.figures());
        for (int i = 0; i < FIGURES.size(); i++) update = update.set(FIGURES.get(i), figures[i]);
        update.where(LONG_ID.eq(id)).execute();
        db.deleteFrom(DISCREPANCY).where(RECONCILIATION_ID.eq(id)).execute();
        db.deleteFrom(POSTING).where(RECONCILIATION_ID.eq(id)).execute();
        int line = 0;
        for (Discrepancy d : result.discrepancies()) {
            db.insertInto(DISCREPANCY).set(RECONCILIATION_ID, id).set(LINE, ++line).set(KIND, d.kind().name())
                    .set(REFERENCE, cut(d.reference(), 200)).set(EXPECTED, d.expectedMinor()).set(ACTUAL, d.actualMinor())
                    .set(DETAIL, cut(d.detail(), 500)).execute();
        }
        for (PostingSum p : postings) {
            db.insertInto(POSTING).set(RECONCILIATION_ID, id).set(ENTRY_KIND, p.entryKind()).set(ACCOUNT_TYPE, p.accountType())
                    .set(AMOUNT_MINOR, p.amountMinor()).execute();
        }
        return id;
    }

    public boolean exists(long operatorId, LocalDate date) {
        return db.fetchExists(RECONCILIATION, OPERATOR_ID.eq(operatorId).and(DATE.eq(date)));
    }

    public Optional<Stored> find(long id) {
        return read(LONG_ID.eq(id), new PageRequest(0, 1)).stream().findFirst();
    }

    /** Reconciliations in scope (operator-wide data: station-scoped callers see none), newest day first. */
    public Page<Stored> list(TenantScope scope, Filter f, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, null);
        if (f.operatorId() != null) where = where.and(OPERATOR_ID.eq(f.operatorId()));
        if (f.status() != null) where = where.and(STATUS.eq(f.status().name()));
        if (f.from() != null) where = where.and(DATE.ge(f.from()));
        if (f.to() != null) where = where.and(DATE.le(f.to()));
        return new Page<>(read(where, page), page.page(), page.size(), db.fetchCount(RECONCILIATION, where));
    }

    private List<Stored> read(Condition where, PageRequest page) {
        List<Field<?>> columns = new ArrayList<>(List.of(LONG_ID, OPERATOR_ID, DATE, ZONE, CURRENCY, WINDOW_START, WINDOW_END,
                STATUS, COMPUTED_AT, COMPUTED_BY));
        columns.addAll(FIGURES);
        List<Record> rows = db.select(columns).from(RECONCILIATION).where(where).orderBy(DATE.desc(), OPERATOR_ID)
                .limit(page.size()).offset(page.offset()).fetch();
        if (rows.isEmpty()) return List.of();
        List<Long> ids = rows.stream().map(r -> r.get(LONG_ID)).toList();
        Map<Long, List<Discrepancy>> discrepancies = db.select(RECONCILIATION_ID, KIND, REFERENCE, EXPECTED, ACTUAL, DETAIL)
                .from(DISCREPANCY).where(RECONCILIATION_ID.in(ids)).orderBy(RECONCILIATION_ID, LINE).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> new Discrepancy(
                        Discrepancy.Kind.valueOf(r.value2()), r.value3(), r.value4(), r.value5(), r.value6()), Collectors.toList())));
        Map<Long, List<PostingSum>> postings = db.select(RECONCILIATION_ID, ENTRY_KIND, ACCOUNT_TYPE, AMOUNT_MINOR).from(POSTING)
                .where(RECONCILIATION_ID.in(ids)).orderBy(RECONCILIATION_ID, ENTRY_KIND, ACCOUNT_TYPE).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> new PostingSum(r.value2(), r.value3(),
                        r.value4()), Collectors.toList())));
        return rows.stream().map(r -> {
            long[] v = new long[FIGURES.size()];
            for (int i = 0; i < v.length; i++) v[i] = r.get(FIGURES.get(i));
            Figures figures = new Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
            long id = r.get(LONG_ID);
            return new Stored(id, r.get(OPERATOR_ID), r.get(DATE), r.get(ZONE), r.get(CURRENCY), r.get(WINDOW_START),
                    r.get(WINDOW_END), Status.valueOf(r.get(STATUS)), r.get(COMPUTED_AT), r.get(COMPUTED_BY), figures,
                    discrepancies.getOrDefault(id, List.of()), postings.getOrDefault(id, List.of()));
        }).toList();
    }

    private static long[] values(Figures f) {
        return new long[] {f.ordersSettled(), f.ordersSettledMinor(), f.ledgerSettledMinor(), f.ordersRefundedMinor(),
                f.ledgerRefundedMinor(), f.paymentsPaidMinor(), f.ledgerPaymentTopUpsMinor(), f.ledgerManualTopUpsMinor(),
                f.rollupSessions(), f.orderSessions(), f.rollupEnergyWh(), f.orderEnergyWh(), f.rollupPayableMinor(),
                f.orderPayableMinor()};
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
