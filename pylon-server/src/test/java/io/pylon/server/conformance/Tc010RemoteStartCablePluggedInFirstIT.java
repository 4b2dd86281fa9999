package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_010_CSMS Remote start charging session – cable plugged in first. */
class Tc010RemoteStartCablePluggedInFirstIT extends ConformanceBase {

    @Test
    void theOperatorStartsASessionOnAPluggedInConnector() {
        String id = "TC010-CP";
        String tag = "TC010-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        cp.status(1, ChargePointStatus.Preparing);

        JsonNode reply = command(id, "remote-start", "{\"connectorId\":1,\"idTag\":\"" + tag + "\"}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");

        RemoteStartTransactionRequest received = cp.await(RemoteStartTransactionRequest.class);
        assertThat(received.getIdTag()).isEqualTo(tag);
        assertThat(received.getConnectorId()).isEqualTo(1);
        assertThat(received.getChargingProfile()).isNull();

        StartTransactionConfirmation started = cp.start(1, tag, 0, ThirdPartyChargePoint.now());
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        cp.status(1, ChargePointStatus.Charging);

        JsonNode session = session(started.getTransactionId());
        assertThat(session.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(session.get("idTag").asString()).isEqualTo(tag);
        assertThat(session.get("connectorId").asInt()).isEqualTo(1);
        assertThat(connectorStatus(id, 1)).isEqualTo("CHARGING");
    }
}
