package io.pylon.domain.sensor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading as a sensor sent it, decoded and checked: its own time and whichever values it carried (null = not
 * sent). Units: °C, % relative humidity, battery %.
 */
public record SensorReading(Instant ts, Boolean water, BigDecimal temperature, BigDecimal humidity, Boolean smoke, Integer battery) {

    public SensorReading {
        Objects.requireNonNull(ts, "ts");
    }
}
