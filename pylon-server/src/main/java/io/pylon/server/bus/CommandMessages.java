package io.pylon.server.bus;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A routed command and its answer on the wire. The request names the node that must execute it and the node
 * waiting for the answer; the answer carries the request's correlation id and either the charger's result or
 * why there is none.
 */
final class CommandMessages {

    private CommandMessages() {}

    /** @param deadline after this the caller has given up; a node receiving it later does not execute it */
    record Request(String correlationId, String fromNode, String toNode, String chargerId, ChargerCommand command,
                   Instant deadline) {}

    /**
     * @param failure null = answered; else a {@link CommandFailure.Kind} name, or {@code INVALID} for a command
     *                the executing node refused as malformed
     */
    record Reply(String correlationId, String toNode, CommandResult result, String failure, String message) {

        static Reply answered(Request request, CommandResult result) {
            return new Reply(request.correlationId(), request.fromNode(), result, null, null);
        }

        static Reply failed(Request request, Throwable error) {
            if (error instanceof CommandFailure f) {
                return new Reply(request.correlationId(), request.fromNode(), null, f.kind().name(), f.getMessage());
            }
            if (error instanceof IllegalArgumentException) {
                return new Reply(request.correlationId(), request.fromNode(), null, "INVALID", error.getMessage());
            }
            return new Reply(request.correlationId(), request.fromNode(), null, CommandFailure.Kind.CHARGER_ERROR.name(),
                    "The node holding the charger failed: " + error);
        }

        /** The failure as the exception the caller's future completes with. */
        RuntimeException error() {
            if ("INVALID".equals(failure)) return new IllegalArgumentException(message);
            return new CommandFailure(CommandFailure.Kind.valueOf(failure), message);
        }
    }

    static String write(Request r) {
        ObjectNode node = BusCodec.json().createObjectNode();
        node.put("correlationId", r.correlationId());
        node.put("fromNode", r.fromNode());
        node.put("toNode", r.toNode());
        node.put("chargerId", r.chargerId());
        node.put("deadline", r.deadline().toString());
        node.set("command", BusCodec.writeCommand(r.command()));
        return BusCodec.json().writeValueAsString(node);
    }

    static Request readRequest(String text) {
        JsonNode node = BusCodec.json().readTree(text);
        return new Request(node.required("correlationId").asString(), node.required("fromNode").asString(),
                node.required("toNode").asString(), node.required("chargerId").asString(),
                BusCodec.readCommand(node.required("command")), Instant.parse(node.required("deadline").asString()));
    }

    static String write(Reply r) {
        ObjectNode node = BusCodec.json().createObjectNode();
        node.put("correlationId", r.correlationId());
        node.put("toNode", r.toNode());
        if (r.result() != null) {
            node.put("status", r.result().status());
            node.set("data", BusCodec.json().valueToTree(r.result().data() == null ? Map.of() : r.result().data()));
        } else {
            node.put("failure", r.failure());
            node.put("message", r.message());
        }
        return BusCodec.json().writeValueAsString(node);
    }

    @SuppressWarnings("unchecked")
    static Reply readReply(String text) {
        JsonNode node = BusCodec.json().readTree(text);
        String correlationId = node.required("correlationId").asString();
        String toNode = node.required("toNode").asString();
        if (node.hasNonNull("failure")) {
            return new Reply(correlationId, toNode, null, node.get("failure").asString(), node.path("message").asString(""));
        }
        Map<String, Object> data = new LinkedHashMap<>(BusCodec.json().treeToValue(node.path("data"), Map.class));
        return new Reply(correlationId, toNode, new CommandResult(node.required("status").asString(), data), null, null);
    }
}
