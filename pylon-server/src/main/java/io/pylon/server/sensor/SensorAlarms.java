package io.pylon.server.sensor;

import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.alarm.Alarms;
import io.pylon.domain.alarm.RaisedAlarm;
import io.pylon.domain.sensor.ProtectedConnector;
import io.pylon.domain.sensor.Sensor;
import io.pylon.domain.sensor.SensorCondition;
import io.pylon.domain.sensor.SensorMonitor;
import io.pylon.server.alarm.ChargerSafety;
import java.time.Instant;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A sensor's alarms: one per sensor and condition (source {@code sensor}, subject {@code sensor:<id>}), raised and
 * resolved through the alarm engine. When a water or smoke alarm is <em>created</em>, the sensor's protected chargers
 * are cut directly through {@link ChargerSafety} — water: stop their sessions and make them unavailable; smoke: stop
 * their sessions — and each charger's answer goes into that one alarm's history. Resolving the alarm does not make a
 * charger available again: a person does that once the place is safe (docs/sensors.md).
 */
@Component
public class SensorAlarms {

    static final String SOURCE = "sensor";
    private static final Logger log = LoggerFactory.getLogger(SensorAlarms.class);

    private final Alarms alarms;
    private final ChargerSafety safety;

    public SensorAlarms(Alarms alarms, ChargerSafety safety) {
        this.alarms = alarms;
        this.safety = safety;
    }

    /** The de-duplication key of a sensor's alarm for one condition. */
    public static String key(String sensorId, SensorCondition condition) {
        return AlarmSignal.key(SOURCE, condition.code(), Sensor.subject(sensorId));
    }

    /** Resolves what ended, then raises (or refreshes) what stands. */
    void apply(Sensor sensor, SensorMonitor.Assessment assessment, Instant at) {
        for (SensorCondition ended : assessment.resolve()) {
            alarms.resolve(key(sensor.id(), ended), at);
        }
        for (SensorMonitor.Finding finding : assessment.raise()) {
            raise(sensor, finding);
        }
    }

    /** Resolves every alarm of a sensor (it was deleted). */
    void resolveAll(String sensorId, Instant at) {
        for (SensorCondition condition : SensorCondition.values()) alarms.resolve(key(sensorId, condition), at);
    }

    private void raise(Sensor sensor, SensorMonitor.Finding finding) {
        SensorCondition condition = finding.condition();
        boolean cuts = condition == SensorCondition.WATER_IMMERSION || condition == SensorCondition.SMOKE;
        String message = finding.message() + (cuts ? "; " + cutNote(sensor, condition) : "");
        RaisedAlarm raised = alarms.raise(AlarmSignal.of(SOURCE, condition.code(), finding.severity()).operator(sensor.operatorId())
                .station(sensor.stationId()).subject(sensor.subject()).message(message).value(finding.value()).build());
        if (raised.created() && cuts) cut(sensor, condition, raised.id());
    }

    private static String cutNote(Sensor sensor, SensorCondition condition) {
        if (sensor.protects().isEmpty()) return "no chargers mapped to this sensor";
        String chargers = sensor.protects().stream().map(ProtectedConnector::toString).collect(Collectors.joining(", "));
        return (condition == SensorCondition.WATER_IMMERSION ? "cutting " : "stopping sessions at ") + chargers;
    }

    /** Sends the commands; each charger's answer lands in the alarm's history when it comes. */
    private void cut(Sensor sensor, SensorCondition condition, long alarmId) {
        for (ProtectedConnector p : sensor.protects()) {
            try {
                safety.stopCharging(p.chargerId(), p.connectorId()).thenAccept(outcomes -> outcomes.forEach(o -> history(alarmId, o)));
                if (condition == SensorCondition.WATER_IMMERSION) {
                    safety.makeUnavailable(p.chargerId(), p.connectorId(), o -> history(alarmId, o)).thenAccept(o -> history(alarmId, o));
                }
            } catch (RuntimeException e) {
                history(alarmId, "cutting " + p + " failed: " + e.getMessage());
            }
        }
    }

    private void history(long alarmId, String outcome) {
        try {
            alarms.recordAction(alarmId, SOURCE, outcome);
        } catch (RuntimeException e) {
            log.warn("Alarm {}: action outcome not recorded ({}): {}", alarmId, outcome, e.toString());
        }
    }
}
