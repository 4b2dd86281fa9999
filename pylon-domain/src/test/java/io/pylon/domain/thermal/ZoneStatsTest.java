package io.pylon.domain.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZoneStatsTest {

    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void onePixelOfAHundredDoesNotMoveTheNinetyEighthPercentileButIsTheMaximum() {
        ThermalFrame frame = Frames.of(20, 20, 25).pixel(5, 5, 150).at(T);
        ZoneStats s = ZoneStats.measure(frame, new Area(0, 0, 10, 10), 98, 60);
        assertThat(s.maxC()).isEqualTo(150.0);
        assertThat(s.percentileC()).isEqualTo(25.0);
        assertThat(s.hotShare()).isEqualTo(0.01);
    }

    @Test
    void theNinetyEighthPercentileIsTheThirdHottestOfAHundredPixels() {
        Frames f = Frames.of(10, 10, 20);
        for (int i = 0; i < 10; i++) f.pixel(i, 0, 30 + i); // 30.0 … 39.0 °C on the top row
        ZoneStats s = ZoneStats.measure(f.at(T), new Area(0, 0, 10, 10), 98, 38.5);
        assertThat(s.percentileC()).isEqualTo(37.0); // ascending rank 98 of 100 = third from the top
        assertThat(ZoneStats.measure(f.at(T), new Area(0, 0, 10, 10), 100, 38.5).percentileC()).isEqualTo(39.0);
        assertThat(ZoneStats.measure(f.at(T), new Area(0, 0, 10, 10), 50, 38.5).percentileC()).isEqualTo(20.0);
        assertThat(s.hotShare()).isEqualTo(0.01); // only 39.0 reaches 38.5
    }

    @Test
    void onlyTheZonesPixelsCount() {
        ThermalFrame frame = Frames.of(40, 30, 22).paint(new Area(30, 0, 10, 10), 95).paint(new Area(2, 3, 4, 5), 61).at(T);
        ZoneStats s = ZoneStats.measure(frame, new Area(0, 0, 10, 10), 98, 60);
        assertThat(s.maxC()).isEqualTo(61.0);
        assertThat(s.hotShare()).isEqualTo(0.20); // 4 × 5 of 10 × 10
        assertThat(s.percentileC()).isEqualTo(61.0);
    }

    @Test
    void theHotThresholdIsInclusiveAtTheFramesResolution() {
        ThermalFrame frame = Frames.of(2, 1, 59.9).pixel(1, 0, 60.0).at(T);
        assertThat(ZoneStats.measure(frame, new Area(0, 0, 2, 1), 98, 60).hotShare()).isEqualTo(0.5);
    }

    @Test
    void framesRefuseWrongSizesAndImplausibleValues() {
        assertThatThrownBy(() -> new ThermalFrame("C", T, 1281, 10, new short[12810])).hasMessageContaining("outside");
        assertThatThrownBy(() -> new ThermalFrame("C", T, 4, 4, new short[15])).hasMessageContaining("15 values for a 4×4 frame");
        short[] t = new short[4];
        t[3] = (short) 25000;
        assertThatThrownBy(() -> new ThermalFrame("C", T, 2, 2, t)).hasMessageContaining("pixel (1,1)");
    }
}
