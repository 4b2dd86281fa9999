package io.pylon.domain.parking;

import io.pylon.domain.charger.ConnectorStatus;
import java.time.Instant;

/** What can happen to a bay, each at the instant it happened (the camera's or the charger's clock). */
public sealed interface BayInput {

    Instant at();

    /** A camera read a plate entering the bay. */
    record PlateIn(String plate, PlateColour colour, Instant at) implements BayInput {}

    /** A camera saw the vehicle leave the bay ({@code plate} may be null when unread). */
    record PlateOut(String plate, Instant at) implements BayInput {}

    /** The bay's connector reported a status. */
    record Connector(ConnectorStatus status, Instant at) implements BayInput {}

    /** Time passed: only moves FINISHED to IDLE_OCCUPYING when the grace period is over. */
    record Tick(Instant at) implements BayInput {}
}
