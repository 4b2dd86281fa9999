package io.pylon.domain.billing;

import java.time.Instant;
import java.util.Objects;

/** The meter's energy register, in Wh, at an instant (a MeterValues sample, or the start/stop reading). */
public record EnergyPoint(Instant at, long registerWh) {

    public EnergyPoint {
        Objects.requireNonNull(at, "at");
    }
}
