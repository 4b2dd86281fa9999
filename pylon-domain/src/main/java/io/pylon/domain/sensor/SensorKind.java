package io.pylon.domain.sensor;

import java.util.List;

/**
 * What a sensor measures, and so which fields of its readings it must send (the MQTT contract in docs/sensors.md).
 * New kinds (gas, door contact, …) add a constant here, their fields in the decoder and their conditions in
 * {@link SensorMonitor}.
 */
public enum SensorKind {
    /** A water-immersion (flood) probe near the chargers: {@code water} true/false. */
    WATER_IMMERSION(List.of("water")),
    /** An air temperature (°C) and relative humidity (%) sensor: {@code temperature} and/or {@code humidity}. */
    TEMPERATURE_HUMIDITY(List.of("temperature", "humidity")),
    /** A smoke detector: {@code smoke} true/false. */
    SMOKE(List.of("smoke"));

    private final List<String> fields;

    SensorKind(List<String> fields) {
        this.fields = fields;
    }

    /** The reading fields this kind sends (at least one of them must be in each reading). */
    public List<String> fields() {
        return fields;
    }

    /** Whether readings may carry temperature and humidity thresholds. */
    public boolean hasThresholds() {
        return this == TEMPERATURE_HUMIDITY;
    }
}
