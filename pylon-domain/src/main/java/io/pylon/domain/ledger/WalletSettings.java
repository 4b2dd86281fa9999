package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * Wallet configuration. {@code defaultMinimumBalance} is in major units of the operator's currency (20 means
 * ¥20.00 for a CNY operator) and is what {@link HoldAmount#minimumBalance} reserves at session start; it must be
 * positive and is rounded up to the currency's minor unit, so it never rounds to nothing.
 */
public record WalletSettings(BigDecimal defaultMinimumBalance) {

    public WalletSettings {
        Objects.requireNonNull(defaultMinimumBalance, "defaultMinimumBalance");
        if (defaultMinimumBalance.signum() <= 0) {
            throw new IllegalArgumentException("the minimum balance must be positive");
        }
    }

    /** The minimum balance in this currency. */
    public Money minimumBalance(Currency currency) {
        return Money.of(defaultMinimumBalance, currency, RoundingMode.UP);
    }
}
