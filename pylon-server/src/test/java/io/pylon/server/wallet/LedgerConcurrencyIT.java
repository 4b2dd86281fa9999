package io.pylon.server.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.ledger.AccountRef;
import io.pylon.domain.ledger.AccountType;
import io.pylon.domain.ledger.AppendResult;
import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.ledger.JournalEntry;
import io.pylon.domain.ledger.PayoutOutcome;
import io.pylon.domain.ledger.Posting;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.ledger.TopUpOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.money.Money;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.JooqLedger;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many transactions on one wallet at once, on the real database: the wallet lock makes them happen one after the
 * other, so the final balance is exact, no accepted payout ever took the balance below zero, a key raced by every
 * thread credits once, and the books still sum to zero.
 */
class LedgerConcurrencyIT extends PylonIT {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 25;
    private static final Money TOP_UP = Money.of("10.00", "CNY");

    @Autowired
    WalletService wallets;

    @Autowired
    JooqLedger ledger;

    @Autowired
    Transactions tx;

    @Test
    void concurrentTopUpsAndPayoutsOnOneWalletAreSerialised() throws Exception {
        Tenant tenant = Tenants.create(api, httpPort, "CNY");
        long op = tenant.operatorId();
        long driver = tenant.driver("+8613700000001");
        AtomicLong toppedUpMinor = new AtomicLong();
        AtomicLong paidOutMinor = new AtomicLong();
        AtomicLong payoutsAccepted = new AtomicLong();
        AtomicLong payoutsRejected = new AtomicLong();
        AtomicLong sharedCredits = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(THREADS);

        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    // every thread races the first use of the wallet (its lock row) and one idempotency key
                    if (wallets.topUp(op, driver, TOP_UP, "race", "race", "test") instanceof TopUpOutcome.ToppedUp) {
                        sharedCredits.incrementAndGet();
                    }
                    for (int i = 0; i < OPERATIONS; i++) {
                        String key = "t" + thread + "-" + i;
                        if (i % 2 == 0) {
                            assertThat(wallets.topUp(op, driver, TOP_UP, "manual:cash:" + key, key, "test"))
                                    .isInstanceOf(TopUpOutcome.ToppedUp.class);
                            toppedUpMinor.addAndGet(TOP_UP.minorUnits());
                        } else {
                            Money amount = Money.ofMinor(700L * (1 + (thread + i) % 3), TOP_UP.currency());
                            PayoutOutcome outcome = wallets.payout(op, driver, amount, "payout:" + key, key, "test");
                            if (outcome instanceof PayoutOutcome.PaidOut) {
                                paidOutMinor.addAndGet(amount.minorUnits());
                                payoutsAccepted.incrementAndGet();
                            } else {
                                assertThat(((Rejected) outcome).reason()).isEqualTo(Rejected.Reason.EXCEEDS_AVAILABLE);
                                payoutsRejected.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get(5, TimeUnit.MINUTES);
        }

        assertThat(sharedCredits.get()).as("every thread's call answered as credited").isEqualTo(THREADS);
        long expected = TOP_UP.minorUnits() + toppedUpMinor.get() - paidOutMinor.get();
        var balance = wallets.balance(op, driver, TOP_UP.currency());
        assertThat(balance.available().minorUnits()).isEqualTo(expected);
        assertThat(balance.onHold().isZero()).isTrue();
        assertThat(payoutsAccepted.get()).isPositive();
        assertThat(payoutsAccepted.get() + payoutsRejected.get()).isEqualTo(THREADS * (OPERATIONS / 2));

        // Replayed in the order they were recorded, the wallet never went below zero.
        List<JournalEntry> entries = allEntries(AccountRef.wallet(op, driver));
        assertThat(entries).hasSize(1 + THREADS * ((OPERATIONS + 1) / 2) + (int) payoutsAccepted.get());
        assertThat(entries.stream().filter(e -> e.idempotencyKey().equals("race"))).hasSize(1);
        long running = 0;
        for (JournalEntry e : entries) {
            assertThat(e.kind()).isIn(EntryKind.TOP_UP, EntryKind.PAYOUT);
            running += e.amountTo(AccountRef.wallet(op, driver)).minorUnits();
            assertThat(running).as("balance after entry %s", e.idempotencyKey()).isNotNegative();
        }
        assertThat(running).isEqualTo(expected);

        var books = ledger.trialBalance(TenantScope.operator(op));
        assertThat(books).isNotEmpty();
        assertThat(books.stream().mapToLong(JooqLedger.TrialBalanceLine::sumMinor).sum()).isZero();
    }

    /**
     * Appends racing for one idempotency key outside any wallet lock (as two wallets' operations could): one is
     * recorded, the others answer it, and each racing transaction can go on working after losing the race.
     */
    @Test
    void anIdempotencyKeyRacedOutsideTheWalletLockIsRecordedOnce() throws Exception {
        Tenant tenant = Tenants.create(api, httpPort, "CNY");
        long op = tenant.operatorId();
        long driver = tenant.driver("+8613700000002");
        JournalEntry entry = new JournalEntry(JournalEntry.idFor(op, "raced"), op, EntryKind.TOP_UP, "manual:cash:R", "raced",
                Instant.now(), "test", "", List.of(new Posting(AccountRef.operator(op, AccountType.PAYMENT_CLEARING), TOP_UP.negate()),
                new Posting(AccountRef.wallet(op, driver), TOP_UP)));
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<AppendResult>> racers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                racers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return tx.inTransaction(() -> {
                        AppendResult result = ledger.append(entry);
                        ledger.balance(AccountRef.wallet(op, driver), TOP_UP.currency()); // the transaction still works
                        return result;
                    });
                }));
            }
            List<AppendResult> results = new ArrayList<>();
            for (Future<AppendResult> racer : racers) results.add(racer.get(1, TimeUnit.MINUTES));
            assertThat(results).filteredOn(r -> r instanceof AppendResult.Appended).hasSize(1);
            assertThat(results).allSatisfy(r -> assertThat(r.entry().id()).isEqualTo(entry.id()));
        }
        assertThat(wallets.balance(op, driver, TOP_UP.currency()).available()).isEqualTo(TOP_UP);
        assertThat(allEntries(AccountRef.wallet(op, driver))).hasSize(1);
    }

    private List<JournalEntry> allEntries(AccountRef account) {
        List<JournalEntry> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<JournalEntry> p = ledger.entriesByAccount(account, new PageRequest(page, PageRequest.MAX_SIZE));
            all.addAll(p.items());
            if (p.items().isEmpty() || all.size() >= p.total()) return all;
        }
    }
}
