package io.pylon.domain.driver;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A vehicle identification number (ISO 3779): 17 characters, digits and capital letters without I, O and Q.
 * The check digit is not verified (only North America and China make position 9 one).
 *
 * <p><b>VIN start</b> (ADR 0006): a vehicle's VIN is kept as an id token of kind VIN bound to its driver, and the
 * id tag is the VIN itself. A charger that reads the VIN from the car (Autocharge-style) sends it as the idTag of
 * Authorize / StartTransaction. The {@code VID:} prefix some chargers put before a vehicle id cannot carry a VIN
 * in OCPP 1.6 ({@code VID:} + 17 characters exceeds the 20 characters of an idTag), so it is not used.
 */
public record Vin(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    public Vin {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("vin: 17 characters, digits and letters without I, O or Q");
        }
    }

    /** Reads a VIN as a person types it: surrounding spaces dropped, letters upper-cased. */
    public static Vin parse(String text) {
        return new Vin(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /** The id tag a charger sends for this vehicle: the VIN itself. */
    public String idTag() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
