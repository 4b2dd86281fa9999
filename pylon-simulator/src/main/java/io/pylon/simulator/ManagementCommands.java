package io.pylon.simulator;

import io.pylon.simulator.ocpp.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers to the Local Auth List Management, Reservation and Firmware Management CALLs.
 * Confined to the charger's event loop.
 */
final class ManagementCommands {
    /** Seconds between the simulated firmware and diagnostics steps. */
    static final long STEP_SECONDS = 1;
    private final SimulatedCharger charger;

    ManagementCommands(SimulatedCharger charger) {
        this.charger = charger;
    }

    private static ObjectNode status(String status) {
        return Json.object().put("status", status);
    }

    ObjectNode sendLocalList(JsonNode p) {
        if (!charger.configuration.boolValue("LocalAuthListEnabled")) {
            Json.requireInt(p, "listVersion");
            return status("NotSupported");
        }
        int max = charger.configuration.intValue("LocalAuthListMaxLength", 1000);
        return status(charger.authList.apply(p, max));
    }

    ObjectNode getLocalListVersion() {
        int version = charger.configuration.boolValue("LocalAuthListEnabled") ? charger.authList.version() : -1;
        return Json.object().put("listVersion", version);
    }

    ObjectNode reserveNow(JsonNode p, List<Runnable> after) {
        int connectorId = Json.requireInt(p, "connectorId");
        Instant expiry = Json.requireTime(p, "expiryDate");
        String idTag = Json.requireString(p, "idTag");
        String parentIdTag = Json.optString(p, "parentIdTag");
        int reservationId = Json.requireInt(p, "reservationId");
        if (!charger.validConnector(connectorId) || !expiry.isAfter(charger.clock.instant())) {
            return status("Rejected");
        }
        ConnectorState c = charger.connectors[connectorId];
        if (c.inoperative || charger.connectors[0].inoperative || c.status == ConnectorStatus.Unavailable) {
            return status("Unavailable");
        }
        if (c.status == ConnectorStatus.Faulted) {
            return status("Faulted");
        }
        boolean sameReservation = c.reservation != null && c.reservation.id == reservationId;
        if (c.session != null || c.preparing || c.reservation != null && !sameReservation
                || c.status != ConnectorStatus.Available && c.status != ConnectorStatus.Reserved) {
            return status("Occupied");
        }
        after.add(() -> {
            removeReservation(reservationId);
            ConnectorState.Reservation r = new ConnectorState.Reservation(reservationId, idTag, parentIdTag, expiry);
            c.reservation = r;
            long millis = Math.max(0, Duration.between(charger.clock.instant(), expiry).toMillis());
            r.expiryTimer = charger.loop.schedule(() -> {
                if (c.reservation == r) {
                    c.reservation = null;
                    if (c.session == null && !c.preparing) {
                        charger.sessions.setStatus(c, c.idleStatus());
                    }
                }
            }, millis, TimeUnit.MILLISECONDS);
            charger.sessions.setStatus(c, ConnectorStatus.Reserved);
        });
        return status("Accepted");
    }

    ObjectNode cancelReservation(JsonNode p, List<Runnable> after) {
        int reservationId = Json.requireInt(p, "reservationId");
        for (int i = 1; i < charger.connectors.length; i++) {
            ConnectorState.Reservation r = charger.connectors[i].reservation;
            if (r != null && r.id == reservationId) {
                after.add(() -> removeReservation(reservationId));
                return status("Accepted");
            }
        }
        return status("Rejected");
    }

    private void removeReservation(int reservationId) {
        for (int i = 1; i < charger.connectors.length; i++) {
            ConnectorState c = charger.connectors[i];
            if (c.reservation != null && c.reservation.id == reservationId) {
                c.reservation.cancelTimer();
                c.reservation = null;
                if (c.session == null && !c.preparing && c.status == ConnectorStatus.Reserved) {
                    charger.sessions.setStatus(c, c.idleStatus());
                }
            }
        }
    }

    ObjectNode updateFirmware(JsonNode p, List<Runnable> after) {
        Json.requireString(p, "location");
        Instant retrieve = Json.requireTime(p, "retrieveDate");
        long delay = Math.max(0, Duration.between(charger.clock.instant(), retrieve).toMillis());
        after.add(() -> charger.loop.schedule(() -> firmwareStep(0), delay, TimeUnit.MILLISECONDS));
        return Json.object();
    }

    private void firmwareStep(int step) {
        String[] steps = {"Downloading", "Downloaded", "Installing", "Installed"};
        charger.firmwareStatus = steps[step];
        if (step == 3) {
            charger.firmwareVersion = nextVersion(charger.firmwareVersion);
        }
        if (charger.online()) {
            charger.calls.send("FirmwareStatusNotification", Json.object().put("status", steps[step]));
        }
        if (step < 3) {
            charger.loop.schedule(() -> firmwareStep(step + 1), STEP_SECONDS, TimeUnit.SECONDS);
        } else {
            charger.loop.schedule(() -> charger.reboot("Reboot"), STEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    static String nextVersion(String version) {
        int dot = version.lastIndexOf('.');
        try {
            return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return version + ".1";
        }
    }

    ObjectNode getDiagnostics(JsonNode p, List<Runnable> after) {
        Json.requireString(p, "location");
        Json.optTime(p, "startTime");
        Json.optTime(p, "stopTime");
        String fileName = "diagnostics-" + charger.id + "-" + charger.clock.instant().getEpochSecond() + ".zip";
        after.add(() -> {
            diagnostics("Uploading");
            charger.loop.schedule(() -> diagnostics("Uploaded"), 2 * STEP_SECONDS, TimeUnit.SECONDS);
        });
        return Json.object().put("fileName", fileName);
    }

    private void diagnostics(String status) {
        charger.diagnosticsStatus = status;
        if (charger.online()) {
            charger.calls.send("DiagnosticsStatusNotification", Json.object().put("status", status));
        }
    }
}
