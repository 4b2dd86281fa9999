package io.pylon.domain.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Loyalty points (积分), whole numbers. Earned as {@code floor(kWh × pointsPerKwh)}: partial points are
 * never given, so 9.999 kWh at 1 point/kWh earns 9.
 */
public record Points(long value) {

    public static final Points NONE = new Points(0);

    public Points {
        if (value < 0) {
            throw new IllegalArgumentException("Points are not negative: " + value);
        }
    }

    public static Points earned(long energyWh, BigDecimal pointsPerKwh) {
        if (energyWh < 0) {
            throw new IllegalArgumentException("Negative energy " + energyWh + " Wh");
        }
        BigDecimal points = BigDecimal.valueOf(energyWh, 3).multiply(pointsPerKwh);
        return new Points(points.setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    public Points plus(Points other) {
        return new Points(Math.addExact(value, other.value));
    }
}
