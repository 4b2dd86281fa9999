package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_026_CSMS Remote start charging session – rejected: the operator sees Rejected and no session exists. */
class Tc026RemoteStartRejectedIT extends ConformanceBase {

    @Test
    void aRejectedRemoteStartIsShownAsRejectedAndStartsNothing() {
        String id = "TC026-CP";
        String tag = "TC026-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id)
                .answer(RemoteStartTransactionRequest.class, r -> new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Rejected));

        JsonNode reply = command(id, "remote-start", "{\"connectorId\":1,\"idTag\":\"" + tag + "\"}");
        assertThat(reply.get("status").asString()).isEqualTo("Rejected");
        assertThat(cp.await(RemoteStartTransactionRequest.class).getIdTag()).isEqualTo(tag);
        assertThat(sessions(id)).isEmpty();
    }
}
