package io.pylon.ocpp.rpc;

import io.pylon.ocpp.rpc.OcppMessage.Call;
import io.pylon.ocpp.rpc.OcppMessage.CallError;
import io.pylon.ocpp.rpc.OcppMessage.CallResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads and writes OCPP-J text frames. Pure and thread-safe: no I/O, no state.
 *
 * <p>Reading never throws for bad input: it returns either an {@link OcppMessage} or a
 * {@link FrameViolation} that says which CALLERROR the peer should get (OCPP-J 1.6 §4.2.3:
 * not JSON / not an array / wrong element types → FormationViolation; unknown message type →
 * ProtocolError).
 */
public final class FrameCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** The result of reading one frame. */
    public sealed interface Decoded {}

    /** A well-formed frame. */
    public record Message(OcppMessage message) implements Decoded {}

    /** A frame that is not OCPP-J. */
    public record Invalid(FrameViolation violation) implements Decoded {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads one text frame. */
    public Decoded decode(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            return invalid(FrameViolation.UNKNOWN_ID, "Frame is not valid JSON", true);
        }
        if (root == null || !root.isArray() || root.size() < 3) {
            return invalid(FrameViolation.UNKNOWN_ID, "Frame is not an OCPP-J array", true);
        }
        JsonNode type = root.get(0);
        JsonNode idNode = root.get(1);
        if (!type.isIntegralNumber()) {
            return invalid(textOr(idNode), "Message type must be a number", true);
        }
        if (!idNode.isString() || idNode.asString().isEmpty() || idNode.asString().length() > OcppMessage.MAX_ID_LENGTH) {
            return invalid(FrameViolation.UNKNOWN_ID, "Unique id must be a string of 1 to 36 characters", true);
        }
        String id = idNode.asString();
        return switch (type.asInt()) {
            case 2 -> decodeCall(root, id);
            case 3 -> decodeResult(root, id);
            case 4 -> decodeError(root, id);
            default -> new Invalid(new FrameViolation(id, OcppErrorCode.PROTOCOL_ERROR,
                    "Unknown message type " + type.asInt(), true));
        };
    }

    private Decoded decodeCall(JsonNode root, String id) {
        if (root.size() != 4 || !root.get(2).isString() || !root.get(3).isObject()) {
            return invalid(id, "CALL must be [2, id, action, {payload}]", true);
        }
        return new Message(new Call(id, root.get(2).asString(), root.get(3)));
    }

    private Decoded decodeResult(JsonNode root, String id) {
        if (root.size() != 3 || !root.get(2).isObject()) {
            return invalid(id, "CALLRESULT must be [3, id, {payload}]", false);
        }
        return new Message(new CallResult(id, root.get(2)));
    }

    private Decoded decodeError(JsonNode root, String id) {
        if (root.size() < 4 || root.size() > 5 || !root.get(2).isString() || !root.get(3).isString()
                || (root.size() == 5 && !root.get(4).isObject())) {
            return invalid(id, "CALLERROR must be [4, id, code, description, {details}]", false);
        }
        OcppErrorCode code = OcppErrorCode.fromWire(root.get(2).asString()).orElse(OcppErrorCode.GENERIC_ERROR);
        JsonNode details = root.size() == 5 ? root.get(4) : JsonNodeFactory.instance.objectNode();
        return new Message(new CallError(id, code, root.get(3).asString(), details));
    }

    private static Invalid invalid(String id, String description, boolean replyable) {
        return new Invalid(new FrameViolation(id, OcppErrorCode.FORMATION_VIOLATION, description, replyable));
    }

    private static String textOr(JsonNode idNode) {
        return idNode != null && idNode.isString() && idNode.asString().length() <= OcppMessage.MAX_ID_LENGTH
                ? idNode.asString() : FrameViolation.UNKNOWN_ID;
    }

    /** Writes one frame as text. */
    public String encode(OcppMessage message) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        switch (message) {
            case Call call -> array.add(2).add(call.id()).add(call.action()).add(call.payload());
            case CallResult result -> array.add(3).add(result.id()).add(result.payload());
            case CallError error -> array.add(4).add(error.id()).add(error.code().wireName())
                    .add(error.description() == null ? "" : error.description())
                    .add(error.details() == null ? JsonNodeFactory.instance.objectNode() : error.details());
        }
        return MAPPER.writeValueAsString(array);
    }
}
