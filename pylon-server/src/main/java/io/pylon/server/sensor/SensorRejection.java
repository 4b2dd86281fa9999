package io.pylon.server.sensor;

import java.util.Locale;

/** Why a sensor message was refused: the {@code reason} tag of the {@code pylon.sensors.rejected} counter. */
public enum SensorRejection {
    /** The topic is not {@code <prefix>/<sensorId>/reading|status} with a valid sensor id. */
    BAD_TOPIC,
    /** Larger than {@code pylon.sensors.max-payload-bytes}. */
    OVERSIZE,
    /** Not a JSON object (a reading) or not online/offline (a status). */
    MALFORMED_JSON,
    /** No sensor with that id is registered. */
    UNKNOWN_SENSOR,
    /** A field of the wrong JSON type, e.g. {@code "water":"yes"} or {@code "temperature":"hot"}. */
    WRONG_TYPE,
    /** The reading carries another kind's fields only (e.g. temperature from a water sensor). */
    WRONG_KIND,
    /** The reading carries none of its kind's fields. */
    MISSING_FIELD,
    /** {@code ts} is not an ISO-8601 time with an offset, or is too far in the future. */
    BAD_TIMESTAMP,
    /** A value outside what the quantity can be (temperature −60..150 °C, humidity and battery 0..100 %). */
    OUT_OF_RANGE;

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
