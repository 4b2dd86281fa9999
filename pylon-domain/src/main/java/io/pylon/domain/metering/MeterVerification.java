package io.pylon.domain.metering;

import java.util.List;

/**
 * The outcome of checking a session's signed meter data.
 *
 * @param reason      why it is not VERIFIED (null when it is)
 * @param meterSerial the meter that signed, when known
 * @param beginWh     the signed begin register, whole Wh rounded down (VERIFIED only)
 * @param endWh       the signed end register, whole Wh rounded down (VERIFIED only)
 * @param signedData  the OCMF strings exactly as received, in order
 */
public record MeterVerification(VerificationStatus status, String reason, String meterSerial, Long beginWh, Long endWh,
                                List<String> signedData) {

    public MeterVerification {
        signedData = List.copyOf(signedData);
    }

    public static MeterVerification none() {
        return new MeterVerification(VerificationStatus.NONE, "no signed meter data", null, null, null, List.of());
    }

    public boolean verified() {
        return status == VerificationStatus.VERIFIED;
    }

    /** Signed energy in Wh (VERIFIED only). */
    public Long energyWh() {
        return beginWh == null || endWh == null ? null : endWh - beginWh;
    }
}
