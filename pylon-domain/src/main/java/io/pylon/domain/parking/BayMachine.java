package io.pylon.domain.parking;

import io.pylon.domain.charger.ConnectorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state machine of one bay (see {@link BayState}). Presence comes from the camera when one watches the bay
 * ({@code watched}): plate in arrives, plate out leaves, and the connector going Available only means the cable was
 * pulled. A bay no camera watches takes presence from the connector: Preparing arrives, Available leaves. Charging
 * comes from the connector either way: Charging (or SuspendedEVSE, the charger holding back power) is charging;
 * SuspendedEV or Finishing after charging is finished. FINISHED becomes IDLE_OCCUPYING once {@code grace} has passed,
 * at the instant it passed (so a late input still records it at the right time).
 *
 * <p>Inputs older than the bay's current state count as happening when that state began (camera and charger clocks
 * differ a little; a state never goes back in time). A plate read of another vehicle while the bay holds one that has
 * charged is taken as a misread of the neighbour's car and ignored; before charging it corrects the plate.
 */
public final class BayMachine {

    private final Duration grace;
    private final boolean watched;

    public BayMachine(Duration grace, boolean watched) {
        this.grace = grace == null ? Duration.ZERO : grace;
        this.watched = watched;
    }

    /** The outcome of one input: the bay after it, the state changes on the way, and the visit that ended, if one did. */
    public record Step(Bay bay, List<Transition> transitions, Visit departed) {

        public boolean changed(Bay before) {
            return !bay.equals(before);
        }
    }

    public Step apply(Bay bay, BayInput input) {
        List<Transition> transitions = new ArrayList<>();
        Instant at = input.at().isBefore(bay.since()) ? bay.since() : input.at();
        Bay b = graceOver(bay, at, transitions);
        Visit departed = null;
        switch (input) {
            case BayInput.PlateIn in -> b = plateIn(b, in, at, transitions);
            case BayInput.PlateOut out -> {
                if (b.state().occupied()) {
                    departed = visit(b, at);
                    b = leave(b, at, "plate out" + (out.plate() == null ? "" : " " + out.plate()), transitions);
                }
            }
            case BayInput.Connector c -> {
                if (c.status() == ConnectorStatus.AVAILABLE && !watched && b.state().occupied()) {
                    departed = visit(b, at);
                    b = leave(b, at, "connector Available", transitions);
                } else {
                    b = connector(b, c.status(), at, transitions);
                }
            }
            case BayInput.Tick tick -> { }
        }
        return new Step(b, List.copyOf(transitions), departed);
    }

    /** FINISHED past the grace period becomes IDLE_OCCUPYING at the instant the grace ran out. */
    private Bay graceOver(Bay b, Instant at, List<Transition> transitions) {
        if (b.state() != BayState.FINISHED || b.chargingFinishedAt() == null) return b;
        Instant over = b.chargingFinishedAt().plus(grace);
        if (over.isAfter(at)) return b;
        return move(b, BayState.IDLE_OCCUPYING, over.isBefore(b.since()) ? b.since() : over, "grace period over", transitions);
    }

    private Bay plateIn(Bay b, BayInput.PlateIn in, Instant at, List<Transition> transitions) {
        if (!b.state().occupied()) {
            return move(b.withVehicle(in.plate(), in.colour(), at), BayState.VEHICLE_PRESENT, at, "plate in " + in.plate(), transitions);
        }
        if (b.plate() == null || b.state() == BayState.VEHICLE_PRESENT && !b.plate().equals(in.plate())) {
            return b.withVehicle(in.plate(), in.colour(), b.arrivedAt() == null ? at : b.arrivedAt());
        }
        return b;
    }

    private Bay connector(Bay b, ConnectorStatus status, Instant at, List<Transition> transitions) {
        return switch (status) {
            case PREPARING -> b.state().occupied() ? b
                    : move(b.withVehicle(null, null, at), BayState.VEHICLE_PRESENT, at, "connector Preparing", transitions);
            case CHARGING, SUSPENDED_EVSE -> {
                if (b.state() == BayState.CHARGING) yield b;
                Bay arrived = b.state().occupied() ? b : b.withVehicle(null, null, at);
                Bay charging = arrived.withCharging(b.chargingStartedAt() == null ? at : b.chargingStartedAt(), null);
                yield move(charging, BayState.CHARGING, at, "connector " + name(status), transitions);
            }
            case SUSPENDED_EV, FINISHING, AVAILABLE -> b.state() != BayState.CHARGING ? b
                    : move(b.withCharging(b.chargingStartedAt(), at), BayState.FINISHED, at, "connector " + name(status), transitions);
            default -> b;
        };
    }

    private static Bay leave(Bay b, Instant at, String cause, List<Transition> transitions) {
        transitions.add(new Transition(b.state(), BayState.FREE, at, cause));
        return Bay.free(at);
    }

    private static Bay move(Bay b, BayState to, Instant at, String cause, List<Transition> transitions) {
        transitions.add(new Transition(b.state(), to, at, cause));
        return b.in(to, at);
    }

    private static Visit visit(Bay b, Instant at) {
        return new Visit(b.plate(), b.colour(), b.arrivedAt() == null ? b.since() : b.arrivedAt(), b.chargingStartedAt(),
                b.chargingFinishedAt(), at);
    }

    private static String name(ConnectorStatus status) {
        return switch (status) {
            case SUSPENDED_EV -> "SuspendedEV";
            case SUSPENDED_EVSE -> "SuspendedEVSE";
            default -> status.name().charAt(0) + status.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        };
    }
}
