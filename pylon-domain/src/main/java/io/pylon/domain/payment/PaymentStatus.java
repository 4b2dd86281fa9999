package io.pylon.domain.payment;

/** A payment record's state. FAILED can still become PAID (a late success); PAID is final. */
public enum PaymentStatus {
    CREATED,
    PAID,
    FAILED
}
