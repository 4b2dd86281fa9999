package io.pylon.ocpp.rpc;

import java.util.Optional;

/**
 * OCPP-J 1.6 CALLERROR codes (OCPP-J 1.6 §4.2.3). The spec spells one of them "Occurence";
 * peers disagree, so both spellings are accepted on input and the spec's is always sent.
 */
public enum OcppErrorCode {
    NOT_IMPLEMENTED("NotImplemented"),
    NOT_SUPPORTED("NotSupported"),
    INTERNAL_ERROR("InternalError"),
    PROTOCOL_ERROR("ProtocolError"),
    SECURITY_ERROR("SecurityError"),
    FORMATION_VIOLATION("FormationViolation"),
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    OCCURRENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation"),
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
    GENERIC_ERROR("GenericError");

    private final String wireName;

    OcppErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The name sent on the wire. */
    public String wireName() {
        return wireName;
    }

    /** Reads a code sent by a peer, accepting both spellings of the occurrence violation. */
    public static Optional<OcppErrorCode> fromWire(String name) {
        if ("OccurrenceConstraintViolation".equals(name)) {
            return Optional.of(OCCURRENCE_CONSTRAINT_VIOLATION);
        }
        for (OcppErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
