package io.pylon.server.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.sensor.SensorKind;
import io.pylon.domain.sensor.SensorReading;
import io.pylon.domain.sensor.SensorState;
import io.pylon.server.sensor.SensorMessages.Decoded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sensor MQTT contract, message by message (docs/sensors.md). */
class SensorMessagesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00.123456Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private static Decoded<SensorReading> reading(SensorKind kind, String json) {
        Decoded<JsonNode> object = SensorMessages.object(json.getBytes(StandardCharsets.UTF_8));
        if (object instanceof Decoded.Rejected<JsonNode>(var reason, var detail)) return new Decoded.Rejected<>(reason, detail);
        return SensorMessages.reading(((Decoded.Ok<JsonNode>) object).value(), kind, NOW, SKEW);
    }

    private static SensorReading ok(SensorKind kind, String json) {
        Decoded<SensorReading> d = reading(kind, json);
        assertThat(d).as(json).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<SensorReading>) d).value();
    }

    private static void refused(SensorKind kind, String json, SensorRejection reason) {
        Decoded<SensorReading> d = reading(kind, json);
        assertThat(d).as(json).isInstanceOf(Decoded.Rejected.class);
        assertThat(((Decoded.Rejected<SensorReading>) d).reason()).as(json).isEqualTo(reason);
    }

    @Test
    void readingsOfEachKind() {
        SensorReading water = ok(SensorKind.WATER_IMMERSION, "{\"ts\":\"2026-06-01T17:59:30+08:00\",\"water\":true,\"battery\":87.4}");
        assertThat(water.ts()).isEqualTo(Instant.parse("2026-06-01T09:59:30Z"));
        assertThat(water.water()).isTrue();
        assertThat(water.battery()).isEqualTo(87);
        assertThat(ok(SensorKind.WATER_IMMERSION, "{\"water\":0}").water()).as("0/1 from cheap devices").isFalse();

        SensorReading climate = ok(SensorKind.TEMPERATURE_HUMIDITY, "{\"ts\":\"2026-06-01T09:59:00Z\",\"temperature\":31.456,\"humidity\":80}");
        assertThat(climate.temperature()).isEqualByComparingTo("31.46");
        assertThat(climate.humidity()).isEqualByComparingTo("80");
        assertThat(ok(SensorKind.TEMPERATURE_HUMIDITY, "{\"humidity\":55}").temperature()).isNull();

        SensorReading smoke = ok(SensorKind.SMOKE, "{\"smoke\":true,\"water\":true}");
        assertThat(smoke.smoke()).isTrue();
        assertThat(smoke.water()).as("another kind's field is left out").isNull();
        assertThat(smoke.ts()).as("no ts: stamped on receipt, to the millisecond").isEqualTo(Instant.parse("2026-06-01T10:00:00.123Z"));
    }

    @Test
    void badReadingsAreRefusedWithTheirReason() {
        refused(SensorKind.WATER_IMMERSION, "not json", SensorRejection.MALFORMED_JSON);
        refused(SensorKind.WATER_IMMERSION, "\"water\"", SensorRejection.MALFORMED_JSON);
        refused(SensorKind.WATER_IMMERSION, "", SensorRejection.MALFORMED_JSON);
        refused(SensorKind.WATER_IMMERSION, "{\"water\":\"true\"}", SensorRejection.WRONG_TYPE);
        refused(SensorKind.WATER_IMMERSION, "{\"water\":2}", SensorRejection.WRONG_TYPE);
        refused(SensorKind.TEMPERATURE_HUMIDITY, "{\"temperature\":\"31.5\"}", SensorRejection.WRONG_TYPE);
        refused(SensorKind.WATER_IMMERSION, "{\"ts\":1717236000,\"water\":true}", SensorRejection.WRONG_TYPE);
        refused(SensorKind.WATER_IMMERSION, "{\"water\":true,\"battery\":\"full\"}", SensorRejection.WRONG_TYPE);
        refused(SensorKind.WATER_IMMERSION, "{\"temperature\":20}", SensorRejection.WRONG_KIND);
        refused(SensorKind.TEMPERATURE_HUMIDITY, "{\"smoke\":false}", SensorRejection.WRONG_KIND);
        refused(SensorKind.SMOKE, "{\"battery\":20}", SensorRejection.MISSING_FIELD);
        refused(SensorKind.SMOKE, "{\"smoke\":null}", SensorRejection.MISSING_FIELD);
        refused(SensorKind.WATER_IMMERSION, "{\"ts\":\"2026-06-01 10:00\",\"water\":true}", SensorRejection.BAD_TIMESTAMP);
        refused(SensorKind.WATER_IMMERSION, "{\"ts\":\"2026-06-01T10:00:00\",\"water\":true}", SensorRejection.BAD_TIMESTAMP);
        refused(SensorKind.WATER_IMMERSION, "{\"ts\":\"2026-06-01T10:06:00Z\",\"water\":true}", SensorRejection.BAD_TIMESTAMP);
        ok(SensorKind.WATER_IMMERSION, "{\"ts\":\"2026-06-01T10:04:00Z\",\"water\":true}");
        refused(SensorKind.TEMPERATURE_HUMIDITY, "{\"temperature\":150.01}", SensorRejection.OUT_OF_RANGE);
        refused(SensorKind.TEMPERATURE_HUMIDITY, "{\"humidity\":-1}", SensorRejection.OUT_OF_RANGE);
        refused(SensorKind.SMOKE, "{\"smoke\":true,\"battery\":101}", SensorRejection.OUT_OF_RANGE);
    }

    @Test
    void topicsAndStatuses() {
        assertThat(SensorMessages.topic("pylon/sensors", "pylon/sensors/WS-1/reading"))
                .isEqualTo(new Decoded.Ok<>(new SensorMessages.Topic("WS-1", true)));
        assertThat(SensorMessages.topic("pylon/sensors", "pylon/sensors/WS-1/status"))
                .isEqualTo(new Decoded.Ok<>(new SensorMessages.Topic("WS-1", false)));
        for (String bad : new String[] {"pylon/sensors/WS-1/other", "pylon/sensors/WS 1/reading", "other/WS-1/reading",
                "pylon/sensors/a/b/reading", "pylon/sensors//reading"}) {
            assertThat(SensorMessages.topic("pylon/sensors", bad)).as(bad).isInstanceOf(Decoded.Rejected.class);
        }
        assertThat(status("offline")).isEqualTo(new Decoded.Ok<>(SensorState.Link.OFFLINE));
        assertThat(status(" Online\n")).isEqualTo(new Decoded.Ok<>(SensorState.Link.ONLINE));
        assertThat(status("{\"status\":\"offline\",\"ts\":\"2026-06-01T10:00:00Z\"}")).isEqualTo(new Decoded.Ok<>(SensorState.Link.OFFLINE));
        assertThat(status("asleep")).isInstanceOf(Decoded.Rejected.class);
        assertThat(status("{\"status\":1}")).isEqualTo(new Decoded.Rejected<>(SensorRejection.WRONG_TYPE, "status: a string online/offline"));
        assertThat(status("{oops")).isInstanceOf(Decoded.Rejected.class);
    }

    private static Decoded<SensorState.Link> status(String payload) {
        return SensorMessages.status(payload.getBytes(StandardCharsets.UTF_8));
    }
}
