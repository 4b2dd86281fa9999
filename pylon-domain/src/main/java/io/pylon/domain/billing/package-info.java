/**
 * Billing a charging session against a tariff version.
 *
 * <h2>How a bill is computed</h2>
 * The meter samples are sorted, samples outside the session dropped, samples at one instant merged
 * (highest register) and every register clamped to stay between the previous one and the meter stop
 * ({@link io.pylon.domain.billing.MeterCurve}). Between two readings energy is assumed to flow linearly
 * in time. The session is cut at every half hour of the station's local wall clock and at every DST
 * change; each piece belongs to the band its local start time has in the schedule of its local date
 * (workday or holiday), so a skipped DST hour bills nothing and a repeated hour bills twice. Band
 * energies are computed as exact fractions of Wh and rounded to whole Wh by the largest-remainder method
 * (leftover Wh go to the largest fractional parts, ties by band order SHARP, PEAK, FLAT, VALLEY), so they
 * add up exactly to meter stop − meter start. Each line amount is {@code round_half_up(kWh × unit price)}
 * to the currency's minor unit, separately for electricity and service; every total is a sum of rounded
 * line amounts, so lines always add up to the total and the total differs from the unrounded sum by at
 * most half a minor unit per amount. The idle fee counts whole minutes from charging finished to
 * plug-out, minus the grace minutes, at a per-minute price (rounded half-up once, then capped).
 * Discounts reduce the service amount only and never exceed it.
 */
package io.pylon.domain.billing;
