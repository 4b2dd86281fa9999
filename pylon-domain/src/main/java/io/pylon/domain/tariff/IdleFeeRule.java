package io.pylon.domain.tariff;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * Idle (occupancy) fee, 占位费: charged per whole minute a vehicle stays plugged in after charging
 * finished, once {@code graceMinutes} have passed. {@code perMinute} is in the tariff currency with at
 * most 5 decimals; the amount is {@code round_half_up(billed minutes × perMinute)}, then limited to
 * {@code cap} when a cap is set ({@code cap} may be null: no cap).
 */
public record IdleFeeRule(BigDecimal perMinute, int graceMinutes, Money cap) {

    /** No idle fee. */
    public static final IdleFeeRule NONE = new IdleFeeRule(BigDecimal.ZERO, 0, null);

    public IdleFeeRule {
        perMinute = BandPrice.unitPrice(perMinute, "idle fee per minute");
        if (graceMinutes < 0) {
            throw new IllegalArgumentException("Grace minutes must not be negative: " + graceMinutes);
        }
        if (cap != null && cap.isNegative()) {
            throw new IllegalArgumentException("Idle fee cap must not be negative: " + cap);
        }
    }

    public boolean charges() {
        return perMinute.signum() > 0;
    }

    /** Minutes billed for a number of whole idle minutes: those after the grace period. */
    public long billedMinutes(long idleMinutes) {
        return Math.max(0, idleMinutes - graceMinutes);
    }

    /** The amount for billed minutes, rounded half-up, then capped. */
    public Money amount(long billedMinutes, Currency currency) {
        Money amount = Money.rounded(perMinute.multiply(BigDecimal.valueOf(billedMinutes)), currency);
        return cap == null ? amount : amount.min(cap);
    }

    /** Whether the cap limited the amount for these billed minutes. */
    public boolean capped(long billedMinutes, Currency currency) {
        return cap != null && Money.rounded(perMinute.multiply(BigDecimal.valueOf(billedMinutes)), currency)
                .compareTo(cap) > 0;
    }

    void requireCurrency(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (cap != null && !cap.currency().equals(currency)) {
            throw new IllegalArgumentException("Idle fee cap " + cap + " is not in " + currency);
        }
    }
}
