package io.pylon.domain.parking;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * A station's idle (occupancy, 占位) fee measured by the bay: until the vehicle leaves the bay (plate out), not only
 * until the cable is pulled as the tariff's {@link io.pylon.domain.tariff.IdleFeeRule} measures it. Once charging
 * finished, the vehicle may stay {@code graceMinutes} for free; every minute after that costs {@code price} per {@link FeeUnit#MINUTE minute}, or {@code price} per started
 * {@link FeeUnit#HOUR hour}; the amount is rounded half-up to the currency's minor unit and limited to {@code cap}
 * (null: no cap). Idle time counts in whole minutes, cut down.
 */
public record BayIdleFee(int graceMinutes, BigDecimal price, FeeUnit unit, BigDecimal cap) {

    public BayIdleFee {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(unit, "unit");
        if (graceMinutes < 0 || graceMinutes > 24 * 60) {
            throw new IllegalArgumentException("graceMinutes: 0 to 1440, not " + graceMinutes);
        }
        if (price.signum() < 0 || price.scale() > 5) {
            throw new IllegalArgumentException("price: zero or more with at most 5 decimals, not " + price);
        }
        if (cap != null && cap.signum() < 0) {
            throw new IllegalArgumentException("cap: zero or more, not " + cap);
        }
    }

    public boolean charges() {
        return price.signum() > 0;
    }

    /** The fee for staying from {@code finishedAt} (charging finished) until {@code leftAt}. */
    public BayIdleCharge charge(Instant finishedAt, Instant leftAt, Currency currency) {
        return charge(finishedAt, leftAt, null, currency);
    }

    /**
     * The fee for staying from {@code finishedAt} until {@code leftAt} when another fee already covers the time until
     * {@code coveredUntil} (null: nothing does): minutes are billed after both the grace period and that time, so no
     * minute is charged twice and the grace is counted once, from the finish.
     */
    public BayIdleCharge charge(Instant finishedAt, Instant leftAt, Instant coveredUntil, Currency currency) {
        long idle = minutes(finishedAt, leftAt);
        Instant billedFrom = finishedAt.plus(Duration.ofMinutes(graceMinutes));
        if (coveredUntil != null && coveredUntil.isAfter(billedFrom)) {
            billedFrom = coveredUntil;
        }
        return charged(idle, Math.min(idle, minutes(billedFrom, leftAt)), currency);
    }

    /** The fee for {@code idleMinutes} whole idle minutes: grace first, then the price, then the cap. */
    public BayIdleCharge charge(long idleMinutes, Currency currency) {
        return charged(idleMinutes, Math.max(0, idleMinutes - graceMinutes), currency);
    }

    private BayIdleCharge charged(long idleMinutes, long billed, Currency currency) {
        if (!charges() || billed == 0) {
            return new BayIdleCharge(idleMinutes, billed, Money.zero(currency), false);
        }
        BigDecimal units = unit == FeeUnit.MINUTE ? BigDecimal.valueOf(billed)
                : BigDecimal.valueOf(billed).divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING);
        Money amount = Money.rounded(price.multiply(units), currency);
        if (cap != null) {
            Money limit = Money.rounded(cap, currency);
            if (amount.compareTo(limit) > 0) {
                return new BayIdleCharge(idleMinutes, billed, limit, true);
            }
        }
        return new BayIdleCharge(idleMinutes, billed, amount, false);
    }

    private static long minutes(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to).toMinutes() : 0;
    }
}
