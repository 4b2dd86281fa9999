package io.pylon.domain.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiseWindowTest {

    @Test
    void aSteadyRampGivesItsSlopeInDegreesPerMinute() {
        RiseWindow w = new RiseWindow(60_000, 10_000, 512);
        for (int s = 0; s <= 60; s += 2) w.add(s * 1000L, 30 + 0.2 * s); // 0.2 °C/s
        assertThat(w.ratePerMinute()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void noRateUntilTheSamplesSpanTheMinimum() {
        RiseWindow w = new RiseWindow(60_000, 10_000, 512);
        w.add(0, 30);
        w.add(100, 40);
        w.add(200, 50);
        assertThat(w.ratePerMinute()).isNaN(); // 20 °C in 0.2 s is noise, not a rate
        w.add(10_000, 51);
        assertThat(w.ratePerMinute()).isNaN(); // the newer half holds one sample only
        w.add(10_100, 52);
        assertThat(w.ratePerMinute()).isFinite();
    }

    @Test
    void oldSamplesLeaveTheWindow() {
        RiseWindow w = new RiseWindow(30_000, 5_000, 512);
        for (int s = 0; s <= 60; s++) w.add(s * 1000L, s < 30 ? 20 + s : 50); // a rise, then flat for 30 s
        assertThat(w.size()).isEqualTo(31);
        assertThat(w.ratePerMinute()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void aStepIsNotARise() {
        RiseWindow w = new RiseWindow(60_000, 10_000, 512);
        for (int s = 0; s <= 60; s += 2) {
            w.add(s * 1000L, s < 20 ? 20 : 45); // a warm car drives in: 25 °C at once, then nothing
            if (s >= 10) assertThat(w.ratePerMinute()).as("at %d s", s).isLessThan(1.0);
        }
    }

    @Test
    void anAcceleratingRiseCountsAtTheSlowerHalfsRate() {
        RiseWindow w = new RiseWindow(60_000, 10_000, 512);
        for (int s = 0; s <= 60; s += 2) w.add(s * 1000L, s < 30 ? 30 + s * 0.1 : 33 + (s - 30) * 0.5); // 6, then 30 °C/min
        assertThat(w.ratePerMinute()).isCloseTo(6.0, within(0.5));
    }

    @Test
    void aFullRingKeepsTheLatestSamples() {
        RiseWindow w = new RiseWindow(60_000, 500, 10);
        for (int i = 0; i < 100; i++) w.add(i * 100L, i < 90 ? 0 : (i - 90) * 1.0); // last 10: +1 °C per 0.1 s
        assertThat(w.size()).isEqualTo(10);
        assertThat(w.ratePerMinute()).isCloseTo(600.0, within(1e-6));
    }
}
