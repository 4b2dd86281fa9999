package io.pylon.domain.parking;

import java.util.Locale;

/**
 * Colour of a Chinese licence plate as cameras report it: GREEN is a new-energy vehicle (NEV, 新能源) plate — gradient
 * green for cars, YELLOW_GREEN for large NEVs such as buses and lorries; BLUE (small cars) and YELLOW (large vehicles)
 * are ordinary plates; WHITE (police, military) and BLACK (foreign, Hong Kong/Macau) are special.
 */
public enum PlateColour {
    BLUE, YELLOW, GREEN, YELLOW_GREEN, WHITE, BLACK;

    /** Reads {@code green}, {@code GREEN}, {@code yellow-green} or {@code yellow_green}. */
    public static PlateColour parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("plateColour: one of blue, yellow, green, yellow_green, white, black, not '"
                    + text + "'");
        }
    }
}
