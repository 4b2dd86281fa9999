/**
 * Discounts and rewards that feed a bill: coupons and membership plans reduce the service fee only
 * ({@link io.pylon.domain.marketing.Pricing}), points are earned per kWh, and a regional carbon factor
 * tells how much CO₂ charging saved. Amounts are rounded half-up to the currency's minor unit.
 */
package io.pylon.domain.marketing;
