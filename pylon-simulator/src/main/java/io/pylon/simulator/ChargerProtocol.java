package io.pylon.simulator;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import io.pylon.simulator.ocpp.Json;
import io.pylon.simulator.ocpp.OcppException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OCPP-J side of a charger: BootNotification (with retry while Pending / Rejected), Heartbeat, and the
 * handling of incoming frames (CALLs answered through {@link Commands}, CALLRESULT / CALLERROR routed to the
 * {@link CallQueue}). Confined to the charger's event loop.
 */
final class ChargerProtocol {
    private static final Logger log = LoggerFactory.getLogger(ChargerProtocol.class);
    private final SimulatedCharger charger;
    private final Commands commands;
    private ScheduledFuture<?> heartbeatTimer;
    private ScheduledFuture<?> bootRetryTimer;

    ChargerProtocol(SimulatedCharger charger) {
        this.charger = charger;
        this.commands = new Commands(charger);
    }

    void stopTimers() {
        SimulatedCharger.cancel(heartbeatTimer);
        SimulatedCharger.cancel(bootRetryTimer);
    }

    // ---------------------------------------------------------------- boot and heartbeat

    void boot() {
        SimulatedCharger.cancel(bootRetryTimer);
        String serial = charger.id.length() > 25 ? charger.id.substring(charger.id.length() - 25) : charger.id;
        ObjectNode payload = Json.object()
                .put("chargePointVendor", truncate(charger.config.vendor(), 20))
                .put("chargePointModel", truncate(charger.config.model() + "-" + charger.power.kind(), 20))
                .put("chargePointSerialNumber", serial).put("chargeBoxSerialNumber", serial)
                .put("firmwareVersion", charger.firmwareVersion)
                .put("iccid", String.format("8949%016d", Math.floorMod((long) charger.id.hashCode(), 10_000_000_000_000_000L)))
                .put("imsi", String.format("26201%010d", Math.floorMod((long) charger.id.hashCode(), 10_000_000_000L)))
                .put("meterType", "PylonSim Meter").put("meterSerialNumber", "M-" + serial.substring(0, Math.min(23, serial.length())));
        charger.calls.sendBypassingGate("BootNotification", payload, true).whenComplete((reply, error) -> {
            if (error != null) {
                bootRetryTimer = charger.loop.schedule(this::bootIfConnected, 10, TimeUnit.SECONDS);
                return;
            }
            String status = reply.path("status").asString("");
            int interval = reply.path("interval").asInt(0);
            if ("Accepted".equals(status)) {
                if (interval > 0 && charger.config.heartbeatInterval() == null) {
                    charger.configuration.put("HeartbeatInterval", Integer.toString(interval));
                }
                boolean first = !charger.registered;
                charger.registered = true;
                charger.calls.setAccepted(true);
                scheduleHeartbeat();
                if (first) {
                    charger.sessions.reportAllStatuses();
                }
            } else if (!charger.registered) {
                bootRetryTimer = charger.loop.schedule(this::bootIfConnected, interval > 0 ? interval : 10, TimeUnit.SECONDS);
            }
        });
    }

    private void bootIfConnected() {
        if (charger.connected && !charger.registered) {
            boot();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    void scheduleHeartbeat() {
        SimulatedCharger.cancel(heartbeatTimer);
        int seconds = charger.configuration.intValue("HeartbeatInterval", 300);
        if (seconds <= 0) {
            return;
        }
        heartbeatTimer = charger.loop.schedule(() -> {
            if (charger.online()) {
                charger.calls.send("Heartbeat", Json.object());
            }
            scheduleHeartbeat();
        }, seconds, TimeUnit.SECONDS);
    }

    void sendHeartbeat() {
        charger.calls.send("Heartbeat", Json.object());
    }

    // ---------------------------------------------------------------- incoming frames

    void received(String text) {
        charger.recorder.received();
        String messageId = "-1";
        try {
            JsonNode msg = Json.parse(text);
            if (!msg.isArray() || msg.size() < 3 || !msg.get(0).isIntegralNumber()) {
                throw OcppException.formation("not an OCPP-J message array");
            }
            if (msg.get(1).isString()) {
                messageId = msg.get(1).stringValue();
            } else {
                throw OcppException.formation("message id must be a string");
            }
            switch (msg.get(0).intValue()) {
                case 2 -> {
                    if (msg.size() != 4 || !msg.get(2).isString() || !msg.get(3).isObject()) {
                        throw OcppException.formation("CALL must be [2, id, action, {payload}]");
                    }
                    handleCall(messageId, msg.get(2).stringValue(), msg.get(3));
                }
                case 3 -> charger.calls.onResult(messageId, msg.get(2));
                case 4 -> charger.calls.onError(messageId, msg.get(2).asString("GenericError"),
                        msg.size() > 3 ? msg.get(3).asString("") : "");
                default -> throw OcppException.formation("unknown message type " + msg.get(0));
            }
        } catch (OcppException e) {
            send(Json.callError(messageId, e.errorCode(), e.getMessage()));
        }
    }

    private void handleCall(String messageId, String action, JsonNode payload) {
        List<Runnable> after = new ArrayList<>();
        String reply;
        try {
            ObjectNode result = commands.handle(action, payload, after);
            reply = Json.callResult(messageId, result);
        } catch (OcppException e) {
            after.clear();
            reply = Json.callError(messageId, e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{}: failed to handle {}", charger.id, action, e);
            after.clear();
            reply = Json.callError(messageId, "InternalError", String.valueOf(e.getMessage()));
        }
        send(reply);
        after.forEach(Runnable::run);
    }

    private void send(String text) {
        Channel ch = charger.channel;
        if (ch != null) {
            ch.writeAndFlush(new TextWebSocketFrame(text));
        }
    }
}
