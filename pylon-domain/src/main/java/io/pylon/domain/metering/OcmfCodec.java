package io.pylon.domain.metering;

/** Port: reading OCMF text and checking its signature (the adapter brings the JSON parser and the curves). */
public interface OcmfCodec {

    /** Parses an OCMF string; IllegalArgumentException with the reason when it is not one. */
    OcmfRecord parse(String raw);

    /**
     * Whether {@code record}'s signature is valid for the meter's public key (X.509 SubjectPublicKeyInfo, DER).
     * UnsupportedOperationException when the record's signature algorithm is not supported.
     */
    boolean signatureValid(OcmfRecord record, byte[] publicKey);
}
