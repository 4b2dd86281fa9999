package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;

/** The answer to a settlement: always {@link Settled}, unless the idempotency key was used differently. */
public sealed interface SettleOutcome permits SettleOutcome.Settled, Rejected {

    /**
     * The bill was charged: {@code fromHold} + {@code fromAvailable} = {@code bill.charged()}; the rest of the hold,
     * {@code released}, went back to the available balance. All of these are as recorded, so a replay answers them
     * unchanged.
     *
     * @param owed what the driver owes the operator (the available balance below zero) when this answer was made:
     *             positive flags a driver in debt; a replay reports the current figure
     */
    record Settled(String reference, BillAmounts bill, Money fromHold, Money fromAvailable, Money released, Money owed)
            implements SettleOutcome {

        public boolean inDebt() {
            return owed.isPositive();
        }
    }
}
