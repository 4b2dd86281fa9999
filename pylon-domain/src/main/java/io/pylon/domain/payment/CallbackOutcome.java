package io.pylon.domain.payment;

import io.pylon.domain.money.Money;

/**
 * The answer to a provider's callback. A replayed callback answers the same and credits nothing twice. The HTTP
 * layer acknowledges {@link Credited} and {@link Failed} (so the provider stops retrying) and refuses the rest.
 */
public sealed interface CallbackOutcome {

    /** The payment is PAID and its amount is in the driver's wallet. */
    record Credited(long paymentId, long operatorId, long driverId, Money amount) implements CallbackOutcome {}

    /** The payment is FAILED; nothing was credited. */
    record Failed(long paymentId) implements CallbackOutcome {}

    /** Nothing changed. */
    record Rejected(Reason reason) implements CallbackOutcome {}

    enum Reason {
        UNKNOWN_PROVIDER,
        BAD_SIGNATURE,
        STALE_TIMESTAMP,
        MALFORMED,
        /** No payment of ours with that merchant order id through that provider. */
        UNKNOWN_PAYMENT,
        /** The callback's amount or currency differs from the payment's: nothing is credited. */
        AMOUNT_MISMATCH,
        /** A failure notice for a payment already paid: it stays paid. */
        ALREADY_PAID
    }
}
