package io.pylon.domain.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One reading ({@code RD} element) of a signed OCMF record.
 *
 * @param type       {@code TX}: B begin, C charging, X exception, E end, L limit, R remote stop, A abort, P power fail,
 *                   S suspended, T tariff change
 * @param value      {@code RV} as signed, in {@code unit} ({@code RU}: Wh or kWh)
 * @param status     {@code ST}: G good; anything else is an error state of the meter
 * @param errorFlags {@code EF}: empty when the meter reports no error
 */
public record OcmfReading(Instant time, String type, BigDecimal value, String unit, String status, String errorFlags) {

    /** The register in Wh, exact (a kWh reading may have a fraction of a Wh). */
    public BigDecimal valueWh() {
        return "kWh".equals(unit) ? value.movePointRight(3) : value;
    }

    /** The register in whole Wh, rounded down: billing never counts energy the meter did not sign. */
    public long wholeWh() {
        return valueWh().setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    public boolean good() {
        return "G".equals(status) && (errorFlags == null || errorFlags.isEmpty());
    }

    public boolean isBegin() {
        return "B".equals(type);
    }

    public boolean isEnd() {
        return type != null && "ELRAP".contains(type) && type.length() == 1;
    }
}
