package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;

/** The answer to a refund: credited to the wallet with the revenue reversed, or {@link Rejected}. */
public sealed interface RefundOutcome permits RefundOutcome.Refunded, Rejected {

    /**
     * @param reversed the bill lines this refund reversed: electricity + service + idle fee − discount = amount
     */
    record Refunded(String orderReference, Money amount, BillAmounts reversed) implements RefundOutcome {}
}
