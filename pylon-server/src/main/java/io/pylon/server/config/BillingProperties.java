package io.pylon.server.config;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Billing of orders ({@code pylon.billing.*}).
 *
 * @param pointsPerKwh    loyalty points a driver earns per kWh charged, where the operator set no rate of its own
 *                        ({@code /api/v1/marketing/points-rate})
 * @param carbonKgPerKwh  CO₂ a kWh of charging saves against petrol, for receipts (default: China's grid
 *                        emission factor 0.5703 kg/kWh, 2022); used where the operator set no factor for the
 *                        station's region nor a DEFAULT one ({@code /api/v1/carbon-factors})
 * @param carbonRegion    the region the platform's factor is for, shown on receipts
 * @param catchUpAfter    an order still open this long after its session stopped is billed again (a node
 *                        stopped between the stop and the bill)
 * @param plugOutWait     how long an order whose tariff charges an idle fee waits for the charger to report
 *                        the vehicle gone; after that it is settled without an idle fee and flagged
 *                        IDLE_END_UNKNOWN (a charger that never says so must not bill the driver for days)
 */
@Validated
@ConfigurationProperties("pylon.billing")
public record BillingProperties(@DefaultValue("1") BigDecimal pointsPerKwh,
                                @DefaultValue("0.5703") BigDecimal carbonKgPerKwh,
                                @DefaultValue("CN") String carbonRegion,
                                @DefaultValue("60s") Duration catchUpAfter,
                                @DefaultValue("12h") Duration plugOutWait) {}
