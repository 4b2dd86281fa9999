package io.pylon.domain.payment;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Payment records in a map, with the repository's state rules (PAID is final, FAILED can still be paid). */
final class InMemoryPayments implements PaymentRepository {

    private final Map<Long, PaymentRecord> records = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    @Override
    public PaymentRecord create(NewPayment p) {
        long id = nextId.getAndIncrement();
        PaymentRecord record = new PaymentRecord(id, p.operatorId(), p.driverId(), p.amount(), p.provider(), null,
                PaymentStatus.CREATED, p.createdAt(), null);
        records.put(id, record);
        return record;
    }

    @Override
    public void attachProviderReference(long id, String providerReference) {
        records.computeIfPresent(id, (k, r) -> with(r, providerReference, r.status(), r.paidAt()));
    }

    @Override
    public Optional<PaymentRecord> find(long id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public void markPaid(long id, String providerReference, Instant paidAt) {
        records.computeIfPresent(id, (k, r) -> r.status() == PaymentStatus.PAID ? r
                : with(r, providerReference, PaymentStatus.PAID, paidAt));
    }

    @Override
    public boolean markFailed(long id) {
        PaymentRecord after = records.computeIfPresent(id, (k, r) -> r.status() == PaymentStatus.CREATED
                ? with(r, r.providerReference(), PaymentStatus.FAILED, null) : r);
        return after != null && after.status() == PaymentStatus.FAILED;
    }

    private static PaymentRecord with(PaymentRecord r, String reference, PaymentStatus status, Instant paidAt) {
        return new PaymentRecord(r.id(), r.operatorId(), r.driverId(), r.amount(), r.provider(), reference, status,
                r.createdAt(), paidAt);
    }
}
