package io.pylon.domain.metering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a session's signed meter data (OCMF, the Eichrecht format): every record's signature against the
 * registered meter key, then the records together — one meter, pagination continuous, a begin reading before an
 * end reading, no meter error. The first problem found is the reason given.
 */
public final class MeterDataVerifier {

    private final OcmfCodec codec;

    public MeterDataVerifier(OcmfCodec codec) {
        this.codec = codec;
    }

    /**
     * @param signedData the session's OCMF strings exactly as received, in the order received
     * @param meter      the meter registered for the session's connector, if any
     */
    public MeterVerification verify(List<String> signedData, Optional<Meter> meter) {
        if (signedData.isEmpty()) {
            return MeterVerification.none();
        }
        List<OcmfRecord> records = new ArrayList<>();
        for (String raw : signedData) {
            try {
                records.add(codec.parse(raw));
            } catch (IllegalArgumentException e) {
                return failed("malformed OCMF: " + e.getMessage(), null, signedData);
            }
        }
        String serial = records.getFirst().meterSerial();
        for (OcmfRecord r : records) {
            if (r.meterSerial() == null || !r.meterSerial().equals(serial)) {
                return failed("records of different meters: " + serial + " and " + r.meterSerial(), serial, signedData);
            }
        }
        if (meter.isEmpty() || meter.get().publicKeyHex() == null) {
            return new MeterVerification(VerificationStatus.UNVERIFIABLE, "no public key registered for the meter", serial,
                    null, null, signedData);
        }
        if (!meter.get().serial().equals(serial)) {
            return failed("signed by meter " + serial + ", registered meter is " + meter.get().serial(), serial, signedData);
        }
        for (OcmfRecord r : records) {
            try {
                if (!codec.signatureValid(r, meter.get().publicKey())) {
                    return failed("invalid signature on record " + r.pagination(), serial, signedData);
                }
            } catch (UnsupportedOperationException e) {
                return new MeterVerification(VerificationStatus.UNVERIFIABLE, e.getMessage(), serial, null, null, signedData);
            }
        }
        return consistent(records, serial, signedData);
    }

    private static MeterVerification consistent(List<OcmfRecord> records, String serial, List<String> signedData) {
        for (int i = 1; i < records.size(); i++) {
            OcmfRecord previous = records.get(i - 1);
            OcmfRecord next = records.get(i);
            if (!previous.paginationPrefix().equals(next.paginationPrefix()) || previous.paginationNumber() < 0
                    || next.paginationNumber() != previous.paginationNumber() + 1) {
                return failed("pagination not continuous: " + previous.pagination() + " then " + next.pagination(), serial,
                        signedData);
            }
        }
        OcmfReading begin = null;
        OcmfReading end = null;
        for (OcmfRecord r : records) {
            for (OcmfReading reading : r.readings()) {
                if (!reading.good()) {
                    return failed("meter error status " + reading.status() + " " + reading.errorFlags(), serial, signedData);
                }
                if (reading.isBegin() && begin == null) {
                    begin = reading;
                } else if (reading.isEnd()) {
                    end = reading;
                } else if ("X".equals(reading.type())) {
                    return failed("exception reading in the transaction", serial, signedData);
                }
            }
        }
        if (begin == null || end == null) {
            return failed(begin == null ? "no begin reading" : "no end reading", serial, signedData);
        }
        Instant from = begin.time();
        if (!from.isBefore(end.time()) || end.valueWh().compareTo(begin.valueWh()) < 0) {
            return failed("begin " + begin.time() + " / " + begin.valueWh() + " Wh is not before end " + end.time() + " / "
                    + end.valueWh() + " Wh", serial, signedData);
        }
        return new MeterVerification(VerificationStatus.VERIFIED, null, serial, begin.wholeWh(), end.wholeWh(), signedData);
    }

    private static MeterVerification failed(String reason, String serial, List<String> signedData) {
        return new MeterVerification(VerificationStatus.FAILED, reason, serial, null, null, signedData);
    }
}
