package io.pylon.server.ocpp;

import io.pylon.domain.auth.Authorization;
import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargerCommand.*;
import io.pylon.domain.command.ChargingProfile;
import io.pylon.domain.command.CommandResult;
import io.pylon.domain.command.LocalListEntry;
import io.pylon.server.ocpp.v16.IdTagInfos;
import io.pylon.ocpp.v16.Ocpp16Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Maps protocol-neutral {@link ChargerCommand}s to OCPP 1.6 CALLs, and the replies back to {@link CommandResult}s. */
final class Ocpp16Commands {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Ocpp16Commands() {}

    /** The CALL to send: action name and payload. */
    record OcppCall(String action, JsonNode payload) {}

    /** The CALL for a command, or null when OCPP 1.6 has none (the charger answers NotSupported). */
    static OcppCall toCall(ChargerCommand command) {
        ObjectNode p = JSON.objectNode();
        return switch (command) {
            case RemoteStart c -> {
                if (c.connectorId() != null) p.put("connectorId", c.connectorId());
                p.put("idTag", c.idTag());
                if (c.chargingProfile() != null) p.set("chargingProfile", profile(c.chargingProfile()));
                yield new OcppCall("RemoteStartTransaction", p);
            }
            case RemoteStop c -> new OcppCall("RemoteStopTransaction", p.put("transactionId", Math.toIntExact(c.transactionId())));
            case Reset c -> new OcppCall("Reset", p.put("type", c.hard() ? "Hard" : "Soft"));
            case UnlockConnector c -> new OcppCall("UnlockConnector", p.put("connectorId", c.connectorId()));
            case ChangeAvailability c -> new OcppCall("ChangeAvailability",
                    p.put("connectorId", c.connectorId()).put("type", c.operative() ? "Operative" : "Inoperative"));
            case GetConfiguration c -> {
                if (c.keys() != null && !c.keys().isEmpty()) c.keys().forEach(p.putArray("key")::add);
                yield new OcppCall("GetConfiguration", p);
            }
            case ChangeConfiguration c -> new OcppCall("ChangeConfiguration", p.put("key", c.key()).put("value", c.value()));
            case ClearCache c -> new OcppCall("ClearCache", p);
            case TriggerMessage c -> {
                p.put("requestedMessage", c.message());
                if (c.connectorId() != null) p.put("connectorId", c.connectorId());
                yield new OcppCall("TriggerMessage", p);
            }
            case SendLocalList c -> {
                p.put("listVersion", c.listVersion()).put("updateType", c.full() ? "Full" : "Differential");
                ArrayNode list = p.putArray("localAuthorizationList");
                c.entries().forEach(e -> list.add(entry(e)));
                yield new OcppCall("SendLocalList", p);
            }
            case GetLocalListVersion c -> new OcppCall("GetLocalListVersion", p);
            case ReserveNow c -> {
                p.put("connectorId", c.connectorId()).put("expiryDate", c.expiry().toString()).put("idTag", c.idTag())
                        .put("reservationId", c.reservationId());
                if (c.parentIdTag() != null) p.put("parentIdTag", c.parentIdTag());
                yield new OcppCall("ReserveNow", p);
            }
            case CancelReservation c -> new OcppCall("CancelReservation", p.put("reservationId", c.reservationId()));
            case SetChargingProfile c -> {
                p.put("connectorId", c.connectorId()).set("csChargingProfiles", profile(c.profile()));
                yield new OcppCall("SetChargingProfile", p);
            }
            case ClearChargingProfile c -> {
                if (c.id() != null) p.put("id", c.id());
                if (c.connectorId() != null) p.put("connectorId", c.connectorId());
                if (c.purpose() != null) p.put("chargingProfilePurpose", c.purpose());
                if (c.stackLevel() != null) p.put("stackLevel", c.stackLevel());
                yield new OcppCall("ClearChargingProfile", p);
            }
            case GetCompositeSchedule c -> {
                p.put("connectorId", c.connectorId()).put("duration", c.durationSeconds());
                if (c.rateUnit() != null) p.put("chargingRateUnit", c.rateUnit());
                yield new OcppCall("GetCompositeSchedule", p);
            }
            case UpdateFirmware c -> {
                p.put("location", c.location()).put("retrieveDate", c.retrieveDate().toString());
                if (c.retries() != null) p.put("retries", c.retries());
                if (c.retryIntervalSeconds() != null) p.put("retryInterval", c.retryIntervalSeconds());
                yield new OcppCall("UpdateFirmware", p);
            }
            case GetDiagnostics c -> {
                p.put("location", c.location());
                if (c.retries() != null) p.put("retries", c.retries());
                if (c.retryIntervalSeconds() != null) p.put("retryInterval", c.retryIntervalSeconds());
                putTime(p, "startTime", c.startTime());
                putTime(p, "stopTime", c.stopTime());
                yield new OcppCall("GetDiagnostics", p);
            }
            case DataTransfer c -> {
                p.put("vendorId", c.vendorId());
                if (c.messageId() != null) p.put("messageId", c.messageId());
                if (c.data() != null) p.put("data", c.data());
                yield new OcppCall("DataTransfer", p);
            }
            case ClockSync c -> null;
            case PushTariff c -> null;
            case ParkingLock c -> null;
            case WorkParameters c -> null;
            case CardBalance c -> null; // the gateway refuses these three before asking (NOT_SUPPORTED)
            case QueryLocalList c -> null;
            case ParallelRemoteStart c -> null;
        };
    }

    /**
     * The charger's reply as a result: {@code status} where the reply has one (UpdateFirmware has none:
     * "Accepted" once answered; GetDiagnostics answers with a file name), everything else as plain data.
     */
    @SuppressWarnings("unchecked")
    static CommandResult toResult(String action, JsonNode reply) {
        Map<String, Object> data = new LinkedHashMap<>(Ocpp16Json.mapper().convertValue(reply, Map.class));
        Object status = data.remove("status");
        if (status == null) {
            status = "Accepted";
        }
        return new CommandResult(status.toString(), data);
    }

    private static ObjectNode entry(LocalListEntry e) {
        ObjectNode entry = JSON.objectNode().put("idTag", e.idTag());
        Authorization a = e.authorization();
        if (a != null) {
            ObjectNode info = entry.putObject("idTagInfo").put("status", IdTagInfos.status(a.status()));
            putTime(info, "expiryDate", a.expiry());
            if (a.parentIdTag() != null) info.put("parentIdTag", a.parentIdTag());
        }
        return entry;
    }

    private static ObjectNode profile(ChargingProfile c) {
        ObjectNode p = JSON.objectNode().put("chargingProfileId", c.id()).put("stackLevel", c.stackLevel())
                .put("chargingProfilePurpose", c.purpose()).put("chargingProfileKind", c.kind());
        if (c.transactionId() != null) p.put("transactionId", c.transactionId());
        if (c.recurrency() != null) p.put("recurrencyKind", c.recurrency());
        putTime(p, "validFrom", c.validFrom());
        putTime(p, "validTo", c.validTo());
        ChargingProfile.Schedule s = c.schedule();
        ObjectNode schedule = p.putObject("chargingSchedule").put("chargingRateUnit", s.rateUnit());
        if (s.duration() != null) schedule.put("duration", s.duration());
        putTime(schedule, "startSchedule", s.startSchedule());
        if (s.minChargingRate() != null) schedule.put("minChargingRate", s.minChargingRate());
        ArrayNode periods = schedule.putArray("chargingSchedulePeriod");
        for (ChargingProfile.Period period : s.periods()) {
            ObjectNode n = periods.addObject().put("startPeriod", period.startPeriod()).put("limit", period.limit());
            if (period.numberPhases() != null) n.put("numberPhases", period.numberPhases());
        }
        return p;
    }

    private static void putTime(ObjectNode node, String name, Instant time) {
        if (time != null) node.put(name, time.toString());
    }
}
