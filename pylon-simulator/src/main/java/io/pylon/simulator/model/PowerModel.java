package io.pylon.simulator.model;

import io.pylon.simulator.ChargerKind;

/**
 * Electrical model of one connector: how much power flows given the time since the session started, the
 * vehicle's state of charge and the smart-charging limit. AC delivers its rated power flat; DC ramps up over
 * {@link #DC_RAMP_SECONDS} and tapers linearly from 80 % SoC down to a trickle at 100 %.
 *
 * @param kind     AC or DC
 * @param ratedW   rated power in W
 * @param phases   number of phases (1 or 3 for AC; 1 for DC bookkeeping)
 */
public record PowerModel(ChargerKind kind, double ratedW, int phases) {
    /** Seconds a DC charger needs to reach its rated power. */
    public static final double DC_RAMP_SECONDS = 15.0;
    /** Nominal AC phase voltage (V). */
    public static final double AC_VOLTAGE = 230.0;

    /** @return an AC model; 7.4 kW is single phase, anything above three phase */
    public static PowerModel ac(double ratedW) {
        return new PowerModel(ChargerKind.AC, ratedW, ratedW <= 7400 ? 1 : 3);
    }

    /** @return a DC model with the given rated power */
    public static PowerModel dc(double ratedW) {
        return new PowerModel(ChargerKind.DC, ratedW, 1);
    }

    /**
     * @param secondsSinceStart time since energy started flowing
     * @param socPercent        vehicle state of charge 0..100
     * @param limitW            smart-charging limit in W ({@code Double.POSITIVE_INFINITY} when none)
     * @return the active import power in W
     */
    public double powerW(double secondsSinceStart, double socPercent, double limitW) {
        if (socPercent >= 100.0) {
            return 0.0;
        }
        double power = ratedW;
        if (kind == ChargerKind.DC) {
            double ramp = Math.min(1.0, 0.1 + 0.9 * Math.max(0.0, secondsSinceStart) / DC_RAMP_SECONDS);
            double taper = socPercent <= 80.0 ? 1.0 : Math.max(0.05, 1.0 - (socPercent - 80.0) / 20.0 * 0.95);
            power = ratedW * ramp * taper;
        } else if (socPercent > 97.0) {
            power = ratedW * 0.5;
        }
        return Math.max(0.0, Math.min(power, limitW));
    }

    /** @return the voltage reported with meter values: AC phase voltage or DC battery voltage for this SoC */
    public double voltage(double socPercent) {
        return kind == ChargerKind.AC ? AC_VOLTAGE : 340.0 + 0.8 * Math.min(100.0, socPercent);
    }

    /** @return the current per phase (AC) or the DC current in A for a given power */
    public double current(double powerW, double socPercent) {
        return powerW / (voltage(socPercent) * phases);
    }

    /** Converts a limit in A (per phase) into W for this connector. */
    public double ampsToWatts(double amps, Integer numberPhases, double socPercent) {
        int p = kind == ChargerKind.AC ? (numberPhases == null ? phases : numberPhases) : 1;
        return amps * voltage(socPercent) * p;
    }
}
