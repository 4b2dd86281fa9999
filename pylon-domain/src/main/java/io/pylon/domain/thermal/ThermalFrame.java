package io.pylon.domain.thermal;

import java.time.Instant;
import java.util.Objects;

/**
 * One radiometric frame of a thermal camera: {@code width × height} temperatures in 0.1 °C, row-major from the top-left
 * pixel, taken at {@code at} by the camera's clock (rates of rise are computed on these timestamps).
 *
 * <p>The array is not copied: whoever builds a frame hands it over and does not change it afterwards.
 */
public record ThermalFrame(String cameraId, Instant at, int width, int height, short[] deciCelsius) {

    /** Largest frame accepted: 1280 × 1024 (the biggest radiometric sensors sold for fire detection). */
    public static final int MAX_WIDTH = 1280;
    public static final int MAX_HEIGHT = 1024;
    /** Plausible range of a pixel, in 0.1 °C: −100.0 °C … 2000.0 °C; anything else is a broken encoding. */
    public static final int MIN_DECI_C = -1000;
    public static final int MAX_DECI_C = 20000;

    public ThermalFrame {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(deciCelsius, "temperatures");
        checkSize(width, height);
        if (deciCelsius.length != width * height) {
            throw new IllegalArgumentException("temperatures: " + deciCelsius.length + " values for a " + width + "×" + height
                    + " frame (" + width * height + " expected)");
        }
        for (int i = 0; i < deciCelsius.length; i++) {
            int t = deciCelsius[i];
            if (t < MIN_DECI_C || t > MAX_DECI_C) {
                throw new IllegalArgumentException("temperatures: " + t / 10.0 + " °C at pixel (" + i % width + "," + i / width
                        + ") is outside " + MIN_DECI_C / 10 + "…" + MAX_DECI_C / 10 + " °C");
            }
        }
    }

    /** Refuses a size outside 1…1280 × 1…1024, before anything is read or allocated for it. */
    public static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_WIDTH || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("frame size " + width + "×" + height + " is outside 1×1 … " + MAX_WIDTH + "×" + MAX_HEIGHT);
        }
    }

    /** The temperature of pixel (x, y) in °C. */
    public double celsius(int x, int y) {
        return deciCelsius[y * width + x] / 10.0;
    }
}
