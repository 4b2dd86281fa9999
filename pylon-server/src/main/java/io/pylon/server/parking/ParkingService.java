package io.pylon.server.parking;

import io.pylon.domain.charger.StatusListener;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.parking.AccessPolicy;
import io.pylon.domain.parking.BayInput;
import io.pylon.domain.parking.BayState;
import io.pylon.domain.parking.Direction;
import io.pylon.domain.parking.ParkingSettings;
import io.pylon.domain.parking.PlateColour;
import io.pylon.domain.parking.Transition;
import io.pylon.server.parking.BayTracker.Applied;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParking.BayRow;
import io.pylon.server.persistence.JooqParking.ParkingGate;
import io.pylon.server.persistence.JooqParkingFees;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Parking and occupancy: plate reads (from the camera event API) and connector status (as the charger service stores
 * it) move the bays through their states ({@link BayTracker}); what follows happens here, after each step is stored —
 * the non-EV alarm, the parking lock lowered for a verified EV and raised when the bay empties, the barrier gate, and
 * at departure the idle fee on the order. A periodic sweep ends grace periods, flags long stays and retries what waits.
 */
@Service
public class ParkingService implements StatusListener {

    private static final Logger log = LoggerFactory.getLogger(ParkingService.class);
    private static final int SWEEP_PAGE = 500;

    private final BayTracker tracker;
    private final JooqParking parking;
    private final JooqParkingFees fees;
    private final ParkingDevices devices;
    private final ParkingAlarms alarms;
    private final IdleFees idleFees;
    private final Clock clock;

    public ParkingService(BayTracker tracker, JooqParking parking, JooqParkingFees fees, ParkingDevices devices,
                          ParkingAlarms alarms, IdleFees idleFees, Clock clock) {
        this.tracker = tracker;
        this.parking = parking;
        this.fees = fees;
        this.devices = devices;
        this.alarms = alarms;
        this.idleFees = idleFees;
        this.clock = clock;
        devices.onLockReport((bay, state, at) -> {
            if ("fault".equals(state)) alarms.lockFault(bay, state);
            else alarms.lockNormal(bay, at);
        });
    }

    /** A plate read at a bay; answers what was done, in words (kept with the camera event). */
    public String plateAtBay(BayRow bay, Direction direction, String plate, PlateColour colour, Instant at, String snapshot) {
        List<String> done = new ArrayList<>();
        if (direction == Direction.OUT) {
            Applied applied = tracker.apply(bay.id(), new BayInput.PlateOut(plate, at));
            describe(applied, done);
            if (applied.visit() == null) done.add("bay was free");
            else departed(applied, at, done);
            return String.join("; ", done);
        }
        ParkingSettings settings = tracker.settings(bay.stationId());
        Applied applied = tracker.apply(bay.id(), new BayInput.PlateIn(plate, colour, at));
        describe(applied, done);
        BayRow now = applied.after();
        if (!plate.equals(now.bay().plate())) {
            done.add("bay holds " + now.bay().plate() + ", read ignored");
            return String.join("; ", done);
        }
        if (!settings.plates().isEv(plate, colour)) {
            done.add(alarms.nonEv(now, plate, colour, snapshot));
        }
        BayState before = applied.before().bay().state();
        if (!"NONE".equals(bay.lockKind()) && (before == BayState.FREE || before == BayState.VEHICLE_PRESENT)) {
            var reserved = fees.reservedFor(bay.chargerId(), bay.connectorId(), at).orElse(null);
            AccessPolicy.Decision decision = AccessPolicy.lock(plate, colour, settings.plates(), reserved);
            if (decision.allow()) {
                done.add(devices.lower(now, now.bay().state(), plate, decision.reason(), at));
            } else {
                String text = "lock stays raised: " + decision.reason();
                parking.history(bay.id(), at, now.bay().state(), plate, text);
                done.add(text);
            }
        }
        return String.join("; ", done);
    }

    /** A plate read at a barrier gate; answers what was done. */
    public String plateAtGate(ParkingGate gate, Direction direction, String plate, PlateColour colour, Instant at) {
        ParkingSettings settings = tracker.settings(gate.stationId());
        AccessPolicy.Decision decision = AccessPolicy.gate(direction, plate, colour, settings.plates(), gate.nevOnly());
        return devices.gate(gate, decision.allow(), plate, decision.reason(), at);
    }

    /** Connector status as stored by the charger service (any protocol): charging, finished, and — without a camera — presence. */
    @Override
    public void status(String chargerId, StatusReport report, Instant at) {
        if (report.connectorId() <= 0 || !tracker.hasBays(chargerId)) return;
        try {
            parking.bayAt(chargerId, report.connectorId()).ifPresent(bay -> {
                Applied applied = tracker.apply(bay.id(), new BayInput.Connector(report.status(), at));
                if (applied.visit() != null) {
                    List<String> done = new ArrayList<>();
                    departed(applied, at, done);
                    log.info("Bay {} free ({}): {}", bay.id(), report.status(), String.join("; ", done));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Bay state of {} connector {} not updated: {}", chargerId, report.connectorId(), e.toString());
        }
    }

    /** The vehicle left: its alarms end, the lock rises, the idle fee goes on the order. */
    private void departed(Applied applied, Instant at, List<String> done) {
        BayRow bay = applied.after();
        alarms.vehicleLeft(bay, at);
        if (!"NONE".equals(bay.lockKind())) {
            done.add(devices.raise(bay, BayState.FREE, "bay empty", at));
        }
        var v = applied.visit().visit();
        done.add("stayed " + v.stay().toMinutes() + " min" + (v.charged() ? ", charged " + v.charge().toMinutes() + " min" : ""));
        done.add(idleFees.bill(applied.visit(), tracker.settings(bay.stationId())));
    }

    private static void describe(Applied applied, List<String> done) {
        for (Transition t : applied.step().transitions()) {
            done.add("bay " + applied.before().name() + " " + t.from() + " → " + t.to());
        }
    }

    @Scheduled(fixedDelayString = "${pylon.parking.sweep-interval:30s}", initialDelayString = "${pylon.parking.sweep-interval:30s}")
    public void sweep() {
        sweep(clock.instant());
    }

    /**
     * Looks at occupied bays as of {@code now}: FINISHED past its grace period becomes IDLE_OCCUPYING, a vehicle present
     * longer than its station allows is flagged; then retries idle fees that wait. Public so tests can pass the time.
     */
    public void sweep(Instant now) {
        tracker.refresh();
        long after = 0;
        List<BayRow> page;
        do {
            page = parking.occupied(after, SWEEP_PAGE);
            for (BayRow bay : page) {
                sweep(bay, now);
                after = bay.id();
            }
        } while (page.size() == SWEEP_PAGE);
        idleFees.retry(now, tracker::settings);
    }

    /** One bay of the sweep: its grace period, its long stay. */
    private void sweep(BayRow bay, Instant now) {
        try {
            ParkingSettings settings = tracker.settings(bay.stationId());
            BayRow current = bay.bay().state() == BayState.FINISHED ? tracker.apply(bay.id(), new BayInput.Tick(now)).after() : bay;
            Instant arrived = current.bay().arrivedAt();
            if (settings.longStay() != null && arrived != null && !arrived.plus(settings.longStay()).isAfter(now)
                    && current.bay().state().occupied()) {
                String raised = alarms.longStay(current, Duration.between(arrived, now));
                if (raised != null) parking.history(bay.id(), now, current.bay().state(), current.bay().plate(), raised);
            }
        } catch (RuntimeException e) {
            log.warn("Sweep of bay {} failed: {}", bay.id(), e.toString());
        }
    }
}
