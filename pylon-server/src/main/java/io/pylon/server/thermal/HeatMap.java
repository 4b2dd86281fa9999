package io.pylon.server.thermal;

import io.pylon.domain.thermal.Area;
import io.pylon.domain.thermal.BayDecision;
import io.pylon.domain.thermal.BayWatch;
import io.pylon.domain.thermal.ThermalFrame;
import io.pylon.domain.thermal.ThermalLevel;
import io.pylon.domain.thermal.ZoneReading;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The evidence of a thermal alarm: the frame in false colour ("iron": black, purple, red, orange, yellow, white from
 * the coldest to the hottest pixel of the frame), enlarged to at least 640 pixels wide, with every bay the camera watches
 * outlined in white and its zones in the colour of their level (green normal, yellow pre-warning, orange alarm, red
 * evacuation) labelled with their hottest temperature; a caption names the camera, the time and the range of the scale.
 * Drawn with java.awt on a headless JVM.
 */
public final class HeatMap {

    private static final int[] PALETTE = palette();
    private static final int CAPTION = 22;

    private HeatMap() {}

    /** @param decisions the decision made on each bay in this frame, by bay id */
    public static byte[] render(ThermalFrame frame, List<BayWatch> watches, Map<Long, BayDecision> decisions, String caption) {
        int w = frame.width(), h = frame.height();
        int scale = Math.max(1, Math.min(8, (int) Math.ceil(640.0 / w)));
        short[] t = frame.deciCelsius();
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (short v : t) {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        int span = Math.max(100, max - min); // at least 10 °C across the scale, so a uniform frame is not noise
        BufferedImage image = new BufferedImage(w * scale, h * scale + CAPTION, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w * scale];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int colour = PALETTE[Math.min(255, (t[y * w + x] - min) * 255 / span)];
                for (int s = 0; s < scale; s++) row[x * scale + s] = colour;
            }
            for (int s = 0; s < scale; s++) image.setRGB(0, y * scale + s, row.length, 1, row, 0, row.length);
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            for (BayWatch bay : watches) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1));
                rect(g, bay.area(), scale);
                BayDecision decision = decisions.get(bay.bayId());
                for (BayWatch.Zone zone : bay.zones()) {
                    ZoneReading z = decision == null ? null : decision.zones().stream().filter(r -> r.zoneId() == zone.zoneId()).findFirst().orElse(null);
                    ThermalLevel level = z == null ? ThermalLevel.NORMAL : z.level();
                    g.setColor(colour(level));
                    g.setStroke(new BasicStroke(level == ThermalLevel.NORMAL ? 1 : 3));
                    rect(g, zone.area(), scale);
                    String label = z == null ? zone.name() : String.format(Locale.ROOT, "%s %.1f°C", zone.name(), z.maxC());
                    text(g, label, zone.area().x() * scale + 3, zone.area().y() * scale + 14);
                }
            }
            g.setColor(Color.BLACK);
            g.fillRect(0, h * scale, w * scale, CAPTION);
            g.setColor(Color.WHITE);
            text(g, caption + String.format(Locale.ROOT, " · scale %.1f…%.1f °C", min / 10.0, (min + span) / 10.0), 4, h * scale + 16);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void rect(Graphics2D g, Area a, int scale) {
        g.drawRect(a.x() * scale, a.y() * scale, a.width() * scale - 1, a.height() * scale - 1);
    }

    /** Text where fonts are missing would throw: the picture is still evidence without its labels. */
    private static void text(Graphics2D g, String text, int x, int y) {
        try {
            g.drawString(text, x, y);
        } catch (RuntimeException | Error e) {
            // no font on this machine
        }
    }

    static Color colour(ThermalLevel level) {
        return switch (level) {
            case NORMAL -> new Color(0x33, 0xcc, 0x66);
            case WARNING -> new Color(0xff, 0xdd, 0x00);
            case CRITICAL -> new Color(0xff, 0x88, 0x00);
            case EVACUATION -> new Color(0xff, 0x11, 0x11);
        };
    }

    /** The iron palette: 256 RGB values interpolated between fixed stops. */
    private static int[] palette() {
        int[][] stops = {{0, 0x000000}, {40, 0x1e0a5a}, {90, 0x8c0a8c}, {140, 0xdc3214}, {190, 0xfa8c00}, {230, 0xffdc32}, {255, 0xffffff}};
        int[] lut = new int[256];
        for (int s = 0; s < stops.length - 1; s++) {
            int from = stops[s][0], to = stops[s + 1][0], a = stops[s][1], b = stops[s + 1][1];
            for (int i = from; i <= to; i++) {
                double f = (i - from) / (double) (to - from);
                lut[i] = mix(a >> 16 & 0xff, b >> 16 & 0xff, f) << 16 | mix(a >> 8 & 0xff, b >> 8 & 0xff, f) << 8 | mix(a & 0xff, b & 0xff, f);
            }
        }
        return lut;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
