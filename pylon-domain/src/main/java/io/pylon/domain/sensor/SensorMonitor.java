package io.pylon.domain.sensor;

import io.pylon.domain.alarm.AlarmSeverity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a sensor says (a reading, its connection status, its silence) into its next {@link SensorState} and the
 * alarms to raise or resolve. Pure: no clock, no storage; times come in as arguments.
 * <ul>
 *   <li>A condition that stands (water, smoke, a value at or over a limit) is raised with every reading that shows
 *       it, so a repeated raise refreshes its open alarm; it is resolved once, when a reading shows it ended.</li>
 *   <li>A reading older than the newest one (by the sensor's own time) changes no value and no alarm: it only proves
 *       the sensor alive.</li>
 *   <li>Any reading ends an offline alarm; a status {@code online} ends one while the sensor is within its timeout.</li>
 * </ul>
 */
public final class SensorMonitor {

    /** An alarm to raise (or refresh) for a sensor. */
    public record Finding(SensorCondition condition, AlarmSeverity severity, BigDecimal value, String message) {}

    /**
     * What a message or a silence leads to.
     *
     * @param inOrder false for a reading older than the newest one
     */
    public record Assessment(SensorState next, boolean inOrder, List<Finding> raise, List<SensorCondition> resolve) {

        public Assessment {
            raise = List.copyOf(raise);
            resolve = List.copyOf(resolve);
        }
    }

    private SensorMonitor() {}

    /** A reading received at {@code receivedAt}. */
    public static Assessment reading(Sensor sensor, SensorState state, SensorReading r, Instant receivedAt) {
        List<Finding> raise = new ArrayList<>();
        List<SensorCondition> resolve = new ArrayList<>();
        if (state.offline()) resolve.add(SensorCondition.OFFLINE);
        SensorState seen = state.seen(receivedAt, receivedAt.plus(sensor.offlineTimeout()));
        boolean inOrder = state.lastTs() == null || r.ts().isAfter(state.lastTs());
        if (!inOrder) return new Assessment(seen, false, raise, resolve);

        switch (sensor.kind()) {
            case WATER_IMMERSION -> onOff(r.water(), state.water(), SensorCondition.WATER_IMMERSION, AlarmSeverity.CRITICAL,
                    "Water detected by sensor " + sensor.label(), raise, resolve);
            case SMOKE -> onOff(r.smoke(), state.smoke(), SensorCondition.SMOKE, AlarmSeverity.EVACUATION,
                    "Smoke detected by sensor " + sensor.label() + ": evacuate the area", raise, resolve);
            case TEMPERATURE_HUMIDITY -> { }
        }
        SensorLevel temperature = level(sensor, sensor.temperature(), r.temperature(), state.temperatureLevel(),
                SensorCondition.HIGH_TEMPERATURE, "Temperature", "°C", raise, resolve);
        SensorLevel humidity = level(sensor, sensor.humidity(), r.humidity(), state.humidityLevel(),
                SensorCondition.HIGH_HUMIDITY, "Humidity", "%", raise, resolve);
        return new Assessment(seen.values(r, temperature, humidity), true, raise, resolve);
    }

    /** The sensor's status topic said {@code link} at {@code receivedAt} (OFFLINE is typically its last will). */
    public static Assessment link(Sensor sensor, SensorState state, SensorState.Link link, Instant receivedAt) {
        if (link == SensorState.Link.OFFLINE) {
            List<Finding> raise = state.offline() ? List.of() : List.of(new Finding(SensorCondition.OFFLINE, AlarmSeverity.WARNING,
                    null, "Sensor " + sensor.label() + " lost its connection to the broker (status offline)"));
            return new Assessment(state.link(link, true), true, raise, List.of());
        }
        boolean withinTimeout = state.offlineDeadline() != null && receivedAt.isBefore(state.offlineDeadline());
        if (state.offline() && withinTimeout) {
            return new Assessment(state.link(link, false), true, List.of(), List.of(SensorCondition.OFFLINE));
        }
        return new Assessment(state.link(link, state.offline()), true, List.of(), List.of());
    }

    /** Nothing heard by {@code now}: offline once past its deadline (raised once, until it is heard again). */
    public static Assessment silence(Sensor sensor, SensorState state, Instant now) {
        if (state.offline() || state.offlineDeadline() == null || !now.isAfter(state.offlineDeadline())) {
            return new Assessment(state, true, List.of(), List.of());
        }
        long silentFor = state.lastSeenAt() == null ? sensor.offlineTimeout().toSeconds()
                : Duration.between(state.lastSeenAt(), now).toSeconds();
        String message = "Sensor " + sensor.label() + (state.lastSeenAt() == null ? " has sent no reading" : " silent for " + silentFor + " s")
                + " (offline timeout " + sensor.offlineTimeout().toSeconds() + " s)";
        return new Assessment(state.link(state.link(), true), true,
                List.of(new Finding(SensorCondition.OFFLINE, AlarmSeverity.WARNING, null, message)), List.of());
    }

    private static void onOff(Boolean now, Boolean before, SensorCondition condition, AlarmSeverity severity, String message,
                              List<Finding> raise, List<SensorCondition> resolve) {
        if (now == null) return;
        if (now) {
            raise.add(new Finding(condition, severity, BigDecimal.ONE, message));
        } else if (Boolean.TRUE.equals(before)) {
            resolve.add(condition);
        }
    }

    private static SensorLevel level(Sensor sensor, Thresholds limits, BigDecimal value, SensorLevel before, SensorCondition condition,
                                     String what, String unit, List<Finding> raise, List<SensorCondition> resolve) {
        if (value == null) return before;
        if (limits == null) {
            if (before != SensorLevel.NORMAL) resolve.add(condition);
            return SensorLevel.NORMAL;
        }
        SensorLevel after = limits.levelAfter(before, value);
        if (after != SensorLevel.NORMAL) {
            raise.add(new Finding(condition, after.severity(), value, what + " " + value.toPlainString() + " " + unit + " at sensor "
                    + sensor.label() + " (" + after.name().toLowerCase() + " from " + limits.limit(after).toPlainString() + " " + unit + ")"));
        } else if (before != SensorLevel.NORMAL) {
            resolve.add(condition);
        }
        return after;
    }
}
