package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.Books.OP;
import static io.pylon.domain.ledger.Books.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.ledger.PayoutOutcome.PaidOut;
import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.TopUpOutcome.ToppedUp;
import org.junit.jupiter.api.Test;

class TopUpAndPayoutTest {

    private final Books books = new Books();
    private final WalletService wallet = books.wallet;

    @Test
    void aTopUpCreditsTheWalletFromPaymentClearing() {
        assertThat(books.topUp(1, "50.00", "pay-1")).isEqualTo(new ToppedUp(cny("50.00"), "payment:pay-1"));
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("50.00"), cny("0.00")));
        assertThat(books.account(AccountType.PAYMENT_CLEARING)).isEqualTo(cny("-50.00"));
        JournalEntry entry = books.ledger.entries().getFirst();
        assertThat(entry.kind()).isEqualTo(EntryKind.TOP_UP);
        assertThat(entry.createdAt()).isEqualTo(Books.T0);
        assertThat(entry.actor()).isEqualTo("test");
    }

    @Test
    void aRetriedTopUpAnswersTheSameAndCreditsOnce() {
        TopUpOutcome first = books.topUp(1, "50.00", "pay-1");
        assertThat(books.topUp(1, "50.00", "pay-1")).isEqualTo(first);
        assertThat(books.balance(1).available()).isEqualTo(cny("50.00"));
        assertThat(books.entryCount()).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherAmountOrDriverIsRejectedAndMovesNothing() {
        books.topUp(1, "50.00", "pay-1");
        assertThat(books.topUp(1, "60.00", "pay-1")).isEqualTo(new Rejected(Reason.IDEMPOTENCY_KEY_REUSED, null));
        assertThat(books.topUp(2, "50.00", "pay-1")).isEqualTo(new Rejected(Reason.IDEMPOTENCY_KEY_REUSED, null));
        assertThat(books.balance(2).available()).isEqualTo(cny("0.00"));
        assertThat(books.entryCount()).isEqualTo(1);
    }

    @Test
    void nonPositiveAmountsAreCallerBugs() {
        assertThatThrownBy(() -> books.topUp(1, "0.00", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wallet.payout(OP, 1, cny("-1.00"), "payout:1", "k", "ops"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayoutPaysAvailableBalanceOut() {
        books.topUp(1, "50.00", "pay-1");
        assertThat(wallet.payout(OP, 1, cny("30.00"), "payout:bank-9", "po-1", "ops:alice"))
                .isEqualTo(new PaidOut("payout:bank-9", cny("30.00")));
        assertThat(books.balance(1).available()).isEqualTo(cny("20.00"));
        assertThat(books.account(AccountType.PAYOUTS)).isEqualTo(cny("30.00"));
    }

    @Test
    void aPayoutNeverExceedsTheAvailableBalanceAndMoneyOnHoldIsNotAvailable() {
        books.topUp(1, "50.00", "pay-1");
        wallet.placeHold(OP, 1, "order:1", HoldAmount.exactly(cny("20.00")));
        assertThat(wallet.payout(OP, 1, cny("30.01"), "payout:1", "po-1", "ops"))
                .isEqualTo(new Rejected(Reason.EXCEEDS_AVAILABLE, cny("30.00")));
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("30.00"), cny("20.00")));
    }

    @Test
    void aRetriedPayoutPaysOnce() {
        books.topUp(1, "50.00", "pay-1");
        PayoutOutcome first = wallet.payout(OP, 1, cny("30.00"), "payout:1", "po-1", "ops");
        assertThat(wallet.payout(OP, 1, cny("30.00"), "payout:1", "po-1", "ops")).isEqualTo(first);
        assertThat(books.balance(1).available()).isEqualTo(cny("20.00"));
        assertThat(wallet.payout(OP, 1, cny("10.00"), "payout:1", "po-1", "ops"))
                .isEqualTo(new Rejected(Reason.IDEMPOTENCY_KEY_REUSED, null));
    }

    @Test
    void operatorsKeepSeparateBooksAndKeys() {
        books.topUp(1, "50.00", "same-key");
        assertThat(wallet.topUp(OP + 1, 1, cny("9.00"), "payment:x", "same-key", "test"))
                .isEqualTo(new ToppedUp(cny("9.00"), "payment:x"));
        assertThat(wallet.balance(OP + 1, 1, Books.CNY).available()).isEqualTo(cny("9.00"));
        assertThat(books.balance(1).available()).isEqualTo(cny("50.00"));
    }
}
