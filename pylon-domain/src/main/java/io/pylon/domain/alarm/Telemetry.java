package io.pylon.domain.alarm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One observation the alarm rules can watch: a measured value ({@code value}, e.g. a gun temperature) or an event
 * ({@code code}, e.g. a status error code or a camera's "smoke"). Charger telemetry comes from OCPP MeterValues and YKC
 * real-time data; sensors, thermal cameras and camera AI add their own.
 *
 * @param metric one of the names in {@link Metrics} (rules match on it)
 * @param chargerId null when the observation is about a station, a bay or a device that is not a charger
 * @param subject   the device or place when it is not a connector (a sensor id, a camera id, a bay id)
 */
public record Telemetry(String metric, BigDecimal value, String code, Long operatorId, Long stationId, String chargerId,
                        Integer connectorId, String subject, Instant at) {

    public Telemetry {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(at, "at");
    }

    public static Telemetry value(String metric, BigDecimal value, String chargerId, int connectorId, Instant at) {
        return new Telemetry(metric, value, null, null, null, chargerId, connectorId, null, at);
    }

    /** The metric names rules know. Sensors use {@code sensor.<kind>}, camera events {@code camera.<event>}. */
    public static final class Metrics {
        public static final String VOLTAGE = "voltage";
        public static final String CURRENT = "current";
        public static final String POWER = "power";
        public static final String CONNECTOR_TEMPERATURE = "connector_temperature";
        public static final String BATTERY_TEMPERATURE = "battery_temperature";
        public static final String SOC = "soc";
        /** Event: a connector's status or error code (code = the OCPP error code or status). */
        public static final String STATUS = "status";
        /** Event: a meter anomaly (code = the anomaly rule). */
        public static final String METER_ANOMALY = "meter_anomaly";
        public static final String SENSOR_PREFIX = "sensor.";
        public static final String CAMERA_PREFIX = "camera.";

        private Metrics() {}
    }
}
