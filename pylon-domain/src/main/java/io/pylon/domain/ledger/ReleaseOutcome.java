package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;

/** The answer to a release: the amount given back to the available balance, or {@link Rejected} (nothing held). */
public sealed interface ReleaseOutcome permits ReleaseOutcome.Released, Rejected {

    record Released(String reference, Money amount) implements ReleaseOutcome {}
}
