package io.pylon.server.parking;

import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.alarm.Alarms;
import io.pylon.domain.parking.PlateColour;
import io.pylon.server.persistence.JooqAlarms;
import io.pylon.server.persistence.JooqParking.BayRow;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Alarms of the parking module (source {@code parking}), one open per bay and kind: a non-EV in a charging bay
 * ({@code NonEvInBay}, with the camera's snapshot as evidence), a vehicle parked longer than the station allows
 * ({@code LongStay}), a parking lock reporting a fault ({@code LockFault}). The first two end when the vehicle leaves,
 * the last when the lock reports a normal state again.
 */
@Component
public class ParkingAlarms {

    static final String SOURCE = "parking";
    static final String NON_EV = "NonEvInBay";
    static final String LONG_STAY = "LongStay";
    static final String LOCK_FAULT = "LockFault";

    private final Alarms alarms;
    private final JooqAlarms stored;

    public ParkingAlarms(Alarms alarms, JooqAlarms stored) {
        this.alarms = alarms;
        this.stored = stored;
    }

    /** A plate the station does not count as an EV in a charging bay; answers what was done, in words. */
    String nonEv(BayRow bay, String plate, PlateColour colour, String snapshot) {
        var raised = alarms.raise(signal(bay, NON_EV, "Non-EV plate " + plate + " (" + colour + ") in charging bay " + bay.name())
                .evidence(snapshot).build());
        return "non-EV alarm " + raised.id();
    }

    /** A vehicle present longer than allowed; raised once while it stays (later sweeps do not add occurrences). */
    String longStay(BayRow bay, Duration stayed) {
        if (stored.openByKey(key(bay, LONG_STAY)).isPresent()) return null;
        String who = bay.bay().plate() == null ? "A vehicle" : "Vehicle " + bay.bay().plate();
        var raised = alarms.raise(signal(bay, LONG_STAY, who + " parked in bay " + bay.name() + " for " + stayed.toHours() + " h "
                + stayed.toMinutesPart() + " min").value(java.math.BigDecimal.valueOf(stayed.toMinutes())).build());
        return "long-stay alarm " + raised.id();
    }

    String lockFault(BayRow bay, String state) {
        var raised = alarms.raise(signal(bay, LOCK_FAULT, "Parking lock " + bay.lockId() + " of bay " + bay.name() + " reports " + state)
                .build());
        return "lock-fault alarm " + raised.id();
    }

    void lockNormal(BayRow bay, Instant at) {
        alarms.resolve(key(bay, LOCK_FAULT), at);
    }

    /** The vehicle left: its non-EV and long-stay alarms end. */
    void vehicleLeft(BayRow bay, Instant at) {
        alarms.resolve(key(bay, NON_EV), at);
        alarms.resolve(key(bay, LONG_STAY), at);
    }

    private static AlarmSignal.Builder signal(BayRow bay, String code, String message) {
        return AlarmSignal.of(SOURCE, code, AlarmSeverity.WARNING).operator(bay.operatorId()).station(bay.stationId())
                .charger(bay.chargerId(), bay.connectorId()).subject(subject(bay)).message(message);
    }

    static String subject(BayRow bay) {
        return "bay:" + bay.id();
    }

    static String key(BayRow bay, String code) {
        return AlarmSignal.key(SOURCE, code, subject(bay));
    }
}
