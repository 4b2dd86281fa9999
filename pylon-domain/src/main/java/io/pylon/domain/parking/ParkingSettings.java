package io.pylon.domain.parking;

import java.time.Duration;
import java.util.Objects;

/**
 * A station's parking rules.
 *
 * @param graceMinutes how long a vehicle may stay after charging finished before the bay counts as idle-occupying
 *                     (and, with an idle fee, before the fee starts)
 * @param idleFee      the idle fee after charging, or null for none; its grace is {@code graceMinutes}
 * @param plates       which plates are EVs (non-EVs in a charging bay raise an alarm; locks and NEV-only gates use it)
 * @param longStay     a vehicle present longer than this is flagged (long-term parking, 僵尸车); null never
 */
public record ParkingSettings(int graceMinutes, BayIdleFee idleFee, PlateRule plates, Duration longStay) {

    /** What a station without settings gets: 15 minutes' grace, no idle fee, China's NEV plates, no long-stay flag. */
    public static final ParkingSettings DEFAULT = new ParkingSettings(15, null, PlateRule.CHINA_NEV, null);

    public ParkingSettings {
        Objects.requireNonNull(plates, "plates");
        if (graceMinutes < 0 || graceMinutes > 24 * 60) {
            throw new IllegalArgumentException("graceMinutes: 0 to 1440, not " + graceMinutes);
        }
        if (idleFee != null && idleFee.graceMinutes() != graceMinutes) {
            throw new IllegalArgumentException("the idle fee's grace must be the station's graceMinutes");
        }
        if (longStay != null && (longStay.isNegative() || longStay.isZero())) {
            throw new IllegalArgumentException("longStayMinutes: more than 0, not " + longStay.toMinutes());
        }
    }

    public Duration grace() {
        return Duration.ofMinutes(graceMinutes);
    }
}
