package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.Books.CNY;
import static io.pylon.domain.ledger.Books.OP;
import static io.pylon.domain.ledger.Books.bill;
import static io.pylon.domain.ledger.Books.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.RefundOutcome.Refunded;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two threads racing on one wallet: the per-wallet lock makes them take turns, so totals are exact. */
class WalletConcurrencyTest {

    private static final int ROUNDS = 200;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs both tasks at once (released together by a barrier) and answers their results. */
    private <T> List<T> race(IntFunction<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<T>> futures = List.of(0, 1).stream().map(n -> pool.submit(() -> {
            start.await();
            return task.apply(n);
        })).toList();
        return List.of(futures.get(0).get(), futures.get(1).get());
    }

    @Test
    void racingTopUpsAllArrive() throws Exception {
        Books books = new Books();
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            race(n -> books.topUp(1, "1.01", "top-" + r + "-" + n));
            race(n -> books.topUp(1, "1.01", "top-" + r + "-" + n)); // the same keys again: retries credit nothing
        }
        assertThat(books.balance(1).available()).isEqualTo(cny("404.00"));
        assertThat(books.entryCount()).isEqualTo(2 * ROUNDS);
        assertThat(books.ledger.sumOfAllPostings().get(CNY).signum()).isZero();
    }

    @Test
    void racingRefundsOfOneOrderNeverRefundMoreThanWasCharged() throws Exception {
        Books books = new Books();
        books.topUp(1, "100000.00", "pay-1");
        for (int round = 0; round < ROUNDS; round++) {
            String order = "order:" + round;
            books.wallet.settle(OP, 1, order, bill("7.00", "2.00", "1.00", "0.00"));
            List<RefundOutcome> outcomes = race(n -> books.wallet.refund(OP, 1, order, cny("6.00"), "race", order + "-r" + n, "ops"));
            assertThat(outcomes).as("round %d: exactly one of two 6.00 refunds of a 10.00 order", round)
                    .filteredOn(o -> o instanceof Refunded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof Rejected)
                    .containsExactly(new Rejected(Rejected.Reason.EXCEEDS_REFUNDABLE, cny("4.00")));
        }
        assertThat(books.balance(1).available()).as("each round charges 10.00 and refunds 6.00")
                .isEqualTo(cny("99200.00"));
        assertThat(books.ledger.sumOfAllPostings().get(CNY).signum()).isZero();
    }
}
