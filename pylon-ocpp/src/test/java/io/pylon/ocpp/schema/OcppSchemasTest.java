package io.pylon.ocpp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.ocpp.rpc.FrameCodec;
import io.pylon.ocpp.rpc.OcppErrorCode;
import io.pylon.ocpp.schema.OcppSchemas.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OcppSchemasTest {

    private static final OcppSchemas SCHEMAS = OcppSchemas.ocpp16();

    private static JsonNode json(String text) {
        return FrameCodec.mapper().readTree(text);
    }

    @Test
    void knowsEveryActionOfTheSpec() {
        assertThat(Ocpp16Actions.ALL).hasSize(39);
        assertThat(SCHEMAS.knows("StartTransaction")).isTrue();
        assertThat(SCHEMAS.knows("FlyToTheMoon")).isFalse();
    }

    @Test
    void acceptsAValidPayload() {
        assertThat(SCHEMAS.validate("StartTransaction", Kind.REQUEST,
                json("{\"connectorId\":1,\"idTag\":\"ABC\",\"meterStart\":0,\"timestamp\":\"2026-01-01T10:00:00Z\"}")))
                .isEmpty();
    }

    @Test
    void missingFieldIsAnOccurrenceViolationNamingTheField() {
        var violation = SCHEMAS.validate("StartTransaction", Kind.REQUEST,
                json("{\"connectorId\":1,\"meterStart\":0,\"timestamp\":\"2026-01-01T10:00:00Z\"}")).orElseThrow();
        assertThat(violation.code()).isEqualTo(OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION);
        assertThat(violation.field()).contains("idTag");
    }

    @Test
    void wrongTypeIsATypeViolation() {
        var violation = SCHEMAS.validate("StartTransaction", Kind.REQUEST,
                json("{\"connectorId\":\"one\",\"idTag\":\"A\",\"meterStart\":0,\"timestamp\":\"2026-01-01T10:00:00Z\"}")).orElseThrow();
        assertThat(violation.code()).isEqualTo(OcppErrorCode.TYPE_CONSTRAINT_VIOLATION);
        assertThat(violation.field()).contains("connectorId");
    }

    @Test
    void badValuesArePropertyViolations() {
        assertThat(SCHEMAS.validate("StatusNotification", Kind.REQUEST,
                json("{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}")).orElseThrow().code())
                .isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
        assertThat(SCHEMAS.validate("Authorize", Kind.REQUEST,
                json("{\"idTag\":\"123456789012345678901\"}")).orElseThrow().code())
                .isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
        assertThat(SCHEMAS.validate("StartTransaction", Kind.REQUEST,
                json("{\"connectorId\":1,\"idTag\":\"A\",\"meterStart\":0,\"timestamp\":\"yesterday\"}")).orElseThrow().code())
                .isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    }

    @Test
    void unknownFieldIsAFormationViolation() {
        assertThat(SCHEMAS.validate("Heartbeat", Kind.REQUEST, json("{\"extra\":1}")).orElseThrow().code())
                .isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
    }

    @Test
    void validatesResponsesToo() {
        assertThat(SCHEMAS.validate("Reset", Kind.RESPONSE, json("{\"status\":\"Accepted\"}"))).isEmpty();
        assertThat(SCHEMAS.validate("Reset", Kind.RESPONSE, json("{\"status\":\"Maybe\"}"))).isPresent();
    }
}
