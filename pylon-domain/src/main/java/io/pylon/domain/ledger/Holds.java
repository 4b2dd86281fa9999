package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.AccountType.DISCOUNTS;
import static io.pylon.domain.ledger.AccountType.REVENUE_ELECTRICITY;
import static io.pylon.domain.ledger.AccountType.REVENUE_IDLE_FEE;
import static io.pylon.domain.ledger.AccountType.REVENUE_SERVICE;
import static io.pylon.domain.ledger.Journal.SYSTEM_ACTOR;

import io.pylon.domain.ledger.HoldOutcome.Held;
import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.ReleaseOutcome.Released;
import io.pylon.domain.ledger.SettleOutcome.Settled;
import io.pylon.domain.money.Money;
import java.util.Currency;
import java.util.List;

/** A session's money: the hold at start, then its settlement or release. Keys are derived from the reference. */
final class Holds {

    private final Journal journal;
    private final WalletSettings settings;

    Holds(Journal journal, WalletSettings settings) {
        this.journal = journal;
        this.settings = settings;
    }

    HoldOutcome place(long op, long driver, String reference, HoldAmount requested) {
        Money amount = switch (requested) {
            case HoldAmount.Exactly e -> e.amount();
            case HoldAmount.MinimumBalance m -> settings.minimumBalance(m.currency());
        };
        AccountRef wallet = AccountRef.wallet(op, driver);
        return journal.once(op, driver, "hold:" + reference, e -> held(e, driver, reference, amount), () -> {
            Money available = journal.balance(wallet, amount.currency());
            if (available.compareTo(amount) < 0) {
                return new Rejected(Reason.INSUFFICIENT_BALANCE, amount.minus(available));
            }
            return held(journal.record(op, EntryKind.HOLD, reference, "hold:" + reference, SYSTEM_ACTOR, "",
                    List.of(new Posting(wallet, amount.negate()), new Posting(AccountRef.holds(op, driver), amount))),
                    driver, reference, amount);
        });
    }

    private static HoldOutcome held(JournalEntry e, long driver, String reference, Money amount) {
        boolean same = e.kind() == EntryKind.HOLD && e.reference().equals(reference)
                && e.amountTo(AccountRef.holds(e.operatorId(), driver)).equals(amount);
        return same ? new Held(reference, amount) : Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
    }

    SettleOutcome settle(long op, long driver, String reference, BillAmounts bill) {
        String key = "settle:" + reference;
        return journal.once(op, driver, key, e -> settled(e, driver, reference, bill), () -> {
            Money held = heldFor(op, driver, reference, bill.electricity().currency());
            List<Posting> postings = Journal.nonZero(
                    new Posting(AccountRef.holds(op, driver), held.negate()),
                    new Posting(AccountRef.wallet(op, driver), held.minus(bill.charged())),
                    new Posting(AccountRef.operator(op, REVENUE_ELECTRICITY), bill.electricity()),
                    new Posting(AccountRef.operator(op, REVENUE_SERVICE), bill.service()),
                    new Posting(AccountRef.operator(op, REVENUE_IDLE_FEE), bill.idleFee()),
                    new Posting(AccountRef.operator(op, DISCOUNTS), bill.discount().negate()));
            if (postings.isEmpty()) {
                Money zero = Money.zero(bill.electricity().currency());
                return new Settled(reference, bill, zero, zero, zero, owed(op, driver, zero.currency()));
            }
            return settled(journal.record(op, EntryKind.SETTLE, reference, key, SYSTEM_ACTOR, "", postings),
                    driver, reference, bill);
        });
    }

    private SettleOutcome settled(JournalEntry e, long driver, String reference, BillAmounts bill) {
        if (e.kind() != EntryKind.SETTLE || !e.reference().equals(reference) || !e.onlyTouchesDriver(driver)
                || !billOf(e).equals(bill)) {
            return Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
        }
        long op = e.operatorId();
        Money held = e.amountTo(AccountRef.holds(op, driver)).negate();
        Money toWallet = e.amountTo(AccountRef.wallet(op, driver));
        Money zero = Money.zero(e.currency());
        Money released = toWallet.max(zero);
        return new Settled(reference, bill, held.minus(released), toWallet.negate().max(zero), released,
                owed(op, driver, e.currency()));
    }

    private static BillAmounts billOf(JournalEntry e) {
        return new BillAmounts(e.amountTo(REVENUE_ELECTRICITY), e.amountTo(REVENUE_SERVICE), e.amountTo(REVENUE_IDLE_FEE),
                e.amountTo(DISCOUNTS).negate());
    }

    private Money owed(long op, long driver, Currency currency) {
        Money available = journal.balance(AccountRef.wallet(op, driver), currency);
        return available.negate().max(Money.zero(currency));
    }

    ReleaseOutcome release(long op, long driver, String reference) {
        String key = "release:" + reference;
        return journal.once(op, driver, key, e -> released(e, driver, reference), () -> {
            Money held = heldFor(op, driver, reference, null);
            if (held == null || held.isZero()) return Rejected.because(Reason.NOTHING_HELD);
            return released(journal.record(op, EntryKind.RELEASE, reference, key, SYSTEM_ACTOR, "", List.of(
                    new Posting(AccountRef.holds(op, driver), held.negate()),
                    new Posting(AccountRef.wallet(op, driver), held))), driver, reference);
        });
    }

    private static ReleaseOutcome released(JournalEntry e, long driver, String reference) {
        Money amount = e.amountTo(AccountRef.wallet(e.operatorId(), driver));
        boolean same = e.kind() == EntryKind.RELEASE && e.reference().equals(reference) && amount.isPositive();
        return same ? new Released(reference, amount) : Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
    }

    /** What is still on hold for the reference; null when nothing was ever held and no currency is given. */
    private Money heldFor(long op, long driver, String reference, Currency currency) {
        AccountRef holds = AccountRef.holds(op, driver);
        Money sum = currency == null ? null : Money.zero(currency);
        for (JournalEntry e : journal.byReference(op, reference)) {
            Money part = e.amountTo(holds);
            sum = sum == null ? part : sum.plus(part);
        }
        return sum;
    }
}
