package io.pylon.domain.metering;

/** How a session's signed meter data checked out. */
public enum VerificationStatus {
    /** Signatures valid for the registered meter key and the records consistent: the bill uses them. */
    VERIFIED,
    /** Signed data present but it cannot be checked: no registered key for the meter, or an unsupported algorithm. */
    UNVERIFIABLE,
    /** A signature is invalid or the records contradict each other (tampering, meter error). */
    FAILED,
    /** The charger sent no signed data for the session. */
    NONE
}
