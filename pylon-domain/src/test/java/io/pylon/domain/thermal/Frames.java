package io.pylon.domain.thermal;

import java.time.Instant;
import java.util.Arrays;

/** Builds synthetic thermal frames: a uniform background with warmer rectangles painted in. */
final class Frames {

    private final int width;
    private final int height;
    private final short[] t;

    private Frames(int width, int height, double backgroundC) {
        this.width = width;
        this.height = height;
        this.t = new short[width * height];
        Arrays.fill(t, (short) Math.round(backgroundC * 10));
    }

    static Frames of(int width, int height, double backgroundC) {
        return new Frames(width, height, backgroundC);
    }

    Frames paint(Area area, double celsius) {
        for (int y = area.y(); y < area.y() + area.height(); y++) {
            for (int x = area.x(); x < area.x() + area.width(); x++) t[y * width + x] = (short) Math.round(celsius * 10);
        }
        return this;
    }

    Frames pixel(int x, int y, double celsius) {
        t[y * width + x] = (short) Math.round(celsius * 10);
        return this;
    }

    ThermalFrame at(Instant at) {
        return new ThermalFrame("CAM", at, width, height, t.clone());
    }
}
