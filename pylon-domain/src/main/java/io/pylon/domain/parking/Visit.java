package io.pylon.domain.parking;

import java.time.Duration;
import java.time.Instant;

/**
 * One vehicle's stay in a bay, complete once it left: arrival, charging start and finish (null when it never charged;
 * a finish null after a start means it charged until it left) and departure.
 */
public record Visit(String plate, PlateColour colour, Instant arrivedAt, Instant chargingStartedAt,
                    Instant chargingFinishedAt, Instant leftAt) {

    public boolean charged() {
        return chargingStartedAt != null;
    }

    /** From arrival to departure. */
    public Duration stay() {
        return Duration.between(arrivedAt, leftAt);
    }

    /** From charging start to finish (or departure); zero when it never charged. */
    public Duration charge() {
        if (!charged()) return Duration.ZERO;
        Instant end = chargingFinishedAt != null ? chargingFinishedAt : leftAt;
        return end.isAfter(chargingStartedAt) ? Duration.between(chargingStartedAt, end) : Duration.ZERO;
    }

    /** "Short charge, long stay": it charged, and stayed more than {@code factor} times as long as it charged. */
    public boolean shortChargeLongStay(int factor) {
        return charged() && stay().compareTo(charge().multipliedBy(factor)) > 0;
    }
}
