package io.pylon.domain.metering;

import io.pylon.domain.billing.SessionUsage;
import io.pylon.domain.session.ChargingSession;

/**
 * Signed meter data of sessions: checks it once when the session is billed and, when it verifies, bills the signed
 * readings instead of the charger's unsigned StartTransaction / StopTransaction registers.
 */
public final class MeteringService {

    private final SignedMeterData signed;
    private final MeterRepository meters;
    private final MeterDataVerifier verifier;

    public MeteringService(SignedMeterData signed, MeterRepository meters, OcmfCodec codec) {
        this.signed = signed;
        this.meters = meters;
        this.verifier = new MeterDataVerifier(codec);
    }

    /** Checks a stopped session's signed data against its connector's registered meter, and keeps the outcome. */
    public MeterVerification check(ChargingSession session) {
        MeterVerification result = verifier.verify(signed.forSession(session),
                meters.forConnector(session.chargerId(), session.connectorId()));
        signed.saveCheck(session.id(), result);
        return result;
    }

    /**
     * The usage billing should use: with the signed begin and end registers when the data verified, otherwise as
     * the charger reported it. Samples are kept (the meter curve clamps them to the signed registers).
     */
    public SessionUsage billable(ChargingSession session, SessionUsage reported) {
        MeterVerification v = check(session);
        if (!v.verified()) {
            return reported;
        }
        return new SessionUsage(reported.startedAt(), v.beginWh(), reported.stoppedAt(), v.endWh(), reported.samples(),
                reported.chargingFinishedAt(), reported.pluggedOutAt());
    }

    /** The outcome kept for a session, or NONE when it had no signed data (or was never checked). */
    public MeterVerification outcome(long sessionId) {
        return signed.check(sessionId).orElse(MeterVerification.none());
    }
}
