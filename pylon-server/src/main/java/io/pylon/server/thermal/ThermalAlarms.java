package io.pylon.server.thermal;

import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.alarm.Alarms;
import io.pylon.domain.alarm.RaisedAlarm;
import io.pylon.domain.thermal.BayDecision;
import io.pylon.domain.thermal.ThermalFrame;
import io.pylon.domain.thermal.ThermalLevel;
import io.pylon.server.alarm.ChargerSafety;
import io.pylon.server.persistence.JooqThermal.Bay;
import io.pylon.server.thermal.ThermalLayouts.BayLayout;
import io.pylon.server.thermal.ThermalLayouts.Neighbour;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the detector's decisions into the bay's alarm: one open alarm per bay (source {@code thermal}, code
 * {@value #CODE}, subject {@code bay:<id>}), raised at the bay's grade and upgraded as it gets worse, resolved after the
 * cool-down. The alarm is about the bay's connector, so its actions hit that connector: from
 * {@code pylon.thermal.stop-affected-at} (CRITICAL by default) the session there is stopped; at EVACUATION the charger is
 * also locked out until a person clears the alarm, and every neighbouring bay's session is stopped through
 * {@link ChargerSafety}, each outcome written into the same alarm's history (one alarm for the incident, not one per
 * bay).
 */
@Component
class ThermalAlarms {

    static final String SOURCE = "thermal";
    static final String CODE = "BatteryOverheat";
    private static final Logger log = LoggerFactory.getLogger(ThermalAlarms.class);

    private final Alarms alarms;
    private final ChargerSafety safety;
    private final ThermalProperties properties;
    private final Clock clock;

    ThermalAlarms(Alarms alarms, ChargerSafety safety, ThermalProperties properties, Clock clock) {
        this.alarms = alarms;
        this.safety = safety;
        this.properties = properties;
        this.clock = clock;
    }

    static String subject(long bayId) {
        return "bay:" + bayId;
    }

    /** Raises (or refreshes, or upgrades) the bay's alarm at the decision's level; at EVACUATION stops the neighbours too. */
    RaisedAlarm raise(BayLayout layout, ThermalFrame frame, BayDecision decision) {
        Bay bay = layout.bay();
        ThermalLevel level = decision.level();
        Set<AlarmAction> actions = EnumSet.noneOf(AlarmAction.class);
        if (level.compareTo(properties.stopAffectedAt()) >= 0) actions.add(AlarmAction.STOP_SESSION);
        if (level == ThermalLevel.EVACUATION) actions.add(AlarmAction.LOCK_OUT);
        var worst = decision.worst();
        String reasons = decision.reasons();
        AlarmSignal signal = AlarmSignal.of(SOURCE, CODE, level.severity())
                .operator(bay.operatorId()).station(bay.stationId()).charger(bay.chargerId(), bay.connectorId()).subject(subject(bay.id()))
                .message(label(level) + " at bay " + bay.name() + (reasons.isEmpty() ? "" : ": " + reasons))
                .value(worst == null ? null : BigDecimal.valueOf(worst.percentileC()).setScale(1, RoundingMode.HALF_UP))
                .evidence("thermal frame of camera " + frame.cameraId() + " at " + frame.at())
                .actions(actions).build();
        RaisedAlarm raised = alarms.raise(signal);
        if (level == ThermalLevel.EVACUATION) stopNeighbours(raised.id(), layout);
        return raised;
    }

    /** The bay has been normal for the cool-down: its alarm clears (unless it locked the charger out). */
    boolean resolve(Bay bay) {
        return alarms.resolve(AlarmSignal.key(SOURCE, CODE, subject(bay.id())), clock.instant());
    }

    /** Keeps the frame's heat map with the alarm. */
    void attach(long alarmId, byte[] png) {
        alarms.attach(alarmId, "image/png", png);
    }

    private void stopNeighbours(long alarmId, BayLayout layout) {
        for (Neighbour n : layout.neighbours()) {
            safety.stopCharging(n.chargerId(), n.connectorId())
                    .thenAccept(outcomes -> outcomes.forEach(o -> record(alarmId, "neighbouring bay " + n.bayName() + ": " + o)));
        }
    }

    private void record(long alarmId, String detail) {
        try {
            alarms.recordAction(alarmId, SOURCE, detail);
        } catch (RuntimeException e) {
            log.warn("Thermal alarm {}: neighbour action not recorded ({}): {}", alarmId, detail, e.toString());
        }
    }

    private static String label(ThermalLevel level) {
        return switch (level) {
            case EVACUATION -> "Evacuation";
            case CRITICAL -> "Battery overheating";
            default -> "Battery warming";
        };
    }
}
