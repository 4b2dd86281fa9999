package io.pylon.server.parking;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.parking.BayInput;
import io.pylon.domain.parking.BayMachine;
import io.pylon.domain.parking.ParkingSettings;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParking.BayRow;
import io.pylon.server.persistence.JooqParking.VisitRow;
import io.pylon.server.persistence.JooqParkingFees;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies plate reads, connector status and time to bays: one bay at a time (its row is locked), the new state and its
 * transitions stored with the history, and a visit that ended stored with its idle fee PENDING, all in one transaction.
 * What follows from a step (alarms, locks, fees) is the caller's, after the commit.
 */
@Component
public class BayTracker {

    /** The bay before and after one input, the step, and the visit that ended (stored), if one did. */
    public record Applied(BayRow before, BayRow after, BayMachine.Step step, VisitRow visit) {}

    private final JooqParking parking;
    private final JooqParkingFees fees;
    private final Transactions tx;
    private final Clock clock;
    /** Chargers with a bay: status reports of others are not looked at further. Refreshed by the sweep and bay changes. */
    private volatile Set<String> chargersWithBays;

    public BayTracker(JooqParking parking, JooqParkingFees fees, Transactions tx, Clock clock) {
        this.parking = parking;
        this.fees = fees;
        this.tx = tx;
        this.clock = clock;
    }

    public Applied apply(long bayId, BayInput input) {
        return tx.inTransaction(() -> {
            BayRow before = parking.lock(bayId);
            ParkingSettings settings = settings(before.stationId());
            BayMachine.Step step = new BayMachine(settings.grace(), before.watched()).apply(before.bay(), input);
            Instant now = clock.instant();
            if (step.changed(before.bay())) {
                parking.saveState(bayId, step.bay(), step.transitions(), now);
            }
            VisitRow visit = null;
            if (step.departed() != null) {
                long id = parking.insertVisit(before, step.departed(), "PENDING", now);
                visit = new VisitRow(id, bayId, before.operatorId(), before.stationId(), before.chargerId(), before.connectorId(),
                        step.departed(), null, "PENDING");
            }
            BayRow after = new BayRow(before.id(), before.operatorId(), before.stationId(), before.name(), before.chargerId(),
                    before.connectorId(), before.lockKind(), before.lockId(), before.lockState(), before.lockStateAt(), step.bay(),
                    before.watched(), before.createdAt(), now);
            return new Applied(before, after, step, visit);
        });
    }

    public ParkingSettings settings(long stationId) {
        return fees.settings(stationId).orElse(ParkingSettings.DEFAULT);
    }

    /** Whether the charger has a bay at any connector (read from memory; see {@link #refresh()}). */
    public boolean hasBays(String chargerId) {
        Set<String> known = chargersWithBays;
        if (known == null) {
            known = refresh();
        }
        return known.contains(chargerId);
    }

    /** Reads again which chargers have bays (after a bay changed, and at every sweep for bays other nodes made). */
    public Set<String> refresh() {
        Set<String> known = Set.copyOf(parking.chargersWithBays());
        chargersWithBays = known;
        return known;
    }
}
