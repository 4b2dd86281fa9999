package io.pylon.domain.thermal;

/**
 * What one frame says about one zone: its hottest pixel, a high percentile and how many pixels reach the hot threshold.
 * Measured in two passes over the zone's pixels (min/max/hot count, then a histogram at the frame's 0.1 °C resolution,
 * read from the hot end), so it costs O(pixels) whatever the percentile.
 *
 * @param maxC        hottest pixel, °C
 * @param percentileC the requested percentile (nearest rank), °C
 * @param hotShare    share 0…1 of the zone's pixels at or above the hot threshold
 */
public record ZoneStats(double maxC, double percentileC, double hotShare) {

    public static ZoneStats measure(ThermalFrame frame, Area zone, double percentile, double hotC) {
        short[] t = frame.deciCelsius();
        int w = frame.width();
        int hot = (int) Math.ceil(hotC * 10 - 1e-9);
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE, hotCount = 0;
        for (int y = zone.y(); y < zone.y() + zone.height(); y++) {
            int row = y * w;
            for (int i = row + zone.x(), end = i + zone.width(); i < end; i++) {
                int v = t[i];
                if (v < min) min = v;
                if (v > max) max = v;
                if (v >= hot) hotCount++;
            }
        }
        int n = zone.pixels();
        int value = percentile >= 100 || min == max ? max : percentile(t, w, zone, min, max, percentile, n);
        return new ZoneStats(max / 10.0, value / 10.0, hotCount / (double) n);
    }

    private static int percentile(short[] t, int w, Area zone, int min, int max, double percentile, int n) {
        int[] histogram = new int[max - min + 1];
        for (int y = zone.y(); y < zone.y() + zone.height(); y++) {
            int row = y * w;
            for (int i = row + zone.x(), end = i + zone.width(); i < end; i++) histogram[t[i] - min]++;
        }
        // nearest rank: the value at ascending rank ceil(p/100 · n), i.e. with (n − rank) values above it
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long above = n - rank;
        long seen = 0;
        for (int b = histogram.length - 1; b >= 0; b--) {
            seen += histogram[b];
            if (seen > above) return b + min;
        }
        return min;
    }
}
