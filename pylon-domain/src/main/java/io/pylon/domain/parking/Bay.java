package io.pylon.domain.parking;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about a bay now: its state since when, and the vehicle in it (plate and colour when a camera read
 * them, when it arrived, when it started and finished charging). All vehicle fields are null while the bay is FREE.
 */
public record Bay(BayState state, Instant since, String plate, PlateColour colour, Instant arrivedAt,
                  Instant chargingStartedAt, Instant chargingFinishedAt) {

    public Bay {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }

    public static Bay free(Instant since) {
        return new Bay(BayState.FREE, since, null, null, null, null, null);
    }

    Bay in(BayState newState, Instant at) {
        return new Bay(newState, at, plate, colour, arrivedAt, chargingStartedAt, chargingFinishedAt);
    }

    Bay withVehicle(String newPlate, PlateColour newColour, Instant arrived) {
        return new Bay(state, since, newPlate, newColour, arrived, chargingStartedAt, chargingFinishedAt);
    }

    Bay withCharging(Instant started, Instant finished) {
        return new Bay(state, since, plate, colour, arrivedAt, started, finished);
    }
}
