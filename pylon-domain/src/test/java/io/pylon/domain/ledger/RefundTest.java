package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.Books.CNY;
import static io.pylon.domain.ledger.Books.OP;
import static io.pylon.domain.ledger.Books.bill;
import static io.pylon.domain.ledger.Books.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.RefundOutcome.Refunded;
import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundTest {

    private final Books books = new Books();
    private final WalletService wallet = books.wallet;

    /** Driver 1 charged 10.00 for order:1 (electricity 8.00, service 3.00, idle 1.00, discount 2.00); 40.00 left. */
    @BeforeEach
    void settledOrder() {
        books.topUp(1, "50.00", "pay-1");
        wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY));
        wallet.settle(OP, 1, "order:1", bill("8.00", "3.00", "1.00", "2.00"));
    }

    private RefundOutcome refund(String amount, String key) {
        return wallet.refund(OP, 1, "order:1", cny(amount), "charger fault", key, "ops:alice");
    }

    @Test
    void aPartRefundGoesToTheWalletAndReversesEveryLineInProportion() {
        assertThat(refund("5.00", "r-1")).isEqualTo(new Refunded("order:1", cny("5.00"), bill("4.00", "1.50", "0.50", "1.00")));
        assertThat(books.balance(1).available()).isEqualTo(cny("45.00"));
        assertThat(books.account(AccountType.REVENUE_ELECTRICITY)).isEqualTo(cny("4.00"));
        assertThat(books.account(AccountType.DISCOUNTS)).isEqualTo(cny("-1.00"));
        assertThat(books.ledger.entries().getLast().note()).isEqualTo("charger fault");
    }

    @Test
    void partsSumExactlyToTheRefundAndAFullRefundInPartsReversesEverything() {
        Refunded a = (Refunded) refund("3.33", "r-1");
        Refunded b = (Refunded) refund("3.33", "r-2");
        Refunded c = (Refunded) refund("3.34", "r-3");
        for (Refunded r : new Refunded[] {a, b, c}) {
            assertThat(r.reversed().charged()).isEqualTo(r.amount());
        }
        for (AccountType type : new AccountType[] {AccountType.REVENUE_ELECTRICITY, AccountType.REVENUE_SERVICE,
                AccountType.REVENUE_IDLE_FEE, AccountType.DISCOUNTS}) {
            assertThat(books.account(type)).as(type.name()).isEqualTo(cny("0.00"));
        }
        assertThat(books.balance(1).available()).isEqualTo(cny("50.00"));
    }

    @Test
    void aRefundBeyondWhatIsLeftIsRejectedWithWhatIsStillRefundable() {
        assertThat(refund("10.01", "r-1")).isEqualTo(new Rejected(Reason.EXCEEDS_REFUNDABLE, cny("10.00")));
        refund("6.00", "r-2");
        assertThat(refund("4.01", "r-3")).isEqualTo(new Rejected(Reason.EXCEEDS_REFUNDABLE, cny("4.00")));
        assertThat(books.balance(1).available()).isEqualTo(cny("46.00"));
    }

    @Test
    void aRetriedRefundRefundsOnce() {
        RefundOutcome first = refund("6.00", "r-1");
        assertThat(refund("6.00", "r-1")).isEqualTo(first);
        assertThat(refund("4.00", "r-1")).isEqualTo(new Rejected(Reason.IDEMPOTENCY_KEY_REUSED, null));
        assertThat(books.balance(1).available()).isEqualTo(cny("46.00"));
    }

    @Test
    void onlySettledOrdersOfTheDriverCanBeRefunded() {
        assertThat(wallet.refund(OP, 1, "order:unknown", cny("1.00"), "x", "r-1", "ops"))
                .isEqualTo(new Rejected(Reason.NOT_SETTLED, null));
        assertThat(wallet.refund(OP, 2, "order:1", cny("1.00"), "x", "r-2", "ops"))
                .isEqualTo(new Rejected(Reason.NOT_SETTLED, null));
        wallet.placeHold(OP, 1, "order:2", HoldAmount.minimumBalance(CNY));
        assertThat(wallet.refund(OP, 1, "order:2", cny("1.00"), "x", "r-3", "ops"))
                .as("held, not settled").isEqualTo(new Rejected(Reason.NOT_SETTLED, null));
    }

    @Test
    void aFullyDiscountedOrderHasNothingToRefund() {
        wallet.settle(OP, 1, "order:free", bill("5.00", "0.00", "0.00", "5.00"));
        assertThat(wallet.refund(OP, 1, "order:free", cny("0.01"), "x", "r-1", "ops"))
                .isEqualTo(new Rejected(Reason.EXCEEDS_REFUNDABLE, Money.zero(CNY)));
    }
}
