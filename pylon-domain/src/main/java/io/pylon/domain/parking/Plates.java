package io.pylon.domain.parking;

import java.util.Locale;
import java.util.regex.Pattern;

/** Licence plates as Pylon keeps them: trimmed, upper case, without spaces, dots or dashes (京A·D12345 → 京AD12345). */
public final class Plates {

    /** A province character (or a letter for special plates) and 4–9 letters, digits or Chinese characters. */
    private static final Pattern PLATE = Pattern.compile("[\\p{IsHan}A-Z][\\p{IsHan}A-Z0-9]{4,9}");

    private Plates() {}

    /** The plate in its kept form; IllegalArgumentException when it cannot be a plate. */
    public static String normalise(String plate) {
        if (plate == null) {
            throw new IllegalArgumentException("plate: required");
        }
        String p = plate.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s·.\\-]", "");
        if (!PLATE.matcher(p).matches()) {
            throw new IllegalArgumentException("plate: '" + plate + "' is not a licence plate (5–10 letters, digits or Chinese characters)");
        }
        return p;
    }
}
