package io.pylon.domain.parking;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * A station's idle (occupancy, 占位) fee: once charging finished, the vehicle may stay {@code graceMinutes} for free;
 * every minute after that costs {@code price} per {@link FeeUnit#MINUTE minute}, or {@code price} per started
 * {@link FeeUnit#HOUR hour}; the amount is rounded half-up to the currency's minor unit and limited to {@code cap}
 * (null: no cap). Idle time counts in whole minutes, cut down.
 */
public record IdleFeeRule(int graceMinutes, BigDecimal price, FeeUnit unit, BigDecimal cap) {

    public IdleFeeRule {
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

    /** The fee for staying from {@code idleFrom} (charging finished, or later) until {@code leftAt}. */
    public IdleCharge charge(Instant idleFrom, Instant leftAt, Currency currency) {
        long minutes = leftAt.isAfter(idleFrom) ? Duration.between(idleFrom, leftAt).toMinutes() : 0;
        return charge(minutes, currency);
    }

    /** The fee for {@code idleMinutes} whole idle minutes: grace first, then the price, then the cap. */
    public IdleCharge charge(long idleMinutes, Currency currency) {
        long billed = Math.max(0, idleMinutes - graceMinutes);
        if (!charges() || billed == 0) {
            return new IdleCharge(idleMinutes, billed, Money.zero(currency), false);
        }
        BigDecimal units = unit == FeeUnit.MINUTE ? BigDecimal.valueOf(billed)
                : BigDecimal.valueOf(billed).divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING);
        Money amount = Money.rounded(price.multiply(units), currency);
        if (cap != null) {
            Money limit = Money.rounded(cap, currency);
            if (amount.compareTo(limit) > 0) {
                return new IdleCharge(idleMinutes, billed, limit, true);
            }
        }
        return new IdleCharge(idleMinutes, billed, amount, false);
    }
}
