package io.pylon.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.WalletModel.WalletId;
import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/** The invariants the books must keep after every step, checked against the test's own model. */
record InvariantCheck(long seed, String after, InMemoryLedger ledger, WalletModel model, Map<Long, Currency> currencies) {

    void run() {
        sumOfAllPostingsIsZero();
        model.wallets.forEach(this::walletMatchesModel);
        model.orders.forEach(this::noOrderIsRefundedBeyondItsCharge);
    }

    private void sumOfAllPostingsIsZero() {
        ledger.sumOfAllPostings().forEach((currency, sum) ->
                assertThat(sum.signum()).as("seed %d after %s: sum of %s postings is %s", seed, after, currency, sum).isZero());
    }

    private void walletMatchesModel(WalletId id, WalletModel.Wallet expected) {
        Currency currency = currencies.get(id.operatorId());
        Money available = ledger.balance(AccountRef.wallet(id.operatorId(), id.driverId()), currency);
        Money onHold = ledger.balance(AccountRef.holds(id.operatorId(), id.driverId()), currency);
        assertThat(available.plus(onHold).minorUnits())
                .as("seed %d after %s: wallet %s = top-ups - settled + refunds - payouts", seed, after, id)
                .isEqualTo(expected.total());
        assertThat(onHold.minorUnits()).as("seed %d after %s: %s on hold", seed, after, id).isEqualTo(expected.onHold());
    }

    private void noOrderIsRefundedBeyondItsCharge(String reference, WalletModel.Order order) {
        WalletId w = order.wallet();
        BigDecimal refunded = BigDecimal.ZERO;
        for (JournalEntry e : ledger.entries()) {
            if (e.operatorId() == w.operatorId() && e.reference().equals(reference) && e.kind() == EntryKind.REFUND) {
                refunded = refunded.add(e.amountTo(AccountRef.wallet(w.operatorId(), w.driverId())).amount());
            }
        }
        Money charged = Money.ofMinor(order.charged(), currencies.get(w.operatorId()));
        assertThat(refunded).as("seed %d after %s: %s refunded beyond its charge %s", seed, after, reference, charged)
                .isLessThanOrEqualTo(charged.amount());
        assertThat(refunded.movePointRight(charged.currency().getDefaultFractionDigits()).longValueExact())
                .as("seed %d after %s: %s refunded", seed, after, reference)
                .isEqualTo(model.refunded.getOrDefault(reference, 0L));
    }
}
