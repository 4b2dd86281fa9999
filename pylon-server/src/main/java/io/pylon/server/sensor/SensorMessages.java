package io.pylon.server.sensor;

import io.pylon.domain.sensor.SensorKind;
import io.pylon.domain.sensor.SensorReading;
import io.pylon.domain.sensor.SensorState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes and checks the sensors' MQTT messages (contract in docs/sensors.md): the topic, a reading's JSON
 * ({@code {"ts":"2026-06-01T10:00:00Z","water":true,"battery":87}}) and a status ({@code online} / {@code offline}, plain
 * or {@code {"status":"offline"}}). Pure: every problem is an answer naming a {@link SensorRejection}, never an exception.
 */
final class SensorMessages {

    /** What a message says, or why it was refused. */
    sealed interface Decoded<T> {
        record Ok<T>(T value) implements Decoded<T> {}

        record Rejected<T>(SensorRejection reason, String detail) implements Decoded<T> {}
    }

    /** Where a message came from: the sensor id and which of its topics. */
    record Topic(String sensorId, boolean reading) {}

    static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal MIN_TEMPERATURE = BigDecimal.valueOf(-60);
    private static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(150);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<String> ALL_FIELDS = List.of("water", "temperature", "humidity", "smoke");

    private SensorMessages() {}

    /** {@code <prefix>/<sensorId>/reading} or {@code .../status}; BAD_TOPIC for any other topic. */
    static Decoded<Topic> topic(String prefix, String topic) {
        if (topic == null || !topic.startsWith(prefix + "/")) return rejected(SensorRejection.BAD_TOPIC, "topic " + topic);
        String[] rest = topic.substring(prefix.length() + 1).split("/", -1);
        if (rest.length != 2 || !SENSOR_ID.matcher(rest[0]).matches() || !(rest[1].equals("reading") || rest[1].equals("status"))) {
            return rejected(SensorRejection.BAD_TOPIC, "topic " + topic);
        }
        return new Decoded.Ok<>(new Topic(rest[0], rest[1].equals("reading")));
    }

    /** A reading's payload as a JSON object. */
    static Decoded<JsonNode> object(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return node != null && node.isObject() ? new Decoded.Ok<>(node)
                    : rejected(SensorRejection.MALFORMED_JSON, "not a JSON object");
        } catch (JacksonException e) {
            return rejected(SensorRejection.MALFORMED_JSON, "not JSON");
        }
    }

    /**
     * A reading of a sensor of {@code kind}, received at {@code now}. Values of other kinds are left out; a reading
     * without {@code ts} is stamped {@code now}.
     */
    static Decoded<SensorReading> reading(JsonNode json, SensorKind kind, Instant now, Duration maxClockSkew) {
        try {
            if (kind.fields().stream().noneMatch(f -> present(json, f))) {
                boolean other = ALL_FIELDS.stream().anyMatch(f -> present(json, f));
                return other ? rejected(SensorRejection.WRONG_KIND, "no " + String.join("/", kind.fields()) + " for a " + kind + " sensor")
                        : rejected(SensorRejection.MISSING_FIELD, "no " + String.join("/", kind.fields()));
            }
            Instant ts = ts(json, now, maxClockSkew);
            BigDecimal charge = number(json, "battery", BigDecimal.ZERO, HUNDRED);
            Integer battery = charge == null ? null : charge.setScale(0, RoundingMode.HALF_UP).intValueExact();
            return new Decoded.Ok<>(switch (kind) {
                case WATER_IMMERSION -> new SensorReading(ts, flag(json, "water"), null, null, null, battery);
                case SMOKE -> new SensorReading(ts, null, null, null, flag(json, "smoke"), battery);
                case TEMPERATURE_HUMIDITY -> new SensorReading(ts, null, number(json, "temperature", MIN_TEMPERATURE, MAX_TEMPERATURE),
                        number(json, "humidity", BigDecimal.ZERO, HUNDRED), null, battery);
            });
        } catch (Bad bad) {
            return rejected(bad.reason, bad.getMessage());
        }
    }

    /** A status payload: {@code online} / {@code offline}, plain or as {@code {"status":"…"}}. */
    static Decoded<SensorState.Link> status(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            Decoded<JsonNode> json = object(payload);
            if (!(json instanceof Decoded.Ok<JsonNode>(JsonNode node))) return rejected(SensorRejection.MALFORMED_JSON, "not JSON");
            JsonNode status = node.get("status");
            if (status == null || !status.isString()) return rejected(SensorRejection.WRONG_TYPE, "status: a string online/offline");
            text = status.stringValue();
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "online" -> new Decoded.Ok<>(SensorState.Link.ONLINE);
            case "offline" -> new Decoded.Ok<>(SensorState.Link.OFFLINE);
            default -> rejected(SensorRejection.MALFORMED_JSON, "status is neither online nor offline");
        };
    }

    private static Instant ts(JsonNode json, Instant now, Duration maxClockSkew) {
        JsonNode node = json.get("ts");
        if (node == null || node.isNull()) return now.truncatedTo(ChronoUnit.MILLIS);
        if (!node.isString()) throw new Bad(SensorRejection.WRONG_TYPE, "ts: an ISO-8601 time string");
        Instant ts;
        try {
            ts = OffsetDateTime.parse(node.stringValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Bad(SensorRejection.BAD_TIMESTAMP, "ts: not an ISO-8601 time with offset: " + cut(node.stringValue()));
        }
        if (ts.isAfter(now.plus(maxClockSkew))) throw new Bad(SensorRejection.BAD_TIMESTAMP, "ts " + ts + " is in the future");
        return ts.truncatedTo(ChronoUnit.MILLIS);
    }

    /** true/false, or 1/0 as cheap devices send them; null if absent. */
    private static Boolean flag(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) return null;
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber() && node.canConvertToExactIntegral()) {
            BigDecimal v = node.decimalValue();
            if (v.compareTo(BigDecimal.ZERO) == 0) return false;
            if (v.compareTo(BigDecimal.ONE) == 0) return true;
        }
        throw new Bad(SensorRejection.WRONG_TYPE, field + ": true or false");
    }

    /** A JSON number within [min, max], to two decimals; null if absent. */
    private static BigDecimal number(JsonNode json, String field, BigDecimal min, BigDecimal max) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isNumber()) throw new Bad(SensorRejection.WRONG_TYPE, field + ": a number");
        BigDecimal v = node.decimalValue().setScale(2, RoundingMode.HALF_UP);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new Bad(SensorRejection.OUT_OF_RANGE, field + " " + v.toPlainString() + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static boolean present(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && !node.isNull();
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static <T> Decoded<T> rejected(SensorRejection reason, String detail) {
        return new Decoded.Rejected<>(reason, detail);
    }

    /** Thrown inside the decoder only, answered as a {@link Decoded.Rejected}. */
    private static final class Bad extends RuntimeException {
        private final SensorRejection reason;

        Bad(SensorRejection reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
