package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import java.util.Objects;

/**
 * A wallet operation that moved nothing. Nothing is recorded for a rejection, so a retry decides afresh.
 *
 * @param amount the figure the caller needs, by reason: the shortfall for {@link Reason#INSUFFICIENT_BALANCE},
 *               what is still refundable for {@link Reason#EXCEEDS_REFUNDABLE}, the available balance for
 *               {@link Reason#EXCEEDS_AVAILABLE}; null for the other reasons
 */
public record Rejected(Reason reason, Money amount)
        implements TopUpOutcome, HoldOutcome, SettleOutcome, ReleaseOutcome, RefundOutcome, PayoutOutcome {

    /** Why nothing moved. */
    public enum Reason {
        /** The available balance does not cover the hold. */
        INSUFFICIENT_BALANCE,
        /** The refund is more than was settled minus what was already refunded for the order. */
        EXCEEDS_REFUNDABLE,
        /** The payout is more than the available balance. */
        EXCEEDS_AVAILABLE,
        /** The order has no settlement for this driver. */
        NOT_SETTLED,
        /** The order cannot be paid this way now (it has a wallet, is not billed yet, or waits for plug-out). */
        NOT_PAYABLE,
        /** There is no hold left for the session (never placed, already settled or released). */
        NOTHING_HELD,
        /** The idempotency key was already used for a different operation or amount. */
        IDEMPOTENCY_KEY_REUSED
    }

    public Rejected {
        Objects.requireNonNull(reason, "reason");
    }

    static Rejected because(Reason reason) {
        return new Rejected(reason, null);
    }
}
