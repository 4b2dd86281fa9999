package io.pylon.simulator;

import io.pylon.simulator.model.ChargingProfile;
import io.pylon.simulator.model.ChargingProfiles;
import io.pylon.simulator.ocpp.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Answers to the Smart Charging profile CALLs. Confined to the charger's event loop. */
final class SmartChargingCommands {
    private final SimulatedCharger charger;

    SmartChargingCommands(SimulatedCharger charger) {
        this.charger = charger;
    }

    private static ObjectNode status(String status) {
        return Json.object().put("status", status);
    }

    ObjectNode setChargingProfile(JsonNode p) {
        int connectorId = Json.requireInt(p, "connectorId");
        ChargingProfile profile = ChargingProfile.parse(connectorId, Json.requireObject(p, "csChargingProfiles"));
        if (connectorId < 0 || connectorId >= charger.connectors.length
                || profile.stackLevel() < 0
                || profile.stackLevel() > charger.configuration.intValue("ChargeProfileMaxStackLevel", 10)
                || profile.periods().size() > charger.configuration.intValue("ChargingScheduleMaxPeriods", 24)
                || !profile.unit().equals("A") && !profile.unit().equals("W")) {
            return status("Rejected");
        }
        switch (profile.purpose()) {
            case "ChargePointMaxProfile" -> {
                if (connectorId != 0) {
                    return status("Rejected");
                }
            }
            case "TxProfile" -> {
                Session s = connectorId == 0 ? null : charger.connectors[connectorId].session;
                if (s == null || s.stopping || profile.transactionId() != null
                        && !profile.transactionId().equals(s.transactionId)) {
                    return status("Rejected");
                }
            }
            case "TxDefaultProfile" -> {
            }
            default -> {
                return status("Rejected");
            }
        }
        long others = charger.profiles.all().stream().filter(x -> x.id() != profile.id()).count();
        if (others >= charger.configuration.intValue("MaxChargingProfilesInstalled", 20)) {
            return status("Rejected");
        }
        charger.profiles.install(profile);
        return status("Accepted");
    }

    ObjectNode clearChargingProfile(JsonNode p) {
        boolean removed = charger.profiles.clear(Json.optInt(p, "id"), Json.optInt(p, "connectorId"),
                Json.optString(p, "chargingProfilePurpose"), Json.optInt(p, "stackLevel"));
        return status(removed ? "Accepted" : "Unknown");
    }

    ObjectNode getCompositeSchedule(JsonNode p) {
        int connectorId = Json.requireInt(p, "connectorId");
        int duration = Json.requireInt(p, "duration");
        String unit = Json.optString(p, "chargingRateUnit");
        unit = unit == null ? "W" : unit;
        if (connectorId < 0 || connectorId >= charger.connectors.length || duration <= 0
                || !unit.equals("W") && !unit.equals("A")) {
            return status("Rejected");
        }
        Instant now = charger.clock.instant();
        Session s = connectorId == 0 ? null : charger.connectors[connectorId].session;
        double soc = s == null ? 50 : s.soc;
        ChargingProfiles.ToWatts toWatts = (profile, period) -> "W".equals(profile.unit()) ? period.limit()
                : charger.power.ampsToWatts(period.limit(), period.numberPhases(), soc);
        double hardware = charger.power.ratedW() * (connectorId == 0 ? charger.connectorCount() : 1);
        List<ChargingProfiles.CompositePeriod> periods = charger.profiles.composite(connectorId, now, duration,
                s == null ? null : s.start, hardware, toWatts);
        ObjectNode reply = status("Accepted").put("connectorId", connectorId).put("scheduleStart", Json.time(now));
        ObjectNode schedule = reply.putObject("chargingSchedule").put("duration", duration)
                .put("startSchedule", Json.time(now)).put("chargingRateUnit", unit);
        ArrayNode list = schedule.putArray("chargingSchedulePeriod");
        for (ChargingProfiles.CompositePeriod period : periods) {
            double limit = unit.equals("W") ? period.limitW() : charger.power.ampsToWatts(1, null, soc) == 0 ? 0
                    : period.limitW() / charger.power.ampsToWatts(1, null, soc);
            ObjectNode item = list.addObject().put("startPeriod", period.startPeriod())
                    .put("limit", BigDecimal.valueOf(limit).setScale(1, RoundingMode.HALF_UP));
            if (charger.power.kind() == ChargerKind.AC) {
                item.put("numberPhases", charger.power.phases());
            }
        }
        return reply;
    }
}
