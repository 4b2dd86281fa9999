package io.pylon.domain.ledger;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.ledger.PayoutOutcome.PaidOut;
import io.pylon.domain.ledger.Rejected.Reason;
import io.pylon.domain.ledger.TopUpOutcome.ToppedUp;
import io.pylon.domain.money.Money;
import java.time.Clock;
import java.util.Currency;
import java.util.List;

/**
 * Drivers' prepaid wallets on the operators' double-entry books: top-ups, holds at session start, settlement or
 * release at the end, refunds of settled orders, payouts and balances.
 *
 * <p>Every operation runs in one transaction with the driver's wallet locked first, so operations on one wallet
 * happen one after the other. Every operation that moves money is idempotent on its key (given by the caller, or
 * {@code hold:}, {@code settle:}, {@code release:} + the order reference): a retry answers the recorded outcome and
 * moves nothing; a key reused for something else is {@link Reason#IDEMPOTENCY_KEY_REUSED}. Rejections record
 * nothing. Amounts must be positive (checked: a non-positive amount is a caller bug).
 *
 * <p>Settlement charges the whole bill even when it exceeds the hold: the excess comes from the available balance,
 * which may go negative (the driver owes the operator, flagged by {@link SettleOutcome.Settled#owed()}); a new
 * hold then needs a top-up first. Refund splits are described in {@link RefundSplit}.
 */
public final class WalletService {

    private final Journal journal;
    private final Holds holds;
    private final Refunds refunds;
    private final DirectPayments direct;
    private final List<WalletListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final System.Logger LOG = System.getLogger(WalletService.class.getName());

    public WalletService(LedgerRepository ledger, Transactions tx, Clock clock, WalletSettings settings) {
        this.journal = new Journal(ledger, tx, clock);
        this.holds = new Holds(journal, settings);
        this.refunds = new Refunds(journal);
        this.direct = new DirectPayments(journal);
    }

    /** Registers who hears of balance changes (chargers that show a card's balance); set at wiring time. */
    public void listen(WalletListener listener) {
        listeners.add(listener);
    }

    /** Tells the listeners, once the outcome says money moved. */
    private <T> T told(long operatorId, long driverId, T outcome) {
        if (outcome instanceof Rejected) return outcome;
        for (WalletListener listener : listeners) {
            try {
                listener.changed(operatorId, driverId);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Wallet listener failed for driver " + driverId, e);
            }
        }
        return outcome;
    }

    /** Credits money received ({@code sourceReference}: {@code payment:42}, {@code manual:cash:R-7}) to the wallet. */
    public TopUpOutcome topUp(long operatorId, long driverId, Money amount, String sourceReference,
                              String idempotencyKey, String actor) {
        Journal.requirePositive(amount);
        AccountRef wallet = AccountRef.wallet(operatorId, driverId);
        return told(operatorId, driverId, journal.once(operatorId, driverId, idempotencyKey, e -> toppedUp(e, wallet, amount, sourceReference),
                () -> toppedUp(journal.record(operatorId, EntryKind.TOP_UP, sourceReference, idempotencyKey, actor, "",
                        List.of(new Posting(AccountRef.operator(operatorId, AccountType.PAYMENT_CLEARING), amount.negate()),
                                new Posting(wallet, amount))), wallet, amount, sourceReference)));
    }

    private static TopUpOutcome toppedUp(JournalEntry e, AccountRef wallet, Money amount, String reference) {
        boolean same = e.kind() == EntryKind.TOP_UP && e.reference().equals(reference) && e.amountTo(wallet).equals(amount);
        return same ? new ToppedUp(amount, reference) : Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
    }

    /** Reserves money for a session (reference e.g. {@code order:123}); rejected with the shortfall if not available. */
    public HoldOutcome placeHold(long operatorId, long driverId, String reference, HoldAmount amount) {
        return holds.place(operatorId, driverId, reference, amount);
    }

    /**
     * Charges the session's bill: the hold and, above it, the available balance move to revenue (the discount from
     * {@link AccountType#DISCOUNTS}); the unused hold goes back to available. Without a hold, all comes from available.
     */
    public SettleOutcome settle(long operatorId, long driverId, String reference, BillAmounts bill) {
        return told(operatorId, driverId, holds.settle(operatorId, driverId, reference, bill));
    }

    /** Gives a session's hold back to the available balance (the session never charged). */
    public ReleaseOutcome release(long operatorId, long driverId, String reference) {
        return told(operatorId, driverId, holds.release(operatorId, driverId, reference));
    }

    /** Refunds part or all of a settled order to the wallet: at most what was settled minus earlier refunds. */
    public RefundOutcome refund(long operatorId, long driverId, String orderReference, Money amount, String reason,
                                String idempotencyKey, String actor) {
        return told(operatorId, driverId, refunds.refund(operatorId, driverId, orderReference, amount, reason, idempotencyKey, actor));
    }

    /**
     * Records an order paid outside any wallet (an anonymous card's session paid in cash, by transfer or at a
     * terminal, {@code source} saying how): revenue straight from {@link AccountType#PAYMENT_CLEARING}. Once per
     * order: a replay answers the recorded settlement; an order already settled from a wallet is refused.
     */
    public SettleOutcome settleDirect(long operatorId, String reference, BillAmounts bill, String source, String actor) {
        return direct.settle(operatorId, reference, bill, source, actor);
    }

    /** Refunds part or all of a directly paid order back out through clearing; the caller locks the order first. */
    public RefundOutcome refundDirect(long operatorId, String orderReference, Money amount, String reason,
                                      String idempotencyKey, String actor) {
        return direct.refund(operatorId, orderReference, amount, reason, idempotencyKey, actor);
    }

    /** Pays available balance back out to the driver; never more than is available. */
    public PayoutOutcome payout(long operatorId, long driverId, Money amount, String reference, String idempotencyKey,
                                String actor) {
        Journal.requirePositive(amount);
        AccountRef wallet = AccountRef.wallet(operatorId, driverId);
        return told(operatorId, driverId, journal.once(operatorId, driverId, idempotencyKey, e -> paidOut(e, wallet, amount, reference), () -> {
            Money available = journal.balance(wallet, amount.currency());
            if (amount.compareTo(available) > 0) return new Rejected(Reason.EXCEEDS_AVAILABLE, available);
            return paidOut(journal.record(operatorId, EntryKind.PAYOUT, reference, idempotencyKey, actor, "", List.of(
                    new Posting(wallet, amount.negate()),
                    new Posting(AccountRef.operator(operatorId, AccountType.PAYOUTS), amount))), wallet, amount, reference);
        }));
    }

    private static PayoutOutcome paidOut(JournalEntry e, AccountRef wallet, Money amount, String reference) {
        boolean same = e.kind() == EntryKind.PAYOUT && e.reference().equals(reference)
                && e.amountTo(wallet).equals(amount.negate());
        return same ? new PaidOut(reference, amount) : Rejected.because(Reason.IDEMPOTENCY_KEY_REUSED);
    }

    /** The driver's wallet in the operator's currency. */
    public WalletBalance balance(long operatorId, long driverId, Currency currency) {
        return journal.read(() -> new WalletBalance(
                journal.balance(AccountRef.wallet(operatorId, driverId), currency),
                journal.balance(AccountRef.holds(operatorId, driverId), currency)));
    }
}
