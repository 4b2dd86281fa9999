package io.pylon.simulator.model;

import io.pylon.simulator.ocpp.Json;
import io.pylon.simulator.ocpp.OcppException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An installed OCPP 1.6 charging profile (csChargingProfiles) with the schedule arithmetic needed to find the
 * limit that applies at a given instant.
 *
 * @param connectorId  connector it is installed on (0 = whole charge point)
 * @param id           chargingProfileId
 * @param transactionId transaction it belongs to (TxProfile), or null
 * @param stackLevel   stack level
 * @param purpose      ChargePointMaxProfile, TxDefaultProfile or TxProfile
 * @param kind         Absolute, Recurring or Relative
 * @param recurrency   Daily or Weekly (Recurring only), or null
 * @param validFrom    start of validity or null
 * @param validTo      end of validity or null
 * @param duration     schedule duration in seconds or null (= unbounded)
 * @param startSchedule schedule start (Absolute / Recurring) or null
 * @param unit         A or W
 * @param periods      schedule periods, sorted by start
 */
public record ChargingProfile(int connectorId, int id, Integer transactionId, int stackLevel, String purpose,
        String kind, String recurrency, Instant validFrom, Instant validTo, Integer duration, Instant startSchedule,
        String unit, List<Period> periods) {

    /** A schedule period: offset from the schedule start, limit in the profile's unit, phases. */
    public record Period(int startPeriod, double limit, Integer numberPhases) {
    }

    /** Parses csChargingProfiles / chargingProfile JSON. */
    public static ChargingProfile parse(int connectorId, JsonNode json) {
        JsonNode schedule = Json.requireObject(json, "chargingSchedule");
        List<Period> periods = new ArrayList<>();
        JsonNode list = schedule.path("chargingSchedulePeriod");
        if (!list.isArray() || list.isEmpty()) {
            throw OcppException.missing("chargingSchedulePeriod");
        }
        for (JsonNode p : list) {
            JsonNode limit = p.get("limit");
            if (limit == null || !limit.isNumber()) {
                throw OcppException.type("limit", "a number");
            }
            periods.add(new Period(Json.requireInt(p, "startPeriod"), limit.doubleValue(), Json.optInt(p, "numberPhases")));
        }
        periods.sort((a, b) -> Integer.compare(a.startPeriod(), b.startPeriod()));
        return new ChargingProfile(connectorId, Json.requireInt(json, "chargingProfileId"),
                Json.optInt(json, "transactionId"), Json.requireInt(json, "stackLevel"),
                Json.requireString(json, "chargingProfilePurpose"), Json.requireString(json, "chargingProfileKind"),
                Json.optString(json, "recurrencyKind"), Json.optTime(json, "validFrom"), Json.optTime(json, "validTo"),
                Json.optInt(schedule, "duration"), Json.optTime(schedule, "startSchedule"),
                Json.requireString(schedule, "chargingRateUnit"), List.copyOf(periods));
    }

    /**
     * Finds the period in force at {@code t}.
     *
     * @param t       the instant
     * @param txStart start of the running transaction (for Relative profiles), or null
     * @return the period, or null when the profile does not apply at {@code t}
     */
    public Period periodAt(Instant t, Instant txStart) {
        if (validFrom != null && t.isBefore(validFrom) || validTo != null && !t.isBefore(validTo)) {
            return null;
        }
        Instant start = scheduleStart(t, txStart);
        long offset = Duration.between(start, t).getSeconds();
        if (offset < 0 || duration != null && offset >= duration) {
            return null;
        }
        Period found = null;
        for (Period period : periods) {
            if (period.startPeriod() <= offset) {
                found = period;
            }
        }
        return found;
    }

    private Instant scheduleStart(Instant t, Instant txStart) {
        switch (kind) {
            case "Relative":
                return txStart != null ? txStart : t;
            case "Recurring": {
                Instant base = startSchedule != null ? startSchedule : (validFrom != null ? validFrom : Instant.EPOCH);
                long cycle = "Weekly".equals(recurrency) ? 7 * 86400L : 86400L;
                long elapsed = Duration.between(base, t).getSeconds();
                return elapsed < 0 ? base : base.plusSeconds(Math.floorDiv(elapsed, cycle) * cycle);
            }
            default:
                return startSchedule != null ? startSchedule : (txStart != null ? txStart : t);
        }
    }
}
