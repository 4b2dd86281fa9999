package io.pylon.simulator.ocpp;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON helpers for OCPP-J frames and payloads: one shared mapper, frame builders, typed field access that
 * turns malformed input into {@link OcppException}s, and OCPP date-time formatting.
 */
public final class Json {
    /** The shared, thread-safe mapper. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty array node */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses text into a tree. @throws OcppException FormationViolation if it is not JSON */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw OcppException.formation("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** @return the compact JSON text of a node */
    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** @return {@code [2,id,action,payload]} */
    public static String call(String id, String action, JsonNode payload) {
        ArrayNode frame = array().add(2).add(id).add(action);
        frame.add(payload);
        return write(frame);
    }

    /** @return {@code [3,id,payload]} */
    public static String callResult(String id, JsonNode payload) {
        ArrayNode frame = array().add(3).add(id);
        frame.add(payload);
        return write(frame);
    }

    /** @return {@code [4,id,code,description,{}]} */
    public static String callError(String id, String code, String description) {
        ArrayNode frame = array().add(4).add(id).add(code).add(description == null ? "" : description);
        frame.add(object());
        return write(frame);
    }

    /** Formats an instant the way OCPP expects it: UTC, millisecond precision, {@code Z} suffix. */
    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** @return the required string field, or an OCPP error */
    public static String requireString(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            throw OcppException.missing(field);
        }
        if (!node.isString()) {
            throw OcppException.type(field, "a string");
        }
        return node.stringValue();
    }

    /** @return the optional string field or null */
    public static String optString(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw OcppException.type(field, "a string");
        }
        return node.stringValue();
    }

    /** @return the required integer field, or an OCPP error */
    public static int requireInt(JsonNode payload, String field) {
        Integer value = optInt(payload, field);
        if (value == null) {
            throw OcppException.missing(field);
        }
        return value;
    }

    /** @return the optional integer field or null */
    public static Integer optInt(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw OcppException.type(field, "an integer");
        }
        return node.intValue();
    }

    /** @return the required date-time field, or an OCPP error */
    public static Instant requireTime(JsonNode payload, String field) {
        Instant value = optTime(payload, field);
        if (value == null) {
            throw OcppException.missing(field);
        }
        return value;
    }

    /** @return the optional date-time field or null */
    public static Instant optTime(JsonNode payload, String field) {
        String text = optString(payload, field);
        if (text == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw OcppException.type(field, "an RFC 3339 date-time");
            }
        }
    }

    /** @return the required object field, or an OCPP error */
    public static JsonNode requireObject(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            throw OcppException.missing(field);
        }
        if (!node.isObject()) {
            throw OcppException.type(field, "an object");
        }
        return node;
    }
}
