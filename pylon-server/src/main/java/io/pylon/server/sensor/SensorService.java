package io.pylon.server.sensor;

import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.TelemetrySink;
import io.pylon.domain.sensor.Sensor;
import io.pylon.domain.sensor.SensorMonitor;
import io.pylon.domain.sensor.SensorMonitor.Assessment;
import io.pylon.domain.sensor.SensorReading;
import io.pylon.domain.sensor.SensorState;
import io.pylon.server.persistence.JooqSensors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What happens to a sensor's messages once decoded: the reading is stored (once per sensor and time), the sensor's
 * state moves on ({@link SensorMonitor}), alarms are raised or resolved and every value goes to the alarm rules as
 * telemetry ({@code sensor.water}, {@code sensor.temperature}, …).
 * <p>
 * One sensor's messages are handled one at a time on a node (MQTT handlers run in parallel). The latest state of each
 * sensor is kept in memory and in {@code sensor_state}; a write succeeds only if nobody wrote since it was read, so a
 * state changed by another node (or by the offline watch) is read again and the message assessed again.
 */
@Service
public class SensorService {

    /** What became of a reading. */
    public enum Outcome { ACCEPTED, OUT_OF_ORDER, DUPLICATE, GONE }

    private static final Logger log = LoggerFactory.getLogger(SensorService.class);
    private static final int WRITE_ATTEMPTS = 4;

    private final JooqSensors sensors;
    private final SensorAlarms alarms;
    private final TelemetrySink telemetry;
    private final Clock clock;
    private final Map<String, SensorState> states = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[64];

    public SensorService(JooqSensors sensors, SensorAlarms alarms, TelemetrySink telemetry, Clock clock) {
        this.sensors = sensors;
        this.alarms = alarms;
        this.telemetry = telemetry;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    public Optional<Sensor> sensor(String id) {
        return sensors.find(id);
    }

    /** A reading received at {@code receivedAt}: stored, applied unless older than the newest, alarms, telemetry. */
    public Outcome reading(Sensor sensor, SensorReading reading, Instant receivedAt) {
        return locked(sensor.id(), () -> {
            if (!sensors.insertReading(sensor.id(), reading, receivedAt)) return Outcome.DUPLICATE;
            Assessment assessment = update(sensor.id(), state -> SensorMonitor.reading(sensor, state, reading, receivedAt));
            if (assessment == null) return Outcome.GONE;
            alarms.apply(sensor, assessment, receivedAt);
            telemetry(sensor, reading);
            return assessment.inOrder() ? Outcome.ACCEPTED : Outcome.OUT_OF_ORDER;
        });
    }

    /** The sensor's status topic said online or offline. */
    public void link(Sensor sensor, SensorState.Link link, Instant receivedAt) {
        locked(sensor.id(), () -> {
            Assessment assessment = update(sensor.id(), state -> SensorMonitor.link(sensor, state, link, receivedAt));
            if (assessment != null) alarms.apply(sensor, assessment, receivedAt);
            return null;
        });
    }

    /** The offline watch found the sensor past its deadline: offline alarm, unless a reading came meanwhile. */
    public void silence(String sensorId) {
        locked(sensorId, () -> {
            Optional<Sensor> sensor = sensors.find(sensorId);
            if (sensor.isEmpty()) return null;
            Instant now = clock.instant();
            Assessment assessment = update(sensorId, state -> SensorMonitor.silence(sensor.get(), state, now));
            if (assessment != null) alarms.apply(sensor.get(), assessment, now);
            return null;
        });
    }

    /** A sensor's settings changed: its offline deadline follows the new timeout (from its last reading, or now). */
    public void configured(Sensor sensor) {
        Instant now = clock.instant();
        locked(sensor.id(), () -> update(sensor.id(), state -> new Assessment(
                state.withDeadline((state.lastSeenAt() != null ? state.lastSeenAt() : now).plus(sensor.offlineTimeout())),
                true, List.of(), List.of())));
    }

    /** A sensor was deleted: its state goes from memory and its alarms are resolved. */
    public void deleted(String sensorId) {
        locked(sensorId, () -> {
            states.remove(sensorId);
            alarms.resolveAll(sensorId, clock.instant());
            return null;
        });
    }

    /** The latest state as stored (what every node agrees on). */
    public Optional<SensorState> latest(String sensorId) {
        return sensors.state(sensorId);
    }

    /**
     * Assesses against the latest state and stores the result; read again and retried if the stored state moved on
     * meanwhile. Null if the sensor is gone.
     */
    private Assessment update(String sensorId, Function<SensorState, Assessment> assess) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            SensorState current = states.get(sensorId);
            if (current == null) {
                current = sensors.state(sensorId).orElse(null);
                if (current == null) return null;
            }
            Assessment assessment = assess.apply(current);
            if (assessment.next().equals(current)) return assessment;
            if (sensors.saveState(assessment.next())) {
                states.put(sensorId, assessment.next().withVersion(current.version() + 1));
                return assessment;
            }
            states.remove(sensorId);
        }
        throw new IllegalStateException("State of sensor " + sensorId + " kept changing under " + WRITE_ATTEMPTS + " writes");
    }

    private void telemetry(Sensor sensor, SensorReading r) {
        send(sensor, "water", flag(r.water()), r);
        send(sensor, "smoke", flag(r.smoke()), r);
        send(sensor, "temperature", r.temperature(), r);
        send(sensor, "humidity", r.humidity(), r);
        send(sensor, "battery", r.battery() == null ? null : BigDecimal.valueOf(r.battery()), r);
    }

    private void send(Sensor sensor, String field, BigDecimal value, SensorReading r) {
        if (value == null) return;
        try {
            telemetry.accept(new Telemetry(Telemetry.Metrics.SENSOR_PREFIX + field, value, null, sensor.operatorId(), sensor.stationId(),
                    null, null, sensor.subject(), r.ts()));
        } catch (RuntimeException e) {
            log.warn("Telemetry of sensor {} not taken by the alarm rules: {}", sensor.id(), e.toString());
        }
    }

    private static BigDecimal flag(Boolean b) {
        return b == null ? null : b ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private <T> T locked(String sensorId, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(sensorId.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
