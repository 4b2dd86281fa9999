package io.pylon.ocpp.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.ocpp.rpc.FrameCodec.Invalid;
import io.pylon.ocpp.rpc.FrameCodec.Message;
import io.pylon.ocpp.rpc.OcppMessage.Call;
import io.pylon.ocpp.rpc.OcppMessage.CallError;
import io.pylon.ocpp.rpc.OcppMessage.CallResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void readsACall() {
        var decoded = codec.decode("[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]");
        assertThat(decoded).isInstanceOf(Message.class);
        var call = (Call) ((Message) decoded).message();
        assertThat(call.id()).isEqualTo("19223201");
        assertThat(call.action()).isEqualTo("BootNotification");
        assertThat(call.payload().get("chargePointVendor").asString()).isEqualTo("V");
    }

    @Test
    void readsResultAndErrorAcceptingBothSpellings() {
        var result = (CallResult) ((Message) codec.decode("[3,\"a\",{\"status\":\"Accepted\"}]")).message();
        assertThat(result.payload().get("status").asString()).isEqualTo("Accepted");
        var error = (CallError) ((Message) codec.decode("[4,\"b\",\"OccurrenceConstraintViolation\",\"x\",{}]")).message();
        assertThat(error.code()).isEqualTo(OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION);
        var noDetails = (CallError) ((Message) codec.decode("[4,\"c\",\"Weird\",\"y\"]")).message();
        assertThat(noDetails.code()).isEqualTo(OcppErrorCode.GENERIC_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"a\":1}", "[2,\"x\"]", "[\"2\",\"x\",\"Heartbeat\",{}]",
            "[2,\"x\",\"Heartbeat\",[]]", "[2,\"x\",7,{}]", "[2,5,\"Heartbeat\",{}]", "",
            "[2,\"0123456789012345678901234567890123456789\",\"Heartbeat\",{}]"})
    void malformedFramesAreFormationViolations(String frame) {
        var decoded = codec.decode(frame);
        assertThat(decoded).isInstanceOf(Invalid.class);
        assertThat(((Invalid) decoded).violation().code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
    }

    @Test
    void keepsTheIdOfABadCallSoTheErrorNamesIt() {
        var violation = ((Invalid) codec.decode("[2,\"abc\",\"Heartbeat\",\"oops\"]")).violation();
        assertThat(violation.id()).isEqualTo("abc");
        assertThat(violation.replyable()).isTrue();
    }

    @Test
    void unknownMessageTypeIsAProtocolError() {
        var violation = ((Invalid) codec.decode("[7,\"abc\",\"Heartbeat\",{}]")).violation();
        assertThat(violation.code()).isEqualTo(OcppErrorCode.PROTOCOL_ERROR);
        assertThat(violation.id()).isEqualTo("abc");
    }

    @Test
    void writesFramesThatReadBack() {
        var payload = JsonNodeFactory.instance.objectNode().put("currentTime", "2026-01-01T00:00:00Z");
        assertThat(codec.encode(new CallResult("42", payload))).isEqualTo("[3,\"42\",{\"currentTime\":\"2026-01-01T00:00:00Z\"}]");
        String error = codec.encode(new CallError("1", OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, "missing", null));
        assertThat(error).isEqualTo("[4,\"1\",\"OccurenceConstraintViolation\",\"missing\",{}]");
        var call = new Call("9", "Reset", JsonNodeFactory.instance.objectNode().put("type", "Soft"));
        assertThat(((Message) codec.decode(codec.encode(call))).message()).isEqualTo(call);
    }
}
