package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_028_CSMS Remote stop transaction – rejected: the operator sees Rejected and the session keeps running. */
class Tc028RemoteStopRejectedIT extends ConformanceBase {

    @Test
    void aRejectedRemoteStopIsShownAsRejectedAndTheSessionStaysActive() {
        String id = "TC028-CP";
        String tag = "TC028-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id)
                .answer(RemoteStopTransactionRequest.class, r -> new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Rejected));
        int tx = cp.start(1, tag, 0, ThirdPartyChargePoint.now()).getTransactionId();

        JsonNode reply = command(id, "remote-stop", "{\"transactionId\":" + tx + "}");
        assertThat(reply.get("status").asString()).isEqualTo("Rejected");
        assertThat(cp.await(RemoteStopTransactionRequest.class).getTransactionId()).isEqualTo(tx);
        assertThat(session(tx).get("state").asString()).isEqualTo("ACTIVE");
    }
}
