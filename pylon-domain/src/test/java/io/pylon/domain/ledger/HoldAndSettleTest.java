package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.Books.CNY;
import static io.pylon.domain.ledger.Books.OP;
import static io.pylon.domain.ledger.Books.bill;
import static io.pylon.domain.ledger.Books.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.HoldOutcome.Held;
import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.ReleaseOutcome.Released;
import io.pylon.domain.ledger.SettleOutcome.Settled;
import org.junit.jupiter.api.Test;

class HoldAndSettleTest {

    private final Books books = new Books();
    private final WalletService wallet = books.wallet;

    @Test
    void aHoldOfTheMinimumBalanceMovesItFromAvailableToOnHold() {
        books.topUp(1, "50.00", "pay-1");
        assertThat(wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY)))
                .isEqualTo(new Held("order:1", cny("20.00")));
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("30.00"), cny("20.00")));
    }

    @Test
    void aHoldBeyondTheAvailableBalanceIsRejectedWithTheShortfall() {
        books.topUp(1, "12.50", "pay-1");
        assertThat(wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY)))
                .isEqualTo(new Rejected(Reason.INSUFFICIENT_BALANCE, cny("7.50")));
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("12.50"), cny("0.00")));
        assertThat(wallet.placeHold(OP, 2, "order:2", HoldAmount.exactly(cny("1.00"))))
                .isEqualTo(new Rejected(Reason.INSUFFICIENT_BALANCE, cny("1.00")));
    }

    @Test
    void aRetriedHoldHoldsOnce() {
        books.topUp(1, "50.00", "pay-1");
        HoldOutcome first = wallet.placeHold(OP, 1, "order:1", HoldAmount.exactly(cny("20.00")));
        assertThat(wallet.placeHold(OP, 1, "order:1", HoldAmount.exactly(cny("20.00")))).isEqualTo(first);
        assertThat(wallet.placeHold(OP, 1, "order:1", HoldAmount.exactly(cny("25.00"))))
                .isEqualTo(new Rejected(Reason.IDEMPOTENCY_KEY_REUSED, null));
        assertThat(books.balance(1).onHold()).isEqualTo(cny("20.00"));
    }

    @Test
    void aBillBelowTheHoldGoesToRevenueAndTheRestBackToAvailable() {
        books.topUp(1, "50.00", "pay-1");
        wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY));
        SettleOutcome outcome = wallet.settle(OP, 1, "order:1", bill("10.00", "3.00", "1.00", "2.00"));
        assertThat(outcome).isEqualTo(new Settled("order:1", bill("10.00", "3.00", "1.00", "2.00"),
                cny("12.00"), cny("0.00"), cny("8.00"), cny("0.00")));
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("38.00"), cny("0.00")));
        assertThat(books.account(AccountType.REVENUE_ELECTRICITY)).isEqualTo(cny("10.00"));
        assertThat(books.account(AccountType.REVENUE_SERVICE)).isEqualTo(cny("3.00"));
        assertThat(books.account(AccountType.REVENUE_IDLE_FEE)).isEqualTo(cny("1.00"));
        assertThat(books.account(AccountType.DISCOUNTS)).isEqualTo(cny("-2.00"));
    }

    @Test
    void aBillAboveTheHoldTakesTheRestFromAvailableAndMayLeaveTheDriverOwing() {
        books.topUp(1, "25.00", "pay-1");
        wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY));
        Settled settled = (Settled) wallet.settle(OP, 1, "order:1", bill("30.00", "5.00", "0.00", "0.00"));
        assertThat(settled.fromHold()).isEqualTo(cny("20.00"));
        assertThat(settled.fromAvailable()).isEqualTo(cny("15.00"));
        assertThat(settled.owed()).isEqualTo(cny("10.00"));
        assertThat(settled.inDebt()).isTrue();
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("-10.00"), cny("0.00")));
        assertThat(wallet.placeHold(OP, 1, "order:2", HoldAmount.minimumBalance(CNY)))
                .as("a driver in debt cannot start").isEqualTo(new Rejected(Reason.INSUFFICIENT_BALANCE, cny("30.00")));
    }

    @Test
    void aRetriedSettlementChargesOnceAndADifferentBillForTheSameOrderIsRejected() {
        books.topUp(1, "50.00", "pay-1");
        wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY));
        SettleOutcome first = wallet.settle(OP, 1, "order:1", bill("10.00", "0.00", "0.00", "0.00"));
        assertThat(wallet.settle(OP, 1, "order:1", bill("10.00", "0.00", "0.00", "0.00"))).isEqualTo(first);
        assertThat(wallet.settle(OP, 1, "order:1", bill("11.00", "0.00", "0.00", "0.00")))
                .isEqualTo(new Rejected(Reason.IDEMPOTENCY_KEY_REUSED, null));
        assertThat(books.balance(1).available()).isEqualTo(cny("40.00"));
        assertThat(books.entryCount()).isEqualTo(3);
    }

    @Test
    void aSettlementWithoutAHoldChargesTheAvailableBalance() {
        books.topUp(1, "50.00", "pay-1");
        assertThat(wallet.settle(OP, 1, "order:9", bill("10.00", "0.00", "0.00", "0.00")))
                .isEqualTo(new Settled("order:9", bill("10.00", "0.00", "0.00", "0.00"),
                        cny("0.00"), cny("10.00"), cny("0.00"), cny("0.00")));
        assertThat(books.balance(1).available()).isEqualTo(cny("40.00"));
    }

    @Test
    void aReleaseGivesTheHoldBackOnceAndThenThereIsNothingToSettleFromIt() {
        books.topUp(1, "50.00", "pay-1");
        wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY));
        assertThat(wallet.release(OP, 1, "order:1")).isEqualTo(new Released("order:1", cny("20.00")));
        assertThat(wallet.release(OP, 1, "order:1")).isEqualTo(new Released("order:1", cny("20.00")));
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("50.00"), cny("0.00")));
        assertThat(books.entryCount()).isEqualTo(3);
    }

    @Test
    void releasingWithNothingHeldIsRejected() {
        books.topUp(1, "50.00", "pay-1");
        assertThat(wallet.release(OP, 1, "order:none")).isEqualTo(new Rejected(Reason.NOTHING_HELD, null));
        wallet.placeHold(OP, 1, "order:1", HoldAmount.minimumBalance(CNY));
        wallet.settle(OP, 1, "order:1", bill("5.00", "0.00", "0.00", "0.00"));
        assertThat(wallet.release(OP, 1, "order:1")).isEqualTo(new Rejected(Reason.NOTHING_HELD, null));
        assertThat(books.balance(1)).isEqualTo(new WalletBalance(cny("45.00"), cny("0.00")));
    }
}
