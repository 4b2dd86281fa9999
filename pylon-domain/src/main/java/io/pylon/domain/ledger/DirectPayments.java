package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.AccountType.DISCOUNTS;
import static io.pylon.domain.ledger.AccountType.PAYMENT_CLEARING;
import static io.pylon.domain.ledger.AccountType.REVENUE_ELECTRICITY;
import static io.pylon.domain.ledger.AccountType.REVENUE_IDLE_FEE;
import static io.pylon.domain.ledger.AccountType.REVENUE_SERVICE;

import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * Orders paid outside any wallet — an anonymous card's session paid later in cash, by bank transfer or at a card
 * terminal — and refunds of them. Money comes in through {@link AccountType#PAYMENT_CLEARING} straight to revenue,
 * and a refund sends it back out the same way; no driver account is touched. The settlement key is the same as a
 * wallet settlement's ({@code settle:} + reference), so an order is never paid both ways.
 */
final class DirectPayments {

    private final Journal journal;

    DirectPayments(Journal journal) {
        this.journal = journal;
    }

    SettleOutcome settle(long op, String reference, BillAmounts bill, String source, String actor) {
        String key = "settle:" + reference;
        return journal.unlocked(op, key, e -> settled(e, reference, bill), () -> {
            if (!bill.charged().isPositive()) {
                Money zero = Money.zero(bill.electricity().currency());
                return new SettleOutcome.Settled(reference, bill, zero, zero, zero, zero);
            }
            List<Posting> postings = Journal.nonZero(
                    new Posting(AccountRef.operator(op, PAYMENT_CLEARING), bill.charged().negate()),
                    new Posting(AccountRef.operator(op, REVENUE_ELECTRICITY), bill.electricity()),
                    new Posting(AccountRef.operator(op, REVENUE_SERVICE), bill.service()),
                    new Posting(AccountRef.operator(op, REVENUE_IDLE_FEE), bill.idleFee()),
                    new Posting(AccountRef.operator(op, DISCOUNTS), bill.discount().negate()));
            return settled(journal.record(op, EntryKind.SETTLE, reference, key, actor, source, postings), reference, bill);
        });
    }

    private static SettleOutcome settled(JournalEntry e, String reference, BillAmounts bill) {
        boolean direct = e.postings().stream().noneMatch(p -> p.account().type().perDriver());
        BillAmounts recorded = new BillAmounts(e.amountTo(REVENUE_ELECTRICITY), e.amountTo(REVENUE_SERVICE),
                e.amountTo(REVENUE_IDLE_FEE), e.amountTo(DISCOUNTS).negate());
        if (e.kind() != EntryKind.SETTLE || !e.reference().equals(reference) || !direct || !recorded.equals(bill)) {
            return Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
        }
        Money zero = Money.zero(e.currency());
        return new SettleOutcome.Settled(reference, bill, zero, bill.charged(), zero, zero);
    }

    /** Refunds part of a directly paid order; the caller holds a lock on the order (two refunds never race here). */
    RefundOutcome refund(long op, String orderRef, Money amount, String reason, String key, String actor) {
        Journal.requirePositive(amount);
        return journal.unlocked(op, key, e -> refunded(e, orderRef, amount), () -> {
            List<JournalEntry> entries = journal.byReference(op, orderRef).stream()
                    .filter(e -> e.kind() == EntryKind.SETTLE || e.kind() == EntryKind.REFUND).toList();
            Optional<JournalEntry> settlement = entries.stream().filter(e -> e.kind() == EntryKind.SETTLE).findFirst();
            if (settlement.isEmpty() || settlement.get().postings().stream().anyMatch(p -> p.account().type().perDriver())) {
                return Rejected.because(Reason.NOT_SETTLED);
            }
            BillAmounts unreversed = Refunds.unreversed(entries, amount.currency());
            if (amount.compareTo(unreversed.charged()) > 0) {
                return new Rejected(Reason.EXCEEDS_REFUNDABLE, unreversed.charged());
            }
            BillAmounts parts = RefundSplit.split(unreversed, amount);
            List<Posting> postings = Journal.nonZero(
                    new Posting(AccountRef.operator(op, PAYMENT_CLEARING), amount),
                    new Posting(AccountRef.operator(op, REVENUE_ELECTRICITY), parts.electricity().negate()),
                    new Posting(AccountRef.operator(op, REVENUE_SERVICE), parts.service().negate()),
                    new Posting(AccountRef.operator(op, REVENUE_IDLE_FEE), parts.idleFee().negate()),
                    new Posting(AccountRef.operator(op, DISCOUNTS), parts.discount()));
            return refunded(journal.record(op, EntryKind.REFUND, orderRef, key, actor, reason, postings), orderRef, amount);
        });
    }

    private static RefundOutcome refunded(JournalEntry e, String orderRef, Money amount) {
        if (e.kind() != EntryKind.REFUND || !e.reference().equals(orderRef)
                || !e.amountTo(AccountType.PAYMENT_CLEARING).equals(amount)) {
            return Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
        }
        BillAmounts reversed = new BillAmounts(e.amountTo(REVENUE_ELECTRICITY).negate(), e.amountTo(REVENUE_SERVICE).negate(),
                e.amountTo(REVENUE_IDLE_FEE).negate(), e.amountTo(DISCOUNTS));
        return new RefundOutcome.Refunded(orderRef, amount, reversed);
    }
}
