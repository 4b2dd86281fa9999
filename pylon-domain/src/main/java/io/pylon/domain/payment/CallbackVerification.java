package io.pylon.domain.payment;

/** A provider's verdict on a callback: authentic and readable, or rejected with the reason. */
public sealed interface CallbackVerification {

    record Verified(PaymentNotification notification) implements CallbackVerification {}

    record Rejected(Reason reason) implements CallbackVerification {}

    /** Why a callback is not believed. */
    enum Reason {
        /** The signature is missing or does not match: not from the provider, or altered. */
        BAD_SIGNATURE,
        /** Signed too long ago (or in the future): possibly replayed by someone else. */
        STALE_TIMESTAMP,
        /** Authentic but unreadable: missing headers or fields, bad numbers, unknown status or currency. */
        MALFORMED
    }
}
