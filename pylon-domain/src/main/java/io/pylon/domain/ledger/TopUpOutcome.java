package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;

/** The answer to a top-up: credited, or {@link Rejected} (only for a reused idempotency key). */
public sealed interface TopUpOutcome permits TopUpOutcome.ToppedUp, Rejected {

    /** The amount is in the driver's available balance (now, or by the first call of a retry). */
    record ToppedUp(Money amount, String reference) implements TopUpOutcome {}
}
