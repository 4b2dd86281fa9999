package io.pylon.domain.sensor;

import static io.pylon.domain.sensor.SensorLevel.CRITICAL;
import static io.pylon.domain.sensor.SensorLevel.NORMAL;
import static io.pylon.domain.sensor.SensorLevel.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    /** Warning at 40 °C, critical at 50 °C, 2 °C hysteresis. */
    private final Thresholds limits = Thresholds.of("40", "50", "2");

    private SensorLevel after(SensorLevel current, String value) {
        return limits.levelAfter(current, new BigDecimal(value));
    }

    @Test
    void aValueReachesALevelAtItsLimit() {
        assertThat(after(NORMAL, "39.9")).isEqualTo(NORMAL);
        assertThat(after(NORMAL, "40")).isEqualTo(WARNING);
        assertThat(after(NORMAL, "50")).isEqualTo(CRITICAL);
        assertThat(after(WARNING, "50.5")).isEqualTo(CRITICAL);
    }

    @Test
    void aValueLeavesALevelOnlyOnceItIsTheHysteresisBelowTheLimit() {
        assertThat(after(WARNING, "38.5")).as("within 2 °C of the warning limit").isEqualTo(WARNING);
        assertThat(after(WARNING, "38")).isEqualTo(WARNING);
        assertThat(after(WARNING, "37.9")).isEqualTo(NORMAL);
        assertThat(after(CRITICAL, "48.1")).as("within 2 °C of the critical limit").isEqualTo(CRITICAL);
        assertThat(after(CRITICAL, "47.9")).isEqualTo(WARNING);
        assertThat(after(CRITICAL, "30")).as("straight back to normal").isEqualTo(NORMAL);
    }

    @Test
    void limitsMustBeInOrderAndTheHysteresisNotNegative() {
        assertThatThrownBy(() -> Thresholds.of("50", "40", "1")).hasMessageContaining("must not be below warning");
        assertThatThrownBy(() -> Thresholds.of("40", "50", "-1")).hasMessageContaining("hysteresis");
        assertThat(new Thresholds(BigDecimal.TEN, BigDecimal.TEN, null).hysteresis()).isZero();
    }
}
