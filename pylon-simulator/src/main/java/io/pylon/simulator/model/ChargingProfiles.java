package io.pylon.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The charging profiles installed on a charge point and the limit arithmetic of OCPP 1.6 Smart Charging:
 * within a purpose the highest stack level wins, a TxProfile overrides TxDefaultProfiles, a connector's
 * TxDefaultProfile overrides the one on connector 0, and ChargePointMaxProfile caps everything.
 * Not thread-safe: used from the owning charger's event loop.
 */
public final class ChargingProfiles {
    /** Converts a limit of a period into watts for a connector. */
    @FunctionalInterface
    public interface ToWatts {
        /** @return the period's limit in W */
        double watts(ChargingProfile profile, ChargingProfile.Period period);
    }

    /** A period of a composite schedule: start offset in seconds and limit in W. */
    public record CompositePeriod(int startPeriod, double limitW) {
    }

    private final List<ChargingProfile> profiles = new ArrayList<>();

    /** Installs a profile, replacing one with the same id or the same connector, purpose and stack level. */
    public void install(ChargingProfile profile) {
        profiles.removeIf(p -> p.id() == profile.id() || p.connectorId() == profile.connectorId()
                && p.purpose().equals(profile.purpose()) && p.stackLevel() == profile.stackLevel());
        profiles.add(profile);
    }

    /**
     * Removes profiles matching all given criteria (null = any).
     *
     * @return whether at least one profile was removed
     */
    public boolean clear(Integer id, Integer connectorId, String purpose, Integer stackLevel) {
        Predicate<ChargingProfile> match = p -> (id == null || p.id() == id)
                && (connectorId == null || p.connectorId() == connectorId)
                && (purpose == null || p.purpose().equals(purpose))
                && (stackLevel == null || p.stackLevel() == stackLevel);
        return profiles.removeIf(match);
    }

    /** Removes the TxProfiles of a connector (end of transaction). */
    public void clearTxProfiles(int connectorId) {
        profiles.removeIf(p -> p.connectorId() == connectorId && "TxProfile".equals(p.purpose()));
    }

    /** @return a copy of the installed profiles */
    public List<ChargingProfile> all() {
        return List.copyOf(profiles);
    }

    /**
     * @param connectorId connector (1..n)
     * @param t           instant
     * @param txStart     start of the running transaction, or null when none (TxProfiles then do not apply)
     * @param toWatts     unit conversion
     * @return the limit in W, or {@code Double.POSITIVE_INFINITY} when no profile applies
     */
    public double limitW(int connectorId, Instant t, Instant txStart, ToWatts toWatts) {
        double limit = Double.POSITIVE_INFINITY;
        Double cpMax = best(0, "ChargePointMaxProfile", t, txStart, toWatts);
        if (cpMax != null) {
            limit = cpMax;
        }
        Double tx = txStart == null ? null : best(connectorId, "TxProfile", t, txStart, toWatts);
        if (tx == null) {
            tx = best(connectorId, "TxDefaultProfile", t, txStart, toWatts);
        }
        if (tx == null) {
            tx = best(0, "TxDefaultProfile", t, txStart, toWatts);
        }
        return tx == null ? limit : Math.min(limit, tx);
    }

    private Double best(int connectorId, String purpose, Instant t, Instant txStart, ToWatts toWatts) {
        ChargingProfile bestProfile = null;
        ChargingProfile.Period bestPeriod = null;
        for (ChargingProfile p : profiles) {
            if (p.connectorId() != connectorId || !p.purpose().equals(purpose)) {
                continue;
            }
            ChargingProfile.Period period = p.periodAt(t, txStart);
            if (period != null && (bestProfile == null || p.stackLevel() > bestProfile.stackLevel())) {
                bestProfile = p;
                bestPeriod = period;
            }
        }
        return bestProfile == null ? null : toWatts.watts(bestProfile, bestPeriod);
    }

    /**
     * Computes the composite schedule for a connector with one-second resolution, merging equal neighbours.
     *
     * @param connectorId connector (0 = whole charge point)
     * @param start       schedule start
     * @param durationS   duration in seconds (capped at one week)
     * @param txStart     transaction start or null
     * @param hardwareW   physical limit used where no profile applies
     * @param toWatts     unit conversion
     * @return periods, the first starting at 0
     */
    public List<CompositePeriod> composite(int connectorId, Instant start, int durationS, Instant txStart,
            double hardwareW, ToWatts toWatts) {
        List<CompositePeriod> result = new ArrayList<>();
        int duration = Math.max(1, Math.min(durationS, 7 * 86400));
        double previous = Double.NaN;
        for (int s = 0; s < duration; s++) {
            Instant t = start.plusSeconds(s);
            double limit = connectorId == 0
                    ? Math.min(hardwareW, orInfinity(best(0, "ChargePointMaxProfile", t, txStart, toWatts)))
                    : Math.min(hardwareW, limitW(connectorId, t, txStart, toWatts));
            if (limit != previous) {
                result.add(new CompositePeriod(s, limit));
                previous = limit;
            }
        }
        return result;
    }

    private static double orInfinity(Double value) {
        return value == null ? Double.POSITIVE_INFINITY : value;
    }
}
