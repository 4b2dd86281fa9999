package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import java.util.Objects;

/**
 * One line of a journal entry: the signed amount by which the account's balance changes (positive adds to it,
 * negative takes from it). See {@link JournalEntry} for the sign convention.
 */
public record Posting(AccountRef account, Money amount) {
    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
    }
}
