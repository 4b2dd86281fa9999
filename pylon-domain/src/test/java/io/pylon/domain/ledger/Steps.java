package io.pylon.domain.ledger;

import io.pylon.domain.ledger.WalletModel.WalletId;
import io.pylon.domain.money.Money;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** What the invariant test's steps share: the run's seed, randomness, service, model and helpers. */
abstract class Steps {

    final RandomRun run;
    final long seed;
    final SplittableRandom random;
    final WalletService wallet;
    final WalletModel model;

    Steps(RandomRun run) {
        this.run = run;
        this.seed = run.seed;
        this.random = run.random;
        this.wallet = run.wallet;
        this.model = run.model;
    }

    WalletId anyWallet() {
        return new WalletId(random.nextLong(1, 3), random.nextLong(1, 4));
    }

    Money money(WalletId w, long minor) {
        return Money.ofMinor(minor, RandomRun.OPERATORS.get(w.operatorId()));
    }

    /** A positive amount, often exactly the limit or one minor unit over it, sometimes up to half as much again. */
    long nearLimit(long limit) {
        return switch (random.nextInt(4)) {
            case 0 -> Math.max(1, limit);
            case 1 -> Math.max(1, limit + 1);
            default -> random.nextLong(1, Math.max(2, limit + limit / 2 + 2));
        };
    }

    /** Keeps a successful call for later replay. */
    void remember(String what, Supplier<Object> invoke, Object outcome) {
        run.done.add(new RandomRun.Call(what, invoke, outcome));
    }

    int next() {
        return run.counter++;
    }
}
