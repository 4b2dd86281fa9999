package io.pylon.domain.marketing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What billing granted one order besides its discounts, kept for the receipt.
 *
 * @param membershipId  the driver's membership applied, or null
 * @param planName      its plan's name, or null
 * @param couponId      the held coupon used, or null
 * @param points        points the driver earned
 * @param pointsPerKwh  the rate they were earned at (operator rate × plan multiplier)
 * @param carbon        the factor used (region and kg CO₂ per kWh)
 * @param carbonSavedKg kg CO₂ saved, 3 decimals
 */
public record OrderReward(long orderId, Long membershipId, String planName, Long couponId, long points,
                          BigDecimal pointsPerKwh, CarbonFactor carbon, BigDecimal carbonSavedKg) {

    public OrderReward {
        Objects.requireNonNull(pointsPerKwh, "pointsPerKwh");
        Objects.requireNonNull(carbon, "carbon");
        Objects.requireNonNull(carbonSavedKg, "carbonSavedKg");
    }
}
