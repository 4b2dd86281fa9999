package io.pylon.server.ocpp;

import tools.jackson.databind.JsonNode;

/**
 * Handles one OCPP 1.6 action sent by chargers. Runs off the event loop, in the charger's message
 * order; the payload has passed its schema. Returns the reply payload (checked against the reply
 * schema before it is sent) or throws {@link OcppCallException} for a CALLERROR.
 */
public interface Ocpp16Handler {

    String action();

    /** Whether a charger whose registration is not (yet) accepted may send this action. */
    default boolean allowedBeforeAccepted() {
        return false;
    }

    JsonNode handle(OcppSession session, JsonNode payload);
}
