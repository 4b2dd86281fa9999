package io.pylon.server.persistence;

import io.pylon.domain.session.MeterSample;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The sampled values of one instant as stored in {@code meter_reading.samples}: a JSON array of objects in
 * OCPP's field names ({@code value, context, format, measurand, phase, location, unit}), absent fields left
 * out, values exactly as received. The digest identifies the content for de-duplication.
 */
final class MeterSampleCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private MeterSampleCodec() {}

    static String encode(List<MeterSample> samples) {
        java.io.StringWriter out = new java.io.StringWriter(64 * samples.size());
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartArray();
            for (MeterSample s : samples) {
                g.writeStartObject();
                field(g, "value", s.value());
                field(g, "context", s.context());
                field(g, "format", s.format());
                field(g, "measurand", s.measurand());
                field(g, "phase", s.phase());
                field(g, "location", s.location());
                field(g, "unit", s.unit());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    private static void field(JsonGenerator g, String name, String value) {
        if (value != null && !value.isEmpty()) {
            g.writeStringProperty(name, value);
        }
    }

    static List<MeterSample> decode(Instant timestamp, String samples) {
        List<MeterSample> result = new ArrayList<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), samples)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String value = null, context = null, format = null, measurand = null, phase = null, location = null, unit = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    String text = p.getString();
                    switch (name) {
                        case "value" -> value = text;
                        case "context" -> context = text;
                        case "format" -> format = text;
                        case "measurand" -> measurand = text;
                        case "phase" -> phase = text;
                        case "location" -> location = text;
                        case "unit" -> unit = text;
                        default -> { /* a field of a later version: ignored */ }
                    }
                }
                result.add(new MeterSample(timestamp, measurand, phase, unit, context, location, format, value));
            }
        }
        return result;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("meter_reading.samples: expected " + expected + ", found " + actual);
        }
    }

    /** The first 8 bytes of SHA-256 over the encoded samples, as a signed long. */
    static long digest(String encoded) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(encoded.getBytes(StandardCharsets.UTF_8));
            long d = 0;
            for (int i = 0; i < 8; i++) {
                d = d << 8 | (hash[i] & 0xff);
            }
            return d;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
