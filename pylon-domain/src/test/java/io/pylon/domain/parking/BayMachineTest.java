package io.pylon.domain.parking;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.parking.BayInput.Connector;
import io.pylon.domain.parking.BayInput.PlateIn;
import io.pylon.domain.parking.BayInput.PlateOut;
import io.pylon.domain.parking.BayInput.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bay's state from plate reads and connector status, with time given by the inputs. */
class BayMachineTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private final BayMachine watched = new BayMachine(Duration.ofMinutes(15), true);
    private final BayMachine unwatched = new BayMachine(Duration.ofMinutes(15), false);

    private static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    /** Runs inputs from a free bay; answers every step. */
    private static List<BayMachine.Step> run(BayMachine machine, BayInput... inputs) {
        Bay bay = Bay.free(T0.minusSeconds(3600));
        List<BayMachine.Step> steps = new java.util.ArrayList<>();
        for (BayInput input : inputs) {
            BayMachine.Step step = machine.apply(bay, input);
            steps.add(step);
            bay = step.bay();
        }
        return steps;
    }

    @Test
    void aCameraWatchedVisitGoesThroughEveryState() {
        var steps = run(watched,
                new PlateIn("京AD12345", PlateColour.GREEN, at(0)),
                new Connector(ConnectorStatus.PREPARING, at(1)),
                new Connector(ConnectorStatus.CHARGING, at(2)),
                new Connector(ConnectorStatus.SUSPENDED_EV, at(40)),
                new Connector(ConnectorStatus.AVAILABLE, at(50)), // cable pulled, car still there
                new PlateOut("京AD12345", at(70)));
        assertThat(steps.get(0).bay().state()).isEqualTo(BayState.VEHICLE_PRESENT);
        assertThat(steps.get(1).transitions()).isEmpty();
        assertThat(steps.get(2).bay().state()).isEqualTo(BayState.CHARGING);
        assertThat(steps.get(3).bay().state()).isEqualTo(BayState.FINISHED);
        assertThat(steps.get(4).bay().state()).isEqualTo(BayState.FINISHED);
        var out = steps.get(5);
        assertThat(out.transitions()).extracting(Transition::to).containsExactly(BayState.IDLE_OCCUPYING, BayState.FREE);
        assertThat(out.transitions().get(0).at()).isEqualTo(at(55)); // finished at 40 + 15 grace
        assertThat(out.departed()).isEqualTo(new Visit("京AD12345", PlateColour.GREEN, at(0), at(2), at(40), at(70)));
        assertThat(out.bay()).isEqualTo(Bay.free(at(70)));
    }

    @Test
    void withoutACameraTheConnectorSaysWhenTheCarCameAndWent() {
        var steps = run(unwatched,
                new Connector(ConnectorStatus.PREPARING, at(0)),
                new Connector(ConnectorStatus.CHARGING, at(1)),
                new Connector(ConnectorStatus.FINISHING, at(30)),
                new Connector(ConnectorStatus.AVAILABLE, at(35)));
        assertThat(steps.get(0).bay().state()).isEqualTo(BayState.VEHICLE_PRESENT);
        assertThat(steps.get(3).departed()).isEqualTo(new Visit(null, null, at(0), at(1), at(30), at(35)));
        assertThat(steps.get(3).bay().state()).isEqualTo(BayState.FREE);
    }

    @Test
    void theGracePeriodEndsOnATickAtTheRightInstant() {
        var steps = run(watched,
                new PlateIn("京AD12345", PlateColour.GREEN, at(0)),
                new Connector(ConnectorStatus.CHARGING, at(1)),
                new Connector(ConnectorStatus.FINISHING, at(30)),
                new Tick(at(44)),
                new Tick(at(60)),
                new Tick(at(61)));
        assertThat(steps.get(3).transitions()).isEmpty();
        assertThat(steps.get(4).transitions()).containsExactly(
                new Transition(BayState.FINISHED, BayState.IDLE_OCCUPYING, at(45), "grace period over"));
        assertThat(steps.get(5).transitions()).isEmpty();
    }

    @Test
    void chargingAgainAfterAPauseKeepsTheFirstStart() {
        var steps = run(watched,
                new PlateIn("京AD12345", PlateColour.GREEN, at(0)),
                new Connector(ConnectorStatus.CHARGING, at(1)),
                new Connector(ConnectorStatus.SUSPENDED_EV, at(10)),
                new Connector(ConnectorStatus.CHARGING, at(12)),
                new Connector(ConnectorStatus.FINISHING, at(20)),
                new PlateOut(null, at(25)));
        assertThat(steps.get(3).bay().state()).isEqualTo(BayState.CHARGING);
        assertThat(steps.get(5).departed().chargingStartedAt()).isEqualTo(at(1));
        assertThat(steps.get(5).departed().chargingFinishedAt()).isEqualTo(at(20));
    }

    @Test
    void aReadOfAnotherPlateCorrectsBeforeChargingAndIsIgnoredAfter() {
        var steps = run(watched,
                new PlateIn("京AD1234S", PlateColour.GREEN, at(0)),
                new PlateIn("京AD12345", PlateColour.GREEN, at(1)),
                new Connector(ConnectorStatus.CHARGING, at(2)),
                new PlateIn("京B99999", PlateColour.BLUE, at(3)));
        assertThat(steps.get(1).bay().plate()).isEqualTo("京AD12345");
        assertThat(steps.get(1).bay().arrivedAt()).isEqualTo(at(0));
        assertThat(steps.get(3).bay().plate()).isEqualTo("京AD12345");
        assertThat(steps.get(3).transitions()).isEmpty();
    }

    @Test
    void aLateInputNeverGoesBackInTime() {
        var steps = run(watched,
                new PlateIn("京AD12345", PlateColour.GREEN, at(10)),
                new PlateOut("京AD12345", at(5))); // the camera's clock is behind
        assertThat(steps.get(1).departed().leftAt()).isEqualTo(at(10));
        assertThat(steps.get(1).bay().since()).isEqualTo(at(10));
    }

    @Test
    void plateOutOfAFreeBayAndFaultsChangeNothing() {
        var steps = run(watched, new PlateOut("京AD12345", at(0)), new Connector(ConnectorStatus.FAULTED, at(1)));
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.transitions()).isEmpty();
            assertThat(s.departed()).isNull();
            assertThat(s.bay().state()).isEqualTo(BayState.FREE);
        });
    }
}
