package io.pylon.domain.sensor;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the platform last knew of a sensor: the newest values (by the sensor's own time), the level of each measured
 * quantity, and whether it is alive. {@code version} grows with every change so that two nodes handling the same
 * sensor's messages cannot overwrite each other's state.
 *
 * @param lastTs          the sensor's own time of its newest reading; an older reading does not change the values
 * @param lastSeenAt      when the platform last received a reading from it
 * @param offlineDeadline silent until then, the sensor counts as offline
 * @param offline         an offline alarm stands for it
 * @param link            what its status topic said last (ONLINE, OFFLINE), null if it never said
 */
public record SensorState(String sensorId, long version, Instant lastTs, Instant lastSeenAt, Instant offlineDeadline, Boolean water,
                          Boolean smoke, BigDecimal temperature, BigDecimal humidity, Integer battery, SensorLevel temperatureLevel,
                          SensorLevel humidityLevel, boolean offline, Link link) {

    /** What a sensor's status topic says about its connection. */
    public enum Link { ONLINE, OFFLINE }

    public SensorState {
        temperatureLevel = temperatureLevel == null ? SensorLevel.NORMAL : temperatureLevel;
        humidityLevel = humidityLevel == null ? SensorLevel.NORMAL : humidityLevel;
    }

    /** A sensor just registered: nothing known, offline if it stays silent until {@code offlineDeadline}. */
    public static SensorState initial(String sensorId, Instant offlineDeadline) {
        return new SensorState(sensorId, 0, null, null, offlineDeadline, null, null, null, null, null, null, null, false, null);
    }

    SensorState seen(Instant receivedAt, Instant deadline) {
        Instant seen = lastSeenAt == null || receivedAt.isAfter(lastSeenAt) ? receivedAt : lastSeenAt;
        return new SensorState(sensorId, version, lastTs, seen, deadline, water, smoke, temperature, humidity, battery,
                temperatureLevel, humidityLevel, false, link == Link.OFFLINE ? Link.ONLINE : link);
    }

    SensorState values(SensorReading r, SensorLevel temperatureLevel, SensorLevel humidityLevel) {
        return new SensorState(sensorId, version, r.ts(), lastSeenAt, offlineDeadline, or(r.water(), water), or(r.smoke(), smoke),
                or(r.temperature(), temperature), or(r.humidity(), humidity), or(r.battery(), battery), temperatureLevel,
                humidityLevel, offline, link);
    }

    SensorState link(Link link, boolean offline) {
        return new SensorState(sensorId, version, lastTs, lastSeenAt, offlineDeadline, water, smoke, temperature, humidity, battery,
                temperatureLevel, humidityLevel, offline, link);
    }

    /** The same state as stored at {@code version} (each write moves the version one up). */
    public SensorState withVersion(long version) {
        return new SensorState(sensorId, version, lastTs, lastSeenAt, offlineDeadline, water, smoke, temperature, humidity, battery,
                temperatureLevel, humidityLevel, offline, link);
    }

    /** The same state with another deadline (its sensor's offline timeout changed). */
    public SensorState withDeadline(Instant deadline) {
        return new SensorState(sensorId, version, lastTs, lastSeenAt, deadline, water, smoke, temperature, humidity, battery,
                temperatureLevel, humidityLevel, offline, link);
    }

    private static <T> T or(T newer, T older) {
        return newer != null ? newer : older;
    }
}
