package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How a refund reverses an order's bill lines, exactly, in minor units.
 *
 * <p>A refund of R out of what is still refundable Q (= the order's unreversed lines: electricity + service +
 * idle fee − discount) reverses the fraction R/Q of each unreversed line. When R = Q, every unreversed line is
 * reversed in full, so an order refunded in any number of parts ends with all its lines back at zero. Otherwise:
 * <ol>
 *   <li>discount part = round-half-up(unreversed discount × R / Q);</li>
 *   <li>gross part G = R + discount part, shared over electricity, service and idle fee in proportion to their
 *       unreversed amounts by largest remainder (each line gets the floor of its share; the minor units left go
 *       one each to the largest fractional remainders, ties in the order electricity, service, idle fee).</li>
 * </ol>
 * So the parts always sum to exactly R (no rounding drift), and no line is ever reversed below zero.
 */
final class RefundSplit {

    private RefundSplit() {}

    /** The lines a refund of {@code refund} reverses out of the order's {@code unreversed} lines. */
    static BillAmounts split(BillAmounts unreversed, Money refund) {
        long q = unreversed.charged().minorUnits();
        long r = refund.minorUnits();
        if (r <= 0 || r > q) throw new IllegalArgumentException("cannot refund " + refund + " of " + unreversed.charged());
        if (r == q) return unreversed;
        long discount = BigDecimal.valueOf(unreversed.discount().minorUnits()).multiply(BigDecimal.valueOf(r))
                .divide(BigDecimal.valueOf(q), 0, RoundingMode.HALF_UP).longValueExact();
        long[] gross = {unreversed.electricity().minorUnits(), unreversed.service().minorUnits(),
                unreversed.idleFee().minorUnits()};
        long[] parts = largestRemainder(gross, r + discount);
        Currency c = refund.currency();
        return new BillAmounts(Money.ofMinor(parts[0], c), Money.ofMinor(parts[1], c), Money.ofMinor(parts[2], c),
                Money.ofMinor(discount, c));
    }

    /** Shares {@code total} (at most the weights' sum) over the weights by largest remainder. */
    static long[] largestRemainder(long[] weights, long total) {
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) sum = sum.add(BigInteger.valueOf(w));
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long left = total;
        for (int k = 0; k < weights.length; k++) {
            BigInteger[] qr = BigInteger.valueOf(weights[k]).multiply(BigInteger.valueOf(total)).divideAndRemainder(sum);
            parts[k] = qr[0].longValueExact();
            remainders[k] = qr[1];
            left -= parts[k];
        }
        boolean[] topped = new boolean[weights.length];
        for (; left > 0; left--) {
            int best = -1;
            for (int k = 0; k < weights.length; k++) {
                if (!topped[k] && (best < 0 || remainders[k].compareTo(remainders[best]) > 0)) best = k;
            }
            topped[best] = true;
            parts[best]++;
        }
        return parts;
    }
}
