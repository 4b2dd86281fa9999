package io.pylon.ocpp.rpc;

import tools.jackson.databind.JsonNode;

/**
 * One OCPP-J RPC frame (OCPP-J 1.6 §4): a CALL, its CALLRESULT or a CALLERROR.
 * The unique id is echoed unchanged; payloads stay JSON until a schema has accepted them.
 */
public sealed interface OcppMessage {

    /** Longest unique id the spec allows. */
    int MAX_ID_LENGTH = 36;

    String id();

    /** {@code [2, id, action, payload]}. */
    record Call(String id, String action, JsonNode payload) implements OcppMessage {}

    /** {@code [3, id, payload]}. */
    record CallResult(String id, JsonNode payload) implements OcppMessage {}

    /** {@code [4, id, errorCode, description, details]}. */
    record CallError(String id, OcppErrorCode code, String description, JsonNode details) implements OcppMessage {}
}
