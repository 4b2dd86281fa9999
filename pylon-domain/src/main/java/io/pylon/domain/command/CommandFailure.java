package io.pylon.domain.command;

/** Why a command got no answer from the charger. */
public final class CommandFailure extends RuntimeException {

    public enum Kind {
        /** The charger is not connected to the platform. */
        OFFLINE,
        /** The charger did not answer in time. */
        TIMEOUT,
        /** The charger answered with an error (OCPP CALLERROR) or an answer that breaks the protocol. */
        CHARGER_ERROR,
        /** The charger is connected but not accepted (pending registration). */
        NOT_ACCEPTED,
        /** The charger's protocol has no such command (a YKC-only command for an OCPP charger, say). */
        NOT_SUPPORTED
    }

    private final Kind kind;

    public CommandFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
