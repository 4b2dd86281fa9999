package io.pylon.simulator;

import java.util.Locale;

/**
 * Faulty meters for testing the platform's anomaly detection ({@code --meter-drift}, {@code --broken-seal}): a
 * register that counts a share faster than the power the charger reports, and a meter whose seal is broken (each
 * charger reports TamperDetectionActivated in a SecurityEventNotification after every boot). Off by default; set
 * once at start-up for the whole fleet, so it lives apart from {@link FleetConfig}.
 */
public final class MeterFaults {

    private static volatile double drift;
    private static volatile boolean brokenSeal;

    private MeterFaults() {}

    /**
     * @param registerDrift share the register counts too much, e.g. 0.03 (−0.5 to 0.5)
     * @param sealBroken    whether chargers report a broken meter seal
     */
    public static void configure(double registerDrift, boolean sealBroken) {
        if (registerDrift < -0.5 || registerDrift > 0.5) {
            throw new IllegalArgumentException("meter drift must be between -50% and 50%");
        }
        drift = registerDrift;
        brokenSeal = sealBroken;
    }

    /** Parses "3%", "3" (per cent) or "0.03%"… into a share (0.03). */
    public static double parsePercent(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            return Double.parseDouble(t) / 100.0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a percentage: " + text);
        }
    }

    /** What the register adds per Wh actually delivered. */
    static double registerFactor() {
        return 1.0 + drift;
    }

    static boolean brokenSeal() {
        return brokenSeal;
    }
}
