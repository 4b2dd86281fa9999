package io.pylon.domain.order;

import io.pylon.domain.marketing.CarbonFactor;
import java.math.BigDecimal;

/**
 * @param pointsPerKwh loyalty points a driver earns per kWh (floor of kWh × rate)
 * @param carbon       CO₂ saved per kWh for receipts (e.g. China's grid average)
 */
public record OrderSettings(BigDecimal pointsPerKwh, CarbonFactor carbon) {}
