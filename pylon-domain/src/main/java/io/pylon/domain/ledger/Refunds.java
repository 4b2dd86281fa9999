package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.AccountType.DISCOUNTS;
import static io.pylon.domain.ledger.AccountType.REVENUE_ELECTRICITY;
import static io.pylon.domain.ledger.AccountType.REVENUE_IDLE_FEE;
import static io.pylon.domain.ledger.AccountType.REVENUE_SERVICE;

import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.RefundOutcome.Refunded;
import io.pylon.domain.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Refunds of settled orders back to the wallet, reversing revenue by {@link RefundSplit}. */
final class Refunds {

    private final Journal journal;

    Refunds(Journal journal) {
        this.journal = journal;
    }

    RefundOutcome refund(long op, long driver, String orderRef, Money amount, String reason, String key, String actor) {
        Journal.requirePositive(amount);
        return journal.once(op, driver, key, e -> refunded(e, driver, orderRef, amount), () -> {
            List<JournalEntry> entries = journal.byReference(op, orderRef).stream()
                    .filter(e -> e.kind() == EntryKind.SETTLE || e.kind() == EntryKind.REFUND).toList();
            Optional<JournalEntry> settlement = entries.stream().filter(e -> e.kind() == EntryKind.SETTLE).findFirst();
            if (settlement.isEmpty() || !settlement.get().onlyTouchesDriver(driver)) {
                return Rejected.because(Reason.NOT_SETTLED);
            }
            BillAmounts unreversed = unreversed(entries, amount.currency());
            if (amount.compareTo(unreversed.charged()) > 0) {
                return new Rejected(Reason.EXCEEDS_REFUNDABLE, unreversed.charged());
            }
            BillAmounts parts = RefundSplit.split(unreversed, amount);
            List<Posting> postings = Journal.nonZero(
                    new Posting(AccountRef.wallet(op, driver), amount),
                    new Posting(AccountRef.operator(op, REVENUE_ELECTRICITY), parts.electricity().negate()),
                    new Posting(AccountRef.operator(op, REVENUE_SERVICE), parts.service().negate()),
                    new Posting(AccountRef.operator(op, REVENUE_IDLE_FEE), parts.idleFee().negate()),
                    new Posting(AccountRef.operator(op, DISCOUNTS), parts.discount()));
            return refunded(journal.record(op, EntryKind.REFUND, orderRef, key, actor, reason, postings),
                    driver, orderRef, amount);
        });
    }

    private static RefundOutcome refunded(JournalEntry e, long driver, String orderRef, Money amount) {
        if (e.kind() != EntryKind.REFUND || !e.reference().equals(orderRef)
                || !e.amountTo(AccountRef.wallet(e.operatorId(), driver)).equals(amount)) {
            return Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
        }
        BillAmounts reversed = new BillAmounts(e.amountTo(REVENUE_ELECTRICITY).negate(), e.amountTo(REVENUE_SERVICE).negate(),
                e.amountTo(REVENUE_IDLE_FEE).negate(), e.amountTo(DISCOUNTS));
        return new Refunded(orderRef, amount, reversed);
    }

    /** The order's lines as settled minus what its refunds reversed. */
    static BillAmounts unreversed(List<JournalEntry> entries, Currency currency) {
        Money zero = Money.zero(currency);
        Money electricity = zero, service = zero, idle = zero, discount = zero;
        for (JournalEntry e : entries) {
            electricity = electricity.plus(e.amountTo(REVENUE_ELECTRICITY));
            service = service.plus(e.amountTo(REVENUE_SERVICE));
            idle = idle.plus(e.amountTo(REVENUE_IDLE_FEE));
            discount = discount.minus(e.amountTo(DISCOUNTS));
        }
        return new BillAmounts(electricity, service, idle, discount);
    }
}
