package io.pylon.domain.sensor;

/** A condition a sensor reports that becomes an alarm (source {@code sensor}, subject {@code sensor:<id>}, code below). */
public enum SensorCondition {
    /** Water at a water-immersion sensor: CRITICAL, the protected chargers are cut. */
    WATER_IMMERSION("WaterImmersion"),
    /** Smoke at a smoke detector: EVACUATION, sessions at the protected chargers are stopped. */
    SMOKE("Smoke"),
    /** Temperature at or over a limit: WARNING or CRITICAL. */
    HIGH_TEMPERATURE("HighTemperature"),
    /** Humidity at or over a limit: WARNING or CRITICAL. */
    HIGH_HUMIDITY("HighHumidity"),
    /** No reading within the sensor's offline timeout, or its connection's last will said offline: WARNING. */
    OFFLINE("SensorOffline");

    private final String code;

    SensorCondition(String code) {
        this.code = code;
    }

    /** The alarm code. */
    public String code() {
        return code;
    }
}
