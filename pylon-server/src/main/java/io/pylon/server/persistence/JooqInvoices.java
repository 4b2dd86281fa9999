package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.invoice.Invoice;
import io.pylon.domain.invoice.InvoiceFilter;
import io.pylon.domain.invoice.InvoiceRepository;
import io.pylon.domain.invoice.InvoiceStatus;
import io.pylon.domain.invoice.InvoiceTitle;
import io.pylon.domain.invoice.NewInvoice;
import io.pylon.domain.money.Money;
import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoice requests in {@code invoice} and {@code invoice_order}. The unique index on {@code open_order_id} keeps an
 * order on one open invoice; the insert runs in a savepoint so that a racing request's violation leaves the
 * surrounding transaction usable on PostgreSQL.
 */
@Repository
public class JooqInvoices implements InvoiceRepository {

    static final Table<Record> INVOICE = table(name("invoice"));
    static final Table<Record> INVOICE_ORDER = table(name("invoice_order"));

    private static final Field<String> TITLE_KIND = str("title_kind");
    private static final Field<String> TITLE = str("title");
    private static final Field<String> TAX_NUMBER = str("tax_number");
    private static final Field<String> EMAIL = str("email");
    private static final Field<Long> AMOUNT_MINOR = bigint("amount_minor");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<String> INVOICE_NUMBER = str("invoice_number");
    private static final Field<Instant> ISSUED_AT = time("issued_at");
    private static final Field<String> PDF_URL = str("pdf_url");
    private static final Field<String> REJECT_REASON = str("reject_reason");
    private static final Field<String> REQUESTED_BY = str("requested_by");
    private static final Field<Long> INVOICE_ID = bigint("invoice_id");
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<Long> OPEN_ORDER_ID = bigint("open_order_id");
    private static final List<Field<?>> COLUMNS = List.of(LONG_ID, OPERATOR_ID, DRIVER_ID, TITLE_KIND, TITLE, TAX_NUMBER,
            EMAIL, AMOUNT_MINOR, CURRENCY, STATUS, INVOICE_NUMBER, ISSUED_AT, PDF_URL, REJECT_REASON, REQUESTED_BY,
            CREATED_AT, UPDATED_AT);

    private final DSLContext db;
    private final TransactionTemplate savepoint;

    public JooqInvoices(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Optional<Invoice> insert(NewInvoice n) {
        try {
            long id = savepoint.execute(status -> {
                Instant at = n.createdAt().truncatedTo(ChronoUnit.MICROS);
                long invoiceId = db.insertInto(INVOICE).set(OPERATOR_ID, n.operatorId()).set(DRIVER_ID, n.driverId())
                        .set(TITLE_KIND, n.title().kind().name()).set(TITLE, n.title().name())
                        .set(TAX_NUMBER, n.title().taxNumber()).set(EMAIL, n.email())
                        .set(AMOUNT_MINOR, n.amount().minorUnits()).set(CURRENCY, n.amount().currency().getCurrencyCode())
                        .set(STATUS, InvoiceStatus.REQUESTED.name()).set(REQUESTED_BY, n.requestedBy())
                        .set(CREATED_AT, at).set(UPDATED_AT, at).returningResult(LONG_ID).fetchOne().value1();
                var insert = db.insertInto(INVOICE_ORDER, INVOICE_ID, ORDER_ID, AMOUNT_MINOR, OPEN_ORDER_ID);
                for (Map.Entry<Long, Money> order : n.orders().entrySet()) {
                    insert = insert.values(invoiceId, order.getKey(), order.getValue().minorUnits(), order.getKey());
                }
                insert.execute();
                return invoiceId;
            });
            return find(id);
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Invoice> find(long id) {
        return db.select(COLUMNS).from(INVOICE).where(LONG_ID.eq(id)).fetchOptional().map(r -> toInvoice(r, orderIds(List.of(id))));
    }

    @Override
    public boolean transition(long id, InvoiceStatus from, InvoiceStatus to, Details d, Instant now) {
        var update = db.update(INVOICE).set(STATUS, to.name()).set(UPDATED_AT, now);
        if (d.invoiceNumber() != null) update = update.set(INVOICE_NUMBER, d.invoiceNumber());
        if (d.issuedAt() != null) update = update.set(ISSUED_AT, d.issuedAt().truncatedTo(ChronoUnit.MICROS));
        if (d.pdfUrl() != null) update = update.set(PDF_URL, d.pdfUrl());
        if (d.rejectReason() != null) update = update.set(REJECT_REASON, d.rejectReason());
        boolean moved = update.where(LONG_ID.eq(id)).and(STATUS.eq(from.name())).execute() == 1;
        if (moved && !to.open()) {
            db.update(INVOICE_ORDER).set(OPEN_ORDER_ID, (Long) null).where(INVOICE_ID.eq(id)).execute();
        }
        return moved;
    }

    @Override
    public Page<Invoice> list(TenantScope scope, InvoiceFilter f, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, null);
        if (f.status() != null) where = where.and(STATUS.eq(f.status().name()));
        if (f.driverId() != null) where = where.and(DRIVER_ID.eq(f.driverId()));
        if (f.orderId() != null) where = where.and(LONG_ID.in(db.select(INVOICE_ID).from(INVOICE_ORDER).where(ORDER_ID.eq(f.orderId()))));
        if (f.from() != null) where = where.and(CREATED_AT.ge(f.from()));
        if (f.to() != null) where = where.and(CREATED_AT.lt(f.to()));
        long total = db.fetchCount(INVOICE, where);
        List<Record> rows = db.select(COLUMNS).from(INVOICE).where(where).orderBy(CREATED_AT.desc(), LONG_ID.desc())
                .limit(page.size()).offset(page.offset()).fetch();
        Map<Long, List<Long>> orders = orderIds(rows.stream().map(r -> r.get(LONG_ID)).toList());
        return new Page<>(rows.stream().map(r -> toInvoice(r, orders)).toList(), page.page(), page.size(), total);
    }

    private Map<Long, List<Long>> orderIds(List<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) return Map.of();
        return db.select(INVOICE_ID, ORDER_ID).from(INVOICE_ORDER).where(INVOICE_ID.in(invoiceIds)).orderBy(INVOICE_ID, ORDER_ID)
                .fetch().stream().collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(), Collectors.toList())));
    }

    private static Invoice toInvoice(Record r, Map<Long, List<Long>> orders) {
        Currency currency = Currency.getInstance(r.get(CURRENCY));
        return new Invoice(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(DRIVER_ID),
                new InvoiceTitle(InvoiceTitle.Kind.valueOf(r.get(TITLE_KIND)), r.get(TITLE), r.get(TAX_NUMBER)),
                r.get(EMAIL), Money.ofMinor(r.get(AMOUNT_MINOR), currency), InvoiceStatus.valueOf(r.get(STATUS)),
                orders.getOrDefault(r.get(LONG_ID), List.of()), r.get(INVOICE_NUMBER), r.get(ISSUED_AT), r.get(PDF_URL),
                r.get(REJECT_REASON), r.get(REQUESTED_BY), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
