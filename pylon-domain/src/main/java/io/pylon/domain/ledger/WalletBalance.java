package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;

/**
 * A driver's wallet: {@code available} can be spent, held for sessions or paid out (negative when the driver owes
 * the operator); {@code onHold} is reserved by holds for sessions not yet settled.
 */
public record WalletBalance(Money available, Money onHold) {

    /** All of the driver's money: available plus on hold. */
    public Money total() {
        return available.plus(onHold);
    }
}
