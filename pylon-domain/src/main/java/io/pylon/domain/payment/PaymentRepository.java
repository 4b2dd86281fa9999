package io.pylon.domain.payment;

import java.time.Instant;
import java.util.Optional;

/** Port: where payment records are kept. */
public interface PaymentRepository {

    /** Stores a CREATED payment and answers it with its new id. */
    PaymentRecord create(NewPayment payment);

    /** Records the reference the provider gave the payment when it was registered. */
    void attachProviderReference(long id, String providerReference);

    Optional<PaymentRecord> find(long id);

    /**
     * Marks the payment PAID with the provider's reference and paid time, unless it is already PAID (then the first
     * reference and time stay). A FAILED payment can still be paid.
     */
    void markPaid(long id, String providerReference, Instant paidAt);

    /**
     * Marks a CREATED payment FAILED; answers whether the payment is FAILED afterwards (false when it is PAID: a
     * late failure notice never undoes a payment).
     */
    boolean markFailed(long id);
}
