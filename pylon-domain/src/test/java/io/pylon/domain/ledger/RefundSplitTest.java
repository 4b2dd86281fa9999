package io.pylon.domain.ledger;

import static io.pylon.domain.ledger.Books.CNY;
import static io.pylon.domain.ledger.Books.bill;
import static io.pylon.domain.ledger.Books.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RefundSplitTest {

    @Test
    void leftoverMinorUnitsGoToTheLargestRemainders() {
        // 1.00 of 3.00 (1.00 each line): a third each.
        assertThat(RefundSplit.split(bill("1.00", "1.00", "1.00", "0.00"), cny("1.00"))).isEqualTo(bill("0.34", "0.33", "0.33", "0.00"));
        assertThat(RefundSplit.split(bill("0.01", "0.02", "0.00", "0.00"), cny("0.01"))).isEqualTo(bill("0.00", "0.01", "0.00", "0.00"));
    }

    @Test
    void theLastRefundTakesExactlyWhatIsLeft() {
        BillAmounts left = bill("0.07", "0.05", "0.01", "0.03");
        assertThat(RefundSplit.split(left, left.charged())).isEqualTo(left);
    }

    @Test
    void splitsAreExactBoundedAndFullyReverseAnOrderRefundedInParts() {
        for (long seed = 1; seed <= 500; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            BillAmounts left = randomBill(random);
            while (left.charged().isPositive()) {
                Money refund = Money.ofMinor(random.nextLong(1, left.charged().minorUnits() + 1), CNY);
                BillAmounts part = RefundSplit.split(left, refund);
                assertThat(part.charged()).as("seed %d: parts sum to the refund", seed).isEqualTo(refund);
                left = minus(left, part, seed);
            }
            assertThat(left.gross()).as("seed %d: every line reversed", seed).isEqualTo(left.discount());
        }
    }

    private static BillAmounts randomBill(SplittableRandom random) {
        long e = random.nextLong(0, 10_000), s = random.nextLong(0, 3_000), i = random.nextInt(4) == 0 ? random.nextLong(0, 900) : 0;
        long d = random.nextLong(0, (e + s + i) / 2 + 1);
        if (e + s + i - d == 0) e++;
        return new BillAmounts(Money.ofMinor(e, CNY), Money.ofMinor(s, CNY), Money.ofMinor(i, CNY), Money.ofMinor(d, CNY));
    }

    /** The lines left after a part; BillAmounts refuses negative lines, so a part beyond a line fails here. */
    private static BillAmounts minus(BillAmounts left, BillAmounts part, long seed) {
        try {
            return new BillAmounts(left.electricity().minus(part.electricity()), left.service().minus(part.service()),
                    left.idleFee().minus(part.idleFee()), left.discount().minus(part.discount()));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("seed " + seed + ": " + part + " reverses more than " + left, e);
        }
    }
}
