package io.pylon.domain.billing;

import io.pylon.domain.money.Money;
import java.util.Currency;

/**
 * The idle fee of a bill: whole idle minutes after charging finished, the minutes billed after the
 * grace period, and the amount (already limited to the tariff's cap when {@code capped}).
 */
public record IdleCharge(long idleMinutes, long billedMinutes, Money amount, boolean capped) {

    public IdleCharge {
        if (idleMinutes < 0 || billedMinutes < 0 || billedMinutes > idleMinutes || amount.isNegative()) {
            throw new IllegalArgumentException("Inconsistent idle charge: " + idleMinutes + " idle, "
                    + billedMinutes + " billed, " + amount);
        }
    }

    /** The charge of {@code idleMinutes} whole idle minutes under {@code rule}: grace first, then the cap. */
    public static IdleCharge of(io.pylon.domain.tariff.IdleFeeRule rule, long idleMinutes, Currency currency) {
        if (!rule.charges()) {
            return new IdleCharge(idleMinutes, 0, Money.zero(currency), false);
        }
        long billed = rule.billedMinutes(idleMinutes);
        return new IdleCharge(idleMinutes, billed, rule.amount(billed, currency), rule.capped(billed, currency));
    }

    public static IdleCharge none(Currency currency) {
        return new IdleCharge(0, 0, Money.zero(currency), false);
    }
}
