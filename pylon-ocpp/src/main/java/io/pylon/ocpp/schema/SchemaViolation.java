package io.pylon.ocpp.schema;

import io.pylon.ocpp.rpc.OcppErrorCode;

/**
 * Why a payload does not conform to its action's schema.
 *
 * @param code  the CALLERROR code the sender gets (OCPP-J 1.6 §4.2.3)
 * @param field JSON path of the first offending field, e.g. {@code $.connectorId}
 */
public record SchemaViolation(OcppErrorCode code, String field, String description) {}
