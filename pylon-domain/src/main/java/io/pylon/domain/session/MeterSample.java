package io.pylon.domain.session;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One sampled value as the charger reported it. {@code value} is kept exactly as received (signed data
 * too); {@link #numeric()} reads it as a number when it is one.
 *
 * @param measurand e.g. Energy.Active.Import.Register; unit e.g. Wh, kWh, W, A, V
 */
public record MeterSample(Instant timestamp, String measurand, String phase, String unit, String context,
                          String location, String format, String value) {

    public BigDecimal numeric() {
        if (value == null || "SignedData".equals(format)) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The energy register in Wh if this sample is one (Wh or kWh), else null. */
    public Long energyRegisterWh() {
        if (!"Energy.Active.Import.Register".equals(measurand) || phase != null && !phase.isEmpty()) {
            return null;
        }
        BigDecimal number = numeric();
        if (number == null) {
            return null;
        }
        return "kWh".equals(unit) ? number.movePointRight(3).longValue() : number.longValue();
    }
}
