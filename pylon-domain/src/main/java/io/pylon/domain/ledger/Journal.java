package io.pylon.domain.ledger;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.money.Money;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** The wallet operations' shared way of working with the books: locked, once per key, balanced. */
final class Journal {

    static final String SYSTEM_ACTOR = "system";

    private final LedgerRepository ledger;
    private final Transactions tx;
    private final Clock clock;

    Journal(LedgerRepository ledger, Transactions tx, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Runs the work in a transaction with the driver's wallet locked first. If an entry is already recorded under
     * the key, answers it (a retry); otherwise runs {@code firstTime}, which records through {@link #record}.
     */
    <T> T once(long operatorId, long driverId, String key, Function<JournalEntry, T> answer, Supplier<T> firstTime) {
        return tx.inTransaction(() -> {
            ledger.lockWallet(operatorId, driverId);
            return ledger.findByIdempotencyKey(operatorId, key).map(answer).orElseGet(firstTime);
        });
    }

    /**
     * Like {@link #once} without a wallet lock, for entries that touch no driver's account; the caller serialises
     * racing work itself where it must (a unique key alone makes a racing duplicate answer the first entry).
     */
    <T> T unlocked(long operatorId, String key, Function<JournalEntry, T> answer, Supplier<T> firstTime) {
        return tx.inTransaction(() -> ledger.findByIdempotencyKey(operatorId, key).map(answer).orElseGet(firstTime));
    }

    /** Runs read-only work in a transaction (one consistent view). */
    <T> T read(Supplier<T> work) {
        return tx.inTransaction(work);
    }

    /** Appends an entry; answers the entry in the books under its key (the earlier one if the key was taken). */
    JournalEntry record(long operatorId, EntryKind kind, String reference, String key, String actor, String note,
                        List<Posting> postings) {
        JournalEntry entry = new JournalEntry(JournalEntry.idFor(operatorId, key), operatorId, kind, reference, key,
                clock.instant(), actor, note, postings);
        return ledger.append(entry).entry();
    }

    Money balance(AccountRef account, Currency currency) {
        return ledger.balance(account, currency);
    }

    /** All entries with this reference, oldest first. */
    List<JournalEntry> byReference(long operatorId, String reference) {
        List<JournalEntry> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<JournalEntry> p = ledger.entriesByReference(operatorId, reference, new PageRequest(page, PageRequest.MAX_SIZE));
            all.addAll(p.items());
            if (p.items().isEmpty() || all.size() >= p.total()) return all;
        }
    }

    /** The postings, leaving out those of zero. */
    static List<Posting> nonZero(Posting... postings) {
        return Arrays.stream(postings).filter(p -> !p.amount().isZero()).toList();
    }

    static void requirePositive(Money amount) {
        if (!Objects.requireNonNull(amount, "amount").isPositive()) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }
}
