package io.pylon.server.bus;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.event.DomainEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for what crosses the bus: domain events and charger commands (sealed interfaces of records) are written
 * with their record name in {@code type}; commands and answers travel inside {@link CommandMessages}.
 * Reading an unknown type fails with IllegalArgumentException (a newer node's message; it is logged and skipped).
 */
public final class BusCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Class<?>> EVENTS = byName(DomainEvent.class);
    private static final Map<String, Class<?>> COMMANDS = byName(ChargerCommand.class);

    private BusCodec() {}

    public static JsonMapper json() {
        return JSON;
    }

    public static String writeEvent(EventEnvelope envelope) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", envelope.eventId());
        node.put("originNode", envelope.originNode());
        node.put("type", envelope.event().getClass().getSimpleName());
        node.set("event", JSON.valueToTree(envelope.event()));
        return JSON.writeValueAsString(node);
    }

    public static EventEnvelope readEvent(String text) {
        JsonNode node = JSON.readTree(text);
        DomainEvent event = (DomainEvent) JSON.treeToValue(node.required("event"), type(EVENTS, node));
        return new EventEnvelope(node.required("eventId").asString(), node.path("originNode").asString(null), event);
    }

    static ObjectNode writeCommand(ChargerCommand command) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", command.getClass().getSimpleName());
        node.set("command", JSON.valueToTree(command));
        return node;
    }

    static ChargerCommand readCommand(JsonNode node) {
        return (ChargerCommand) JSON.treeToValue(node.required("command"), type(COMMANDS, node));
    }

    private static Class<?> type(Map<String, Class<?>> known, JsonNode node) {
        String type = node.required("type").asString();
        Class<?> c = known.get(type);
        if (c == null) throw new IllegalArgumentException("Unknown type on the bus: " + type);
        return c;
    }

    private static Map<String, Class<?>> byName(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }
}
