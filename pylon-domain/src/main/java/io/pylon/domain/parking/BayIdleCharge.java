package io.pylon.domain.parking;

import io.pylon.domain.money.Money;

/**
 * The idle fee of one visit: whole minutes the vehicle stayed after charging finished ({@code idleMinutes}), the
 * minutes billed after the grace period, and the amount (limited to the cap when {@code capped}).
 */
public record BayIdleCharge(long idleMinutes, long billedMinutes, Money amount, boolean capped) {

    public BayIdleCharge {
        if (idleMinutes < 0 || billedMinutes < 0 || billedMinutes > idleMinutes || amount.isNegative()) {
            throw new IllegalArgumentException("Inconsistent idle charge: " + idleMinutes + " idle, " + billedMinutes
                    + " billed, " + amount);
        }
    }
}
