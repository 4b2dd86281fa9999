package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.money.Money;
import io.pylon.domain.payment.NewPayment;
import io.pylon.domain.payment.PaymentRecord;
import io.pylon.domain.payment.PaymentRepository;
import io.pylon.domain.payment.PaymentStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * Payment records in {@code payment}. State changes are single guarded UPDATEs ({@code where status ...}), so two
 * callbacks racing for one payment are ordered by its row lock and PAID stays final.
 */
@Repository
public class JooqPayments implements PaymentRepository {

    static final Table<Record> PAYMENT = table(name("payment"));

    private static final Field<Long> AMOUNT_MINOR = bigint("amount_minor");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<String> PROVIDER = str("provider");
    private static final Field<String> PROVIDER_REFERENCE = str("provider_reference");
    private static final Field<Instant> PAID_AT = time("paid_at");
    private static final List<Field<?>> COLUMNS = List.of(LONG_ID, OPERATOR_ID, DRIVER_ID, AMOUNT_MINOR, CURRENCY, PROVIDER,
            PROVIDER_REFERENCE, STATUS, CREATED_AT, PAID_AT);

    private final DSLContext db;

    public JooqPayments(DSLContext db) {
        this.db = db;
    }

    @Override
    public PaymentRecord create(NewPayment p) {
        long id = db.insertInto(PAYMENT).set(OPERATOR_ID, p.operatorId()).set(DRIVER_ID, p.driverId())
                .set(AMOUNT_MINOR, p.amount().minorUnits()).set(CURRENCY, p.amount().currency().getCurrencyCode())
                .set(PROVIDER, p.provider()).set(STATUS, PaymentStatus.CREATED.name())
                .set(CREATED_AT, p.createdAt().truncatedTo(ChronoUnit.MICROS)).returningResult(LONG_ID).fetchOne().value1();
        return find(id).orElseThrow();
    }

    @Override
    public void attachProviderReference(long id, String providerReference) {
        db.update(PAYMENT).set(PROVIDER_REFERENCE, providerReference).where(LONG_ID.eq(id)).execute();
    }

    @Override
    public Optional<PaymentRecord> find(long id) {
        return db.select(COLUMNS).from(PAYMENT).where(LONG_ID.eq(id)).fetchOptional(JooqPayments::toPayment);
    }

    @Override
    public void markPaid(long id, String providerReference, Instant paidAt) {
        db.update(PAYMENT).set(STATUS, PaymentStatus.PAID.name()).set(PROVIDER_REFERENCE, providerReference)
                .set(PAID_AT, paidAt).where(LONG_ID.eq(id)).and(STATUS.ne(PaymentStatus.PAID.name())).execute();
    }

    @Override
    public boolean markFailed(long id) {
        db.update(PAYMENT).set(STATUS, PaymentStatus.FAILED.name()).where(LONG_ID.eq(id))
                .and(STATUS.eq(PaymentStatus.CREATED.name())).execute();
        return find(id).map(p -> p.status() == PaymentStatus.FAILED).orElse(false);
    }

    private static PaymentRecord toPayment(Record r) {
        return new PaymentRecord(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(DRIVER_ID),
                Money.ofMinor(r.get(AMOUNT_MINOR), Currency.getInstance(r.get(CURRENCY))), r.get(PROVIDER),
                r.get(PROVIDER_REFERENCE), PaymentStatus.valueOf(r.get(STATUS)), r.get(CREATED_AT), r.get(PAID_AT));
    }
}
