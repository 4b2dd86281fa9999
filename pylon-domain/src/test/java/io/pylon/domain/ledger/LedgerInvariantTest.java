package io.pylon.domain.ledger;

import org.junit.jupiter.api.Test;

/**
 * Random sequences of wallet operations (over-refunds, over-payouts, holds beyond the balance and retries with the
 * same keys included) against an independent model ({@link WalletModel}); after every step the books must balance
 * and agree with it ({@link InvariantCheck}). Failures name the seed: rerun it with {@code new RandomRun(seed)}.
 */
class LedgerInvariantTest {

    private static final int SEEDS = 300;
    private static final int STEPS = 80;

    @Test
    void booksBalanceAndWalletsMatchTheModelAfterEveryStep() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            new RandomRun(seed).go(STEPS);
        }
    }
}
