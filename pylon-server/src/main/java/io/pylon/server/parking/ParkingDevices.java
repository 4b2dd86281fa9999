package io.pylon.server.parking;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandService;
import io.pylon.domain.parking.BayState;
import io.pylon.server.mqtt.Mqtt;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParking.BayRow;
import io.pylon.server.persistence.JooqParking.ParkingGate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives parking locks and barrier gates (docs/parking.md has the MQTT contract).
 * <ul>
 *   <li>A YKC pile's own parking lock: {@link ChargerCommand.ParkingLock} (frame 0x62) through the command service.</li>
 *   <li>Any other lock: {@code pylon/<operator code>/lock/<lock id>/cmd} with {@code {"action":"lower"|"raise",...}};
 *       the lock reports {@code .../state} with {@code {"state":"raised"|"lowered"|"moving"|"fault"}}.</li>
 *   <li>Barrier gates: {@code pylon/<operator code>/barrier/<gate id>/cmd} with {@code {"action":"open"|"deny",...}};
 *       the gate reports {@code .../state} with {@code {"state":"open"|"closed"|"fault"}}.</li>
 * </ul>
 * Every command and report goes into the bay's history (or the gate's state); a command that cannot be sent is said so
 * there, and never fails the event that caused it.
 */
@Component
public class ParkingDevices {

    private static final Logger log = LoggerFactory.getLogger(ParkingDevices.class);
    static final String LOCK_STATES = "pylon/+/lock/+/state";
    static final String GATE_STATES = "pylon/+/barrier/+/state";

    private final Mqtt mqtt;
    private final CommandService commands;
    private final JooqParking parking;
    private final JsonMapper json;
    private final Clock clock;
    /** Told of lock reports (set by the parking service: fault alarms). */
    private volatile LockListener lockListener = (bay, state, at) -> { };

    /** Hears what a lock reported about itself. */
    interface LockListener {
        void reported(BayRow bay, String state, Instant at);
    }

    public ParkingDevices(Mqtt mqtt, CommandService commands, JooqParking parking, JsonMapper json, Clock clock) {
        this.mqtt = mqtt;
        this.commands = commands;
        this.parking = parking;
        this.json = json;
        this.clock = clock;
        mqtt.subscribe(LOCK_STATES, this::lockReport);
        mqtt.subscribe(GATE_STATES, this::gateReport);
    }

    void onLockReport(LockListener listener) {
        this.lockListener = listener;
    }

    /** Lowers the bay's lock (lets the vehicle in); answers what was done. */
    String lower(BayRow bay, BayState state, String plate, String reason, Instant at) {
        return lock(bay, state, plate, false, reason, at);
    }

    /** Raises the bay's lock (the bay is empty); answers what was done. */
    String raise(BayRow bay, BayState state, String reason, Instant at) {
        return lock(bay, state, null, true, reason, at);
    }

    private String lock(BayRow bay, BayState state, String plate, boolean raise, String reason, Instant at) {
        String action = raise ? "raise" : "lower";
        String done;
        switch (bay.lockKind()) {
            case "YKC" -> {
                commands.send(bay.chargerId(), new ChargerCommand.ParkingLock(bay.connectorId(), raise))
                        .orTimeout(60, TimeUnit.SECONDS)
                        .whenComplete((result, error) -> parking.history(bay.id(), clock.instant(), state, plate,
                                "pile answered lock " + action + ": " + (error == null ? result.status() : "failed (" + root(error) + ")")));
                done = "lock " + action + " sent to pile " + bay.chargerId() + " (" + reason + ")";
            }
            case "MQTT" -> {
                Map<String, Object> command = new LinkedHashMap<>();
                command.put("action", action);
                command.put("bay", bay.name());
                if (plate != null) command.put("plate", plate);
                command.put("reason", reason);
                command.put("requestId", UUID.randomUUID().toString());
                command.put("at", at.toString());
                done = publish(topic(bay.operatorId(), "lock", bay.lockId(), "cmd"), command,
                        "lock " + action + " to " + bay.lockId() + " (" + reason + ")");
            }
            default -> {
                return null;
            }
        }
        parking.history(bay.id(), at, state, plate, done);
        return done;
    }

    /** Opens a barrier gate, or tells it the vehicle may not pass (for its display); answers what was done. */
    String gate(ParkingGate gate, boolean open, String plate, String reason, Instant at) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("action", open ? "open" : "deny");
        command.put("plate", plate);
        command.put("reason", reason);
        command.put("requestId", UUID.randomUUID().toString());
        command.put("at", at.toString());
        return publish(topic(gate.operatorId(), "barrier", gate.id(), "cmd"), command,
                "gate " + gate.id() + (open ? " open" : " deny") + " for " + plate + " (" + reason + ")");
    }

    /** Publishes a command; answers "{what} sent", or "{what} NOT sent: why". */
    private String publish(String topic, Map<String, Object> command, String what) {
        try {
            mqtt.publish(topic, json.writeValueAsBytes(command), false);
            return what + " sent";
        } catch (RuntimeException e) {
            log.warn("Parking device command to {} not sent: {}", topic, e.getMessage());
            return what + " NOT sent: " + e.getMessage();
        }
    }

    String topic(long operatorId, String kind, String deviceId, String leaf) {
        return "pylon/" + parking.operatorCode(operatorId) + "/" + kind + "/" + deviceId + "/" + leaf;
    }

    private void lockReport(String topic, byte[] payload) {
        String[] parts = topic.split("/");
        if (parts.length != 5) return;
        var operator = parking.operatorByCode(parts[1]);
        var bay = operator.flatMap(op -> parking.bayWithLock(op, parts[3]));
        if (bay.isEmpty()) {
            log.debug("State of unknown lock on {}", topic);
            return;
        }
        Report report = report(topic, payload);
        if (report == null) return;
        parking.lockState(bay.get().id(), report.state(), report.at());
        parking.history(bay.get().id(), report.at(), bay.get().bay().state(), bay.get().bay().plate(), "lock reports " + report.state());
        lockListener.reported(bay.get(), report.state(), report.at());
    }

    private void gateReport(String topic, byte[] payload) {
        String[] parts = topic.split("/");
        if (parts.length != 5) return;
        var operator = parking.operatorByCode(parts[1]);
        var gate = operator.flatMap(op -> parking.gate(io.pylon.domain.tenant.TenantScope.operator(op), parts[3]));
        Report report = gate.isEmpty() ? null : report(topic, payload);
        if (report != null) {
            parking.gateState(gate.get().id(), report.state(), report.at());
        }
    }

    private record Report(String state, Instant at) {}

    /** {"state":"…","at":"…"} with a known state (the time is optional); null, logged, for anything else. */
    private Report report(String topic, byte[] payload) {
        try {
            JsonNode node = json.readTree(new String(payload, StandardCharsets.UTF_8));
            String state = node.path("state").asString("").strip().toLowerCase(java.util.Locale.ROOT);
            if (!state.matches("raised|lowered|moving|fault|open|closed")) {
                log.warn("Report on {} with unknown state '{}' ignored", topic, state);
                return null;
            }
            Instant at = node.hasNonNull("at") ? Instant.parse(node.get("at").asString()) : clock.instant();
            return new Report(state, at);
        } catch (RuntimeException e) {
            log.warn("Report on {} is not {{\"state\":...}}: {}", topic, e.getMessage());
            return null;
        }
    }

    private static String root(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
