package io.pylon.domain.ledger;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The books in memory, with the database's rules: idempotency keys unique per operator, per-wallet locks held until
 * the outermost transaction ends (like SELECT ... FOR UPDATE), entries of a failed transaction rolled back. Writes
 * to a driver's accounts without holding that wallet's lock fail, so a service that forgets to lock is caught.
 */
public final class InMemoryLedger implements LedgerRepository {

    private record WalletKey(long operatorId, long driverId) {}

    private final List<JournalEntry> entries = new ArrayList<>();
    private final Map<String, JournalEntry> byKey = new HashMap<>();
    private final Map<WalletKey, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    private static final class Tx {
        int depth;
        final List<ReentrantLock> held = new ArrayList<>();
        final List<JournalEntry> appended = new ArrayList<>();
    }

    /** Transactions over these books: nested calls join the outermost one. */
    public Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return run(work);
            }
        };
    }

    private <T> T run(Supplier<T> work) {
        Tx tx = current.get();
        if (tx == null) current.set(tx = new Tx());
        tx.depth++;
        boolean ok = false;
        try {
            T result = work.get();
            ok = true;
            return result;
        } finally {
            if (--tx.depth == 0) {
                if (!ok) rollback(tx.appended);
                current.remove();
                tx.held.forEach(ReentrantLock::unlock);
            }
        }
    }

    private synchronized void rollback(List<JournalEntry> appended) {
        entries.removeAll(appended);
        appended.forEach(e -> byKey.remove(key(e.operatorId(), e.idempotencyKey())));
    }

    @Override
    public void lockWallet(long operatorId, long driverId) {
        Tx tx = current.get();
        if (tx == null) throw new IllegalStateException("lockWallet outside a transaction");
        ReentrantLock lock = locks.computeIfAbsent(new WalletKey(operatorId, driverId), k -> new ReentrantLock());
        lock.lock();
        tx.held.add(lock);
    }

    @Override
    public synchronized AppendResult append(JournalEntry entry) {
        Tx tx = current.get();
        if (tx == null) throw new IllegalStateException("append outside a transaction");
        requireWalletsLocked(entry);
        JournalEntry existing = byKey.putIfAbsent(key(entry.operatorId(), entry.idempotencyKey()), entry);
        if (existing != null) return new AppendResult.AlreadyRecorded(existing);
        entries.add(entry);
        tx.appended.add(entry);
        return new AppendResult.Appended(entry);
    }

    private void requireWalletsLocked(JournalEntry entry) {
        for (Posting p : entry.postings()) {
            if (!p.account().type().perDriver()) continue;
            ReentrantLock lock = locks.get(new WalletKey(p.account().operatorId(), p.account().ownerId()));
            if (lock == null || !lock.isHeldByCurrentThread()) {
                throw new IllegalStateException("write to " + p.account() + " without its wallet lock");
            }
        }
    }

    @Override
    public synchronized Optional<JournalEntry> findByIdempotencyKey(long operatorId, String idempotencyKey) {
        return Optional.ofNullable(byKey.get(key(operatorId, idempotencyKey)));
    }

    @Override
    public synchronized Money balance(AccountRef account, Currency currency) {
        return entries.stream().flatMap(e -> e.postings().stream())
                .filter(p -> p.account().equals(account) && p.amount().currency().equals(currency))
                .map(Posting::amount).reduce(Money.zero(currency), Money::plus);
    }

    @Override
    public synchronized Page<JournalEntry> entriesByReference(long operatorId, String reference, PageRequest page) {
        return page(e -> e.operatorId() == operatorId && e.reference().equals(reference), page);
    }

    @Override
    public synchronized Page<JournalEntry> entriesByAccount(AccountRef account, PageRequest page) {
        return page(e -> e.postings().stream().anyMatch(p -> p.account().equals(account)), page);
    }

    private Page<JournalEntry> page(Predicate<JournalEntry> filter, PageRequest page) {
        List<JournalEntry> all = entries.stream().filter(filter).toList();
        List<JournalEntry> items = all.stream().skip(page.offset()).limit(page.size()).toList();
        return new Page<>(items, page.page(), page.size(), all.size());
    }

    /** Every entry, in the order appended. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** The sum of all postings per currency: zero for every currency if the books balance. */
    public synchronized Map<Currency, BigDecimal> sumOfAllPostings() {
        Map<Currency, BigDecimal> sums = new HashMap<>();
        entries.stream().flatMap(e -> e.postings().stream())
                .forEach(p -> sums.merge(p.amount().currency(), p.amount().amount(), BigDecimal::add));
        return sums;
    }

    private static String key(long operatorId, String idempotencyKey) {
        return operatorId + "\n" + idempotencyKey;
    }
}
