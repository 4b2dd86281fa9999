package io.pylon.server.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.thermal.Area;
import io.pylon.domain.thermal.BayDecision;
import io.pylon.domain.thermal.BayWatch;
import io.pylon.domain.thermal.DetectorSettings;
import io.pylon.domain.thermal.ThermalDetector;
import io.pylon.domain.thermal.ThermalFrame;
import io.pylon.domain.thermal.ThermalLevel;
import io.pylon.domain.thermal.Thresholds;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatMapTest {

    @Test
    void theHeatMapIsAnEnlargedFalseColourPngWithTheZoneOutlinedInItsLevel() throws Exception {
        Area zone = new Area(10, 10, 20, 20);
        BayWatch bay = new BayWatch(1, new Area(5, 5, 40, 30), List.of(new BayWatch.Zone(7, "rear", zone, Thresholds.DEFAULT)));
        ThermalDetector detector = new ThermalDetector(DetectorSettings.DEFAULT);
        SyntheticFrames frames = SyntheticFrames.of("CAM", 64, 48, 20).paint(12, 12, 16, 16, 95);
        BayDecision decision = null;
        for (int i = 0; i < 2; i++) decision = detector.analyse(frames.frame(Instant.EPOCH.plusSeconds(i)), List.of(bay)).getFirst();
        assertThat(decision.level()).isEqualTo(ThermalLevel.EVACUATION);
        ThermalFrame frame = frames.frame(Instant.EPOCH.plusSeconds(1));

        byte[] png = HeatMap.render(frame, List.of(bay), Map.of(1L, decision), "camera CAM");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(512); // 64 px × 8, the largest enlargement
        assertThat(image.getHeight()).isGreaterThan(384);
        int scale = 8;
        assertThat(new Color(image.getRGB(zone.x() * scale + 1, zone.y() * scale + 15))).as("zone outline")
                .isEqualTo(HeatMap.colour(ThermalLevel.EVACUATION));
        Color hot = new Color(image.getRGB(20 * scale, 20 * scale));
        Color cold = new Color(image.getRGB(2 * scale, 2 * scale));
        assertThat(hot.getRed() + hot.getGreen() + hot.getBlue()).isGreaterThan(600); // white end of the palette
        assertThat(cold.getRed() + cold.getGreen() + cold.getBlue()).isLessThan(30); // black end
    }
}
