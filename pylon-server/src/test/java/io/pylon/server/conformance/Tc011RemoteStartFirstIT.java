package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_011_1_CSMS Remote start charging session – remote start first (the charger picks the connector). */
class Tc011RemoteStartFirstIT extends ConformanceBase {

    @Test
    void aRemoteStartWithoutConnectorIsAcceptedAndTheSessionStartsWhenTheCableIsPluggedIn() {
        String id = "TC011-CP";
        String tag = "TC011-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        cp.status(1, ChargePointStatus.Available);

        JsonNode reply = command(id, "remote-start", "{\"idTag\":\"" + tag + "\"}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        RemoteStartTransactionRequest received = cp.await(RemoteStartTransactionRequest.class);
        assertThat(received.getIdTag()).isEqualTo(tag);
        assertThat(received.getConnectorId()).isNull();

        cp.status(1, ChargePointStatus.Preparing);
        StartTransactionConfirmation started = cp.start(1, tag, 42, ThirdPartyChargePoint.now());
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        cp.status(1, ChargePointStatus.Charging);

        JsonNode listed = sessions(id).getFirst();
        assertThat(listed.get("id").asLong()).isEqualTo(started.getTransactionId().longValue());
        assertThat(listed.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(listed.get("meterStartWh").asLong()).isEqualTo(42);
    }
}
