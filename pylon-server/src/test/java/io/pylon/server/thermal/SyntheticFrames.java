package io.pylon.server.thermal;

import io.pylon.domain.thermal.ThermalFrame;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.StringJoiner;
import javax.imageio.ImageIO;

/** Synthetic thermal frames for tests and the benchmark: a uniform floor with warmer rectangles, in every wire form. */
public final class SyntheticFrames {

    private final String cameraId;
    private final int width;
    private final int height;
    private final short[] t;

    private SyntheticFrames(String cameraId, int width, int height, double floorC) {
        this.cameraId = cameraId;
        this.width = width;
        this.height = height;
        this.t = new short[width * height];
        Arrays.fill(t, (short) Math.round(floorC * 10));
    }

    public static SyntheticFrames of(String cameraId, int width, int height, double floorC) {
        return new SyntheticFrames(cameraId, width, height, floorC);
    }

    /** Paints a rectangle at a temperature. */
    public SyntheticFrames paint(int x, int y, int w, int h, double celsius) {
        short v = (short) Math.round(celsius * 10);
        for (int row = y; row < y + h; row++) Arrays.fill(t, row * width + x, row * width + x + w, v);
        return this;
    }

    /** Adds ±{@code amplitude} °C of repeatable noise to every pixel (a real sensor is never flat). */
    public SyntheticFrames noise(double amplitude, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int a = (int) Math.round(amplitude * 10);
        for (int i = 0; i < t.length; i++) t[i] = (short) (t[i] + random.nextInt(-a, a + 1));
        return this;
    }

    public ThermalFrame frame(Instant at) {
        return new ThermalFrame(cameraId, at, width, height, t.clone());
    }

    public String json(Instant at) {
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (short v : t) values.add(Short.toString(v));
        return "{\"cameraId\":\"" + cameraId + "\",\"timestamp\":\"" + at + "\",\"width\":" + width + ",\"height\":" + height
                + ",\"temperatures\":" + values + "}";
    }

    public byte[] binary(Instant at) {
        return FrameDecoder.toBinary(frame(at));
    }

    /** 16-bit greyscale PNG, pixel = 0.1 °C + 1000. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        int[] samples = new int[t.length];
        for (int i = 0; i < t.length; i++) samples[i] = t[i] + FrameDecoder.PNG_OFFSET;
        raster.setSamples(0, 0, width, height, 0, samples);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
