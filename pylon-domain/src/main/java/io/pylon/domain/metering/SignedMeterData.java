package io.pylon.domain.metering;

import io.pylon.domain.session.ChargingSession;
import java.util.List;
import java.util.Optional;

/** Port: signed meter values as received, and what checking them came to. */
public interface SignedMeterData {

    /**
     * The OCMF strings of a session exactly as received, in the order of their sampling time: those linked to it,
     * and those its connector sent between its start and stop without a transaction id.
     */
    List<String> forSession(ChargingSession session);

    void saveCheck(long sessionId, MeterVerification verification);

    Optional<MeterVerification> check(long sessionId);
}
