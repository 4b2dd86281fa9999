package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;

/** The answer to a payout: paid out of the available balance, or {@link Rejected} with what is available. */
public sealed interface PayoutOutcome permits PayoutOutcome.PaidOut, Rejected {

    record PaidOut(String reference, Money amount) implements PayoutOutcome {}
}
