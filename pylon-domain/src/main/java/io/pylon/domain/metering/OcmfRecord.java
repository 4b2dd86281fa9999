package io.pylon.domain.metering;

import java.util.List;

/**
 * A signed meter value in the OCMF format ({@code OCMF|payload|signature}), parsed. {@code raw} is kept exactly as
 * the charger sent it; the signature covers {@code payload}, the exact text between the first and the last '|'.
 *
 * @param meterSerial   {@code MS}, or the gateway serial {@code GS} when the meter's is absent
 * @param pagination    {@code PG}, e.g. T28: a prefix (T transaction, F fiscal) and a counter
 * @param algorithm     {@code SA}, default ECDSA-secp256r1-SHA256
 * @param signature     {@code SD} decoded (DER-encoded ECDSA signature)
 */
public record OcmfRecord(String raw, String payload, String meterSerial, String pagination, String identification,
                         List<OcmfReading> readings, String algorithm, byte[] signature) {

    public OcmfRecord {
        readings = List.copyOf(readings);
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The pagination prefix (letters), e.g. T. */
    public String paginationPrefix() {
        return pagination == null ? "" : pagination.replaceAll("[0-9]+$", "");
    }

    /** The pagination counter, or -1 when absent or not numeric. */
    public long paginationNumber() {
        if (pagination == null) {
            return -1;
        }
        String digits = pagination.substring(paginationPrefix().length());
        try {
            return digits.isEmpty() ? -1 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
