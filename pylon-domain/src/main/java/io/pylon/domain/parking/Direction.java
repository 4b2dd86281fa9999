package io.pylon.domain.parking;

import java.util.Locale;

/** Which way a vehicle passed the camera: into the bay (or through the entry gate), or out of it. */
public enum Direction {
    IN, OUT;

    public static Direction parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("direction: in or out, not '" + text + "'");
        }
    }
}
