package io.pylon.domain.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * CO₂ saved per kWh charged, in kg, for a region (configured per grid region; not a built-in constant).
 * {@link #savedKg} rounds half-up to 3 decimals (grams).
 */
public record CarbonFactor(String region, BigDecimal kgPerKwh) {

    public CarbonFactor {
        Objects.requireNonNull(region, "region");
        if (kgPerKwh.signum() < 0) {
            throw new IllegalArgumentException("kg CO2 per kWh must not be negative: " + kgPerKwh);
        }
    }

    public BigDecimal savedKg(long energyWh) {
        return BigDecimal.valueOf(energyWh, 3).multiply(kgPerKwh).setScale(3, RoundingMode.HALF_UP);
    }
}
