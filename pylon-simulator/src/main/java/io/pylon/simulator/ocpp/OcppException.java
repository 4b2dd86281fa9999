package io.pylon.simulator.ocpp;

/**
 * An OCPP-J error to be answered as a CALLERROR, or received as one.
 */
public final class OcppException extends RuntimeException {
    private final String errorCode;

    /**
     * @param errorCode an OCPP 1.6 error code such as {@code FormationViolation}
     * @param description human readable description
     */
    public OcppException(String errorCode, String description) {
        super(description);
        this.errorCode = errorCode;
    }

    /** @return the OCPP error code */
    public String errorCode() {
        return errorCode;
    }

    /** @return a {@code FormationViolation} error */
    public static OcppException formation(String description) {
        return new OcppException("FormationViolation", description);
    }

    /** @return an {@code OccurenceConstraintViolation} error (OCPP 1.6 spelling) */
    public static OcppException missing(String field) {
        return new OcppException("OccurenceConstraintViolation", "missing required field " + field);
    }

    /** @return a {@code TypeConstraintViolation} error */
    public static OcppException type(String field, String expected) {
        return new OcppException("TypeConstraintViolation", field + " must be " + expected);
    }
}
