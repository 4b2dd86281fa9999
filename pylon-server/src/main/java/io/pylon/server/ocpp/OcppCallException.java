package io.pylon.server.ocpp;

import io.pylon.ocpp.rpc.OcppErrorCode;

/** Thrown by a handler to answer a CALL with a CALLERROR. */
public final class OcppCallException extends RuntimeException {

    private final OcppErrorCode code;

    public OcppCallException(OcppErrorCode code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    public OcppErrorCode code() {
        return code;
    }
}
