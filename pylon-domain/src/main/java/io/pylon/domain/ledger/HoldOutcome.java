package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;

/** The answer to a hold: the amount reserved, or {@link Rejected} with the shortfall. */
public sealed interface HoldOutcome permits HoldOutcome.Held, Rejected {

    record Held(String reference, Money amount) implements HoldOutcome {}
}
