package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.Books.OP;
import static io.pylon.domain.ledger.Books.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final AccountRef WALLET = AccountRef.wallet(OP, 1);
    private static final AccountRef CLEARING = AccountRef.operator(OP, AccountType.PAYMENT_CLEARING);

    private static JournalEntry entry(Posting... postings) {
        return new JournalEntry(JournalEntry.idFor(OP, "k"), OP, EntryKind.TOP_UP, "payment:1", "k", Instant.EPOCH,
                "test", null, List.of(postings));
    }

    @Test
    void aBalancedEntryIsAccepted() {
        JournalEntry e = entry(new Posting(CLEARING, cny("-5.00")), new Posting(WALLET, cny("5.00")));
        assertThat(e.amountTo(WALLET)).isEqualTo(cny("5.00"));
        assertThat(e.amountTo(AccountType.REVENUE_SERVICE)).isEqualTo(cny("0.00"));
        assertThat(e.note()).isEmpty();
    }

    @Test
    void entriesThatDoNotBalanceAreRefused() {
        assertThatThrownBy(() -> entry(new Posting(CLEARING, cny("-5.00")), new Posting(WALLET, cny("4.99"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not balance");
    }

    @Test
    void mixedCurrenciesEmptyAndZeroPostingsAreRefused() {
        assertThatThrownBy(() -> entry(new Posting(CLEARING, cny("-5.00")), new Posting(WALLET, Money.of("5.00", "EUR"))))
                .hasMessageContaining("mixed currencies");
        assertThatThrownBy(JournalEntryTest::entry).hasMessageContaining("needs postings");
        assertThatThrownBy(() -> entry(new Posting(CLEARING, cny("0.00")), new Posting(WALLET, cny("0.00"))))
                .hasMessageContaining("zero posting");
    }

    @Test
    void postingsStayInTheOperatorsOwnBooks() {
        assertThatThrownBy(() -> entry(new Posting(CLEARING, cny("-5.00")), new Posting(AccountRef.wallet(OP + 1, 1), cny("5.00"))))
                .hasMessageContaining("not in operator");
    }

    @Test
    void driverAccountsNeedAnOwnerAndOperatorAccountsHaveNone() {
        assertThatThrownBy(() -> new AccountRef(OP, AccountType.DRIVER_WALLET, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountRef(OP, AccountType.PAYOUTS, 3L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdIsTheSameForTheSameKeyAndOperatorOnly() {
        assertThat(JournalEntry.idFor(OP, "a")).isEqualTo(JournalEntry.idFor(OP, "a"))
                .isNotEqualTo(JournalEntry.idFor(OP, "b")).isNotEqualTo(JournalEntry.idFor(OP + 1, "a"));
    }
}
