package io.pylon.ykc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The frames captured from real piles ({@code ykc-golden-frames.txt}), by type. */
public final class GoldenFrames {

    private GoldenFrames() {}

    public static final Map<Integer, byte[]> FRAMES = load();

    public static byte[] of(int type) {
        byte[] frame = FRAMES.get(type);
        if (frame == null) throw new IllegalArgumentException("no golden frame of type " + type);
        return frame.clone();
    }

    private static Map<Integer, byte[]> load() {
        try (InputStream in = GoldenFrames.class.getResourceAsStream("/ykc-golden-frames.txt")) {
            Map<Integer, byte[]> frames = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.trim().split("\\s+", 3);
                frames.put(Integer.decode(parts[0]), HexFormat.of().parseHex(parts[2].replace(" ", "")));
            }
            return frames;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
