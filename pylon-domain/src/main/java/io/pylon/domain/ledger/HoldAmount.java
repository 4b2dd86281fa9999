package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import java.util.Currency;
import java.util.Objects;

/** How much a hold reserves: an exact amount, or the configured minimum balance in the operator's currency. */
public sealed interface HoldAmount {

    static HoldAmount exactly(Money amount) {
        return new Exactly(amount);
    }

    static HoldAmount minimumBalance(Currency currency) {
        return new MinimumBalance(currency);
    }

    /** A positive amount. */
    record Exactly(Money amount) implements HoldAmount {
        public Exactly {
            if (!amount.isPositive()) throw new IllegalArgumentException("a hold must be positive: " + amount);
        }
    }

    /** The minimum balance from {@link WalletSettings}, in this currency. */
    record MinimumBalance(Currency currency) implements HoldAmount {
        public MinimumBalance {
            Objects.requireNonNull(currency, "currency");
        }
    }
}
