package io.pylon.domain.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.thermal.BayDecision.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic sequences through the detector: camera time only, no clock, no sleeping. */
class ThermalDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final Area BAY = new Area(10, 10, 60, 40);
    private static final Area FRONT = new Area(12, 12, 20, 16);
    private static final Area REAR = new Area(45, 30, 20, 16);
    private static final DetectorSettings SETTINGS = new DetectorSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), 512, 2,
            Duration.ofMinutes(5), Duration.ofSeconds(60));

    private final ThermalDetector detector = new ThermalDetector(SETTINGS);

    private static BayWatch bay(Thresholds thresholds) {
        return new BayWatch(7, BAY, List.of(new BayWatch.Zone(1, "front", FRONT, thresholds), new BayWatch.Zone(2, "rear", REAR, thresholds)));
    }

    /** A hot spot on 10 % of the front zone (where the percentile reads it) on a 20 °C floor. */
    private static final Area SPOT = new Area(14, 14, 8, 4);

    private BayDecision frame(BayWatch watch, Instant at, double spotC) {
        return detector.analyse(Frames.of(80, 60, 20).paint(SPOT, spotC).at(at), List.of(watch)).getFirst();
    }

    @Test
    void slowWarmingIsAPreWarningOnly() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        List<BayDecision> decisions = new ArrayList<>();
        for (int i = 0; i <= 264; i++) decisions.add(frame(watch, T0.plusSeconds(5L * i), 25 + 0.125 * i)); // 1.5 °C/min to 58 °C
        assertThat(decisions).extracting(BayDecision::level).doesNotContain(ThermalLevel.CRITICAL, ThermalLevel.EVACUATION);
        List<BayDecision> raised = decisions.stream().filter(d -> d.action() == Action.RAISE).toList();
        assertThat(raised).hasSize(1);
        assertThat(raised.getFirst().level()).isEqualTo(ThermalLevel.WARNING);
        assertThat(raised.getFirst().worst().zone()).isEqualTo("front");
        assertThat(raised.getFirst().reasons()).contains("front:", "≥ pre-warning 55.0 °C").doesNotContain("rising");
        assertThat(decisions.getLast().worst().risePerMinute()).isBetween(1.4, 1.6);
    }

    @Test
    void aFastRiseEvacuatesBeforeTheAbsoluteLimitIsReached() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        BayDecision evacuation = null;
        for (int i = 0; i <= 30 && evacuation == null; i++) {
            BayDecision d = frame(watch, T0.plusSeconds(2L * i), 35 + i); // 30 °C/min
            if (d.action() == Action.RAISE && d.level() == ThermalLevel.EVACUATION) evacuation = d;
        }
        assertThat(evacuation).isNotNull();
        assertThat(evacuation.worst().percentileC()).isLessThan(Thresholds.DEFAULT.evacuateC());
        assertThat(evacuation.worst().risePerMinute()).isGreaterThanOrEqualTo(20);
        assertThat(evacuation.reasons()).contains("rising").contains("≥ evacuation 20.0 °C/min");
    }

    @Test
    void gradesGoUpOneRaiseAtATime() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        List<ThermalLevel> raised = new ArrayList<>();
        double[] temps = {30, 30, 58, 58, 58, 75, 75, 95, 95, 95};
        for (int i = 0; i < temps.length; i++) {
            BayDecision d = frame(watch, T0.plusSeconds(60L * i), temps[i]); // a minute apart: steps, no sustained rise
            if (d.action() == Action.RAISE) raised.add(d.level());
        }
        assertThat(raised).containsExactly(ThermalLevel.WARNING, ThermalLevel.CRITICAL, ThermalLevel.EVACUATION);
    }

    @Test
    void oneHotFrameIsNotConfirmed() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        assertThat(frame(watch, T0, 30).action()).isEqualTo(Action.NONE);
        assertThat(frame(watch, T0.plusSeconds(1), 120).action()).isEqualTo(Action.NONE); // a glitch
        assertThat(frame(watch, T0.plusSeconds(2), 30).action()).isEqualTo(Action.NONE);
        assertThat(frame(watch, T0.plusSeconds(3), 120).action()).isEqualTo(Action.NONE);
        BayDecision second = frame(watch, T0.plusSeconds(4), 120);
        assertThat(second.action()).isEqualTo(Action.RAISE);
        assertThat(second.level()).isEqualTo(ThermalLevel.EVACUATION);
    }

    @Test
    void aHotAreaEvacuatesWhenTheTemperatureAloneIsAnAlarm() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        Area half = new Area(12, 12, 20, 8); // half of the front zone at 75 °C
        BayDecision d = null;
        for (int i = 0; i < 2; i++) {
            d = detector.analyse(Frames.of(80, 60, 20).paint(half, 75).at(T0.plusSeconds(i)), List.of(watch)).getFirst();
        }
        assertThat(d.action()).isEqualTo(Action.RAISE);
        assertThat(d.level()).isEqualTo(ThermalLevel.EVACUATION);
        assertThat(d.worst().percentileC()).isLessThan(Thresholds.DEFAULT.evacuateC());
        assertThat(d.worst().hotShare()).isEqualTo(0.5);
        assertThat(d.reasons()).contains("75.0 °C (P98) ≥ alarm 70.0 °C", "50 % of the zone ≥ 70.0 °C ≥ evacuation 40 %");
    }

    @Test
    void aBusHasItsOwnThresholds() {
        Thresholds zone = Thresholds.DEFAULT;
        Thresholds bus = zone.with(new Thresholds.Patch(null, 65.0, 80.0, 95.0, null, null, null, null, 75.0, null, null, null));
        BayWatch sedanBay = bay(zone);
        BayWatch busBay = new BayWatch(8, BAY, List.of(new BayWatch.Zone(11, "front", FRONT, bus)));
        ThermalLevel sedan = null, coach = null;
        for (int i = 0; i < 2; i++) {
            ThermalFrame f = Frames.of(80, 60, 20).paint(SPOT, 72).at(T0.plusSeconds(i));
            List<BayDecision> d = detector.analyse(f, List.of(sedanBay, busBay));
            sedan = d.get(0).level();
            coach = d.get(1).level();
        }
        assertThat(sedan).isEqualTo(ThermalLevel.CRITICAL);
        assertThat(coach).isEqualTo(ThermalLevel.WARNING);
        assertThat(bus.alarmC()).isEqualTo(80);
        assertThat(bus.riseEvacuate()).isEqualTo(zone.riseEvacuate());
    }

    @Test
    void theAlarmResolvesAfterTheCoolDownAndAWarmFrameRestartsIt() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        frame(watch, T0, 60);
        assertThat(frame(watch, T0.plusSeconds(1), 60).action()).isEqualTo(Action.RAISE);
        Instant cool = T0.plusSeconds(10);
        assertThat(frame(watch, cool, 30).action()).isEqualTo(Action.NONE);
        assertThat(frame(watch, cool.plusSeconds(200), 56).action()).as("still warm: raised again").isEqualTo(Action.REFRESH);
        assertThat(frame(watch, cool.plusSeconds(210), 30).action()).isEqualTo(Action.NONE);
        assertThat(frame(watch, cool.plusSeconds(400), 30).action()).as("normal for 190 s only").isEqualTo(Action.NONE);
        assertThat(frame(watch, cool.plusSeconds(510), 30).action()).isEqualTo(Action.RESOLVE);
        assertThat(frame(watch, cool.plusSeconds(900), 30).action()).isEqualTo(Action.NONE);
    }

    @Test
    void aBayThatStaysHotIsRefreshedEveryMinute() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i <= 60; i++) actions.add(frame(watch, T0.plusSeconds(5L * i), 60).action());
        assertThat(actions.stream().filter(a -> a == Action.RAISE)).hasSize(1);
        assertThat(actions.stream().filter(a -> a == Action.REFRESH)).hasSize(4); // 300 s after the first raise at 5 s
    }

    @Test
    void afterARestartACoolBayResolvesWhateverWasOpen() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        assertThat(frame(watch, T0, 25).action()).isEqualTo(Action.NONE);
        assertThat(frame(watch, T0.plusSeconds(300), 25).action()).isEqualTo(Action.RESOLVE);
        assertThat(frame(watch, T0.plusSeconds(900), 25).action()).isEqualTo(Action.NONE);
    }

    @Test
    void oldAndRepeatedFramesAreIgnored() {
        BayWatch watch = bay(Thresholds.DEFAULT);
        frame(watch, T0.plusSeconds(10), 25);
        assertThat(frame(watch, T0.plusSeconds(10), 90).action()).isEqualTo(Action.STALE);
        assertThat(frame(watch, T0, 90).action()).isEqualTo(Action.STALE);
    }

    @Test
    void aFrameThatDoesNotCoverTheBayIsRefusedWithoutTouchingAnyBay() {
        BayWatch small = new BayWatch(9, new Area(0, 0, 10, 10), List.of(new BayWatch.Zone(3, "middle", new Area(0, 0, 5, 5), Thresholds.DEFAULT)));
        BayWatch big = bay(Thresholds.DEFAULT);
        ThermalFrame tiny = Frames.of(32, 24, 20).at(T0);
        assertThatThrownBy(() -> detector.analyse(tiny, List.of(small, big))).hasMessageContaining("does not cover bay 7");
        assertThat(detector.latest(9)).isEmpty();
    }

    @Test
    void thresholdsMustRiseFromWarningToEvacuation() {
        assertThatThrownBy(() -> Thresholds.DEFAULT.with(new Thresholds.Patch(null, 80.0, null, null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("warnC/alarmC/evacuateC: must rise");
        assertThatThrownBy(() -> Thresholds.DEFAULT.with(new Thresholds.Patch(40.0, null, null, null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("percentile");
    }
}
