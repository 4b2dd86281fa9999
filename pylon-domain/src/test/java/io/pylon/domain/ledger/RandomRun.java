package io.pylon.domain.ledger;

import io.pylon.domain.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** One seed's random sequence of wallet operations; the invariants are checked after every step. */
final class RandomRun {

    /** Operator 1 keeps its books in CNY (2 decimals), operator 2 in JPY (none); drivers 1..3 each. */
    static final Map<Long, Currency> OPERATORS = Map.of(1L, Currency.getInstance("CNY"), 2L, Currency.getInstance("JPY"));

    record Call(String what, Supplier<Object> invoke, Object outcome) {}

    final long seed;
    final SplittableRandom random;
    final MutableClock clock = new MutableClock(Books.T0);
    final InMemoryLedger ledger = new InMemoryLedger();
    final WalletService wallet = new WalletService(ledger, ledger.transactions(), clock, new WalletSettings(new BigDecimal("20")));
    final WalletModel model = new WalletModel();
    final List<Call> done = new ArrayList<>();
    final WalletSteps walletSteps;
    final OrderSteps orderSteps;
    int counter;

    RandomRun(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.walletSteps = new WalletSteps(this);
        this.orderSteps = new OrderSteps(this);
    }

    void go(int steps) {
        for (int step = 0; step < steps; step++) {
            clock.advance(Duration.ofSeconds(1));
            String what;
            try {
                what = step();
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " step " + step + ": " + e, e);
            }
            new InvariantCheck(seed, what + " at step " + step, ledger, model, OPERATORS).run();
        }
    }

    private String step() {
        int dice = random.nextInt(100);
        if (dice < 25) return walletSteps.topUp();
        if (dice < 45) return walletSteps.hold();
        if (dice < 60) return orderSteps.settle();
        if (dice < 67) return orderSteps.release();
        if (dice < 82) return orderSteps.refund();
        if (dice < 90) return walletSteps.payout();
        return walletSteps.replay();
    }
}
