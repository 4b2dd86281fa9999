package io.pylon.simulator;

import io.pylon.simulator.model.ChargingProfile;
import io.pylon.simulator.model.Configuration;
import io.pylon.simulator.ocpp.Json;
import io.pylon.simulator.ocpp.OcppException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Answers to the Core and Remote Trigger profile CALLs. Confined to the charger's event loop. */
final class CoreCommands {
    private final SimulatedCharger charger;

    CoreCommands(SimulatedCharger charger) {
        this.charger = charger;
    }

    private static ObjectNode status(String status) {
        return Json.object().put("status", status);
    }

    ObjectNode remoteStart(JsonNode p, List<Runnable> after) {
        String idTag = Json.requireString(p, "idTag");
        Integer connectorId = Json.optInt(p, "connectorId");
        ChargingProfile profile = null;
        if (p.hasNonNull("chargingProfile")) {
            profile = ChargingProfile.parse(connectorId == null ? 1 : connectorId, Json.requireObject(p, "chargingProfile"));
            if (!"TxProfile".equals(profile.purpose())) {
                return status("Rejected");
            }
        }
        int chosen = -1;
        if (connectorId == null) {
            for (int c = 1; c < charger.connectors.length && chosen < 0; c++) {
                if (charger.sessions.canStart(charger.connectors[c], idTag)) {
                    chosen = c;
                }
            }
        } else if (charger.validConnector(connectorId) && charger.sessions.canStart(charger.connectors[connectorId], idTag)) {
            chosen = connectorId;
        }
        if (chosen < 0) {
            return status("Rejected");
        }
        int target = chosen;
        ChargingProfile txProfile = profile == null ? null : new ChargingProfile(target, profile.id(), null,
                profile.stackLevel(), profile.purpose(), profile.kind(), profile.recurrency(), profile.validFrom(),
                profile.validTo(), profile.duration(), profile.startSchedule(), profile.unit(), profile.periods());
        after.add(() -> charger.sessions.start(target, idTag, true, txProfile));
        return status("Accepted");
    }

    ObjectNode remoteStop(JsonNode p, List<Runnable> after) {
        int transactionId = Json.requireInt(p, "transactionId");
        for (int c = 1; c < charger.connectors.length; c++) {
            Session s = charger.connectors[c].session;
            if (s != null && !s.stopping && s.transactionId != null && s.transactionId == transactionId) {
                int connectorId = c;
                after.add(() -> charger.sessions.stop(connectorId, "Remote"));
                return status("Accepted");
            }
        }
        return status("Rejected");
    }

    ObjectNode reset(JsonNode p, List<Runnable> after) {
        String type = Json.requireString(p, "type");
        if (!type.equals("Hard") && !type.equals("Soft")) {
            throw new OcppException("PropertyConstraintViolation", "type must be Hard or Soft");
        }
        after.add(() -> charger.reboot(type.equals("Hard") ? "HardReset" : "SoftReset"));
        return status("Accepted");
    }

    ObjectNode unlock(JsonNode p, List<Runnable> after) {
        int connectorId = Json.requireInt(p, "connectorId");
        if (!charger.validConnector(connectorId)) {
            return status("NotSupported");
        }
        after.add(() -> charger.sessions.stop(connectorId, "UnlockCommand"));
        return status("Unlocked");
    }

    ObjectNode changeAvailability(JsonNode p, List<Runnable> after) {
        int connectorId = Json.requireInt(p, "connectorId");
        String type = Json.requireString(p, "type");
        if (connectorId < 0 || connectorId >= charger.connectors.length
                || !type.equals("Operative") && !type.equals("Inoperative")) {
            return status("Rejected");
        }
        boolean inoperative = type.equals("Inoperative");
        List<ConnectorState> targets = new ArrayList<>();
        if (connectorId == 0) {
            targets.addAll(List.of(charger.connectors));
        } else {
            targets.add(charger.connectors[connectorId]);
        }
        boolean scheduled = inoperative && targets.stream().anyMatch(c -> c.session != null || c.preparing);
        after.add(() -> targets.forEach(c -> apply(c, inoperative)));
        return status(scheduled ? "Scheduled" : "Accepted");
    }

    private void apply(ConnectorState c, boolean inoperative) {
        if (inoperative && (c.session != null || c.preparing)) {
            c.inoperativeScheduled = true;
            return;
        }
        c.inoperativeScheduled = false;
        c.inoperative = inoperative;
        if (c.session == null && !c.preparing && c.status != ConnectorStatus.Finishing) {
            charger.sessions.setStatus(c, c.idleStatus());
        }
    }

    ObjectNode getConfiguration(JsonNode p) {
        ObjectNode reply = Json.object();
        ArrayNode known = reply.putArray("configurationKey");
        JsonNode keys = p.path("key");
        List<Configuration.Entry> entries = new ArrayList<>();
        if (keys.isArray() && !keys.isEmpty()) {
            ArrayNode unknown = Json.array();
            for (JsonNode key : keys) {
                Configuration.Entry entry = key.isString() ? charger.configuration.get(key.stringValue()) : null;
                if (entry != null) {
                    entries.add(entry);
                } else {
                    String text = key.asString("");
                    unknown.add(text.length() > 50 ? text.substring(0, 50) : text);
                }
            }
            if (!unknown.isEmpty()) {
                reply.set("unknownKey", unknown);
            }
        } else {
            entries.addAll(charger.configuration.all().values());
        }
        entries.forEach(e -> known.add(Json.object().put("key", e.key()).put("readonly", e.readonly())
                .put("value", e.value())));
        return reply;
    }

    ObjectNode changeConfiguration(JsonNode p, List<Runnable> after) {
        String key = Json.requireString(p, "key");
        String value = Json.requireString(p, "value");
        String result = charger.configuration.change(key, value);
        if ("Accepted".equals(result)) {
            if (key.equals("HeartbeatInterval")) {
                after.add(charger.protocol::scheduleHeartbeat);
            } else if (key.equals("MeterValueSampleInterval")) {
                after.add(charger.sessions::restartMeterTimers);
            }
        }
        return status(result);
    }

    ObjectNode clearCache() {
        charger.authList.clearCache();
        return status("Accepted");
    }

    ObjectNode dataTransfer(JsonNode p) {
        String vendorId = Json.requireString(p, "vendorId");
        if (!vendorId.equals(charger.config.vendor())) {
            return status("UnknownVendorId");
        }
        ObjectNode reply = status("Accepted");
        String data = Json.optString(p, "data");
        if (data != null) {
            reply.put("data", data);
        }
        return reply;
    }

    ObjectNode trigger(JsonNode p, List<Runnable> after) {
        String requested = Json.requireString(p, "requestedMessage");
        Integer connectorId = Json.optInt(p, "connectorId");
        if (connectorId != null && (connectorId < 0 || connectorId >= charger.connectors.length)) {
            return status("Rejected");
        }
        switch (requested) {
            case "BootNotification" -> after.add(charger.protocol::boot);
            case "Heartbeat" -> after.add(charger.protocol::sendHeartbeat);
            case "StatusNotification" -> after.add(() -> {
                if (connectorId == null) {
                    charger.sessions.reportAllStatuses();
                } else {
                    charger.sessions.sendStatus(charger.connectors[connectorId]);
                }
            });
            case "MeterValues" -> after.add(() -> {
                for (int c = 1; c < charger.connectors.length; c++) {
                    if (connectorId == null || connectorId == 0 || connectorId == c) {
                        charger.sessions.sampleNow(charger.connectors[c], "Trigger");
                    }
                }
            });
            case "FirmwareStatusNotification" -> after.add(() -> charger.calls.send("FirmwareStatusNotification",
                    Json.object().put("status", charger.firmwareStatus)));
            case "DiagnosticsStatusNotification" -> after.add(() -> charger.calls.send(
                    "DiagnosticsStatusNotification", Json.object().put("status", charger.diagnosticsStatus)));
            default -> {
                return status("NotImplemented");
            }
        }
        return status("Accepted");
    }
}
