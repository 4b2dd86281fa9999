package io.pylon.ocpp.rpc;

/**
 * A frame that could not be read as an OCPP-J message. {@code id} is the frame's unique id when
 * one could be recovered, so the CALLERROR can name it; otherwise {@code "-1"}.
 *
 * @param replyable whether the frame was a CALL, the only kind that may be answered with a CALLERROR
 */
public record FrameViolation(String id, OcppErrorCode code, String description, boolean replyable) {

    /** The id used in a CALLERROR when the offending frame's own id is unknown. */
    public static final String UNKNOWN_ID = "-1";
}
