package io.pylon.domain.sensor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An environment sensor in the registry: where it is, what it measures, which chargers it protects, its limits and how
 * long it may stay silent before it counts as offline.
 *
 * @param id             the device's id, as in its MQTT topics ({@code pylon/sensors/<id>/reading})
 * @param temperature    limits in °C; null = temperature raises no alarm (always null for kinds without thresholds)
 * @param humidity       limits in % relative humidity; null = humidity raises no alarm
 * @param offlineTimeout no reading for this long = the sensor is offline (an alarm)
 */
public record Sensor(String id, long operatorId, long stationId, SensorKind kind, String name, List<ProtectedConnector> protects,
                     Thresholds temperature, Thresholds humidity, Duration offlineTimeout, Instant createdAt, Instant updatedAt) {

    public Sensor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(offlineTimeout, "offlineTimeout");
        protects = protects == null ? List.of() : List.copyOf(protects);
        if (!kind.hasThresholds() && (temperature != null || humidity != null)) {
            throw new IllegalArgumentException("thresholds apply to " + SensorKind.TEMPERATURE_HUMIDITY + " sensors only");
        }
    }

    /** The alarm subject of this sensor, part of each of its alarms' de-duplication key. */
    public String subject() {
        return subject(id);
    }

    public static String subject(String sensorId) {
        return "sensor:" + sensorId;
    }

    /** How people see it in messages: its name and id. */
    public String label() {
        return name == null || name.isBlank() || name.equals(id) ? id : name + " (" + id + ")";
    }
}
