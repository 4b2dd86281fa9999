package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_064_CSMS Data transfer to a charge point, and incoming data transfer from it. */
class Tc064DataTransferIT extends ConformanceBase {

    @Test
    void theOperatorSendsVendorDataAndSeesTheChargersAnswer() {
        String id = "TC064-OUT";
        ThirdPartyChargePoint cp = chargePoint(id).answer(DataTransferRequest.class, r -> {
            DataTransferConfirmation c = new DataTransferConfirmation(DataTransferStatus.Accepted);
            c.setData("pong:" + r.getData());
            return c;
        });

        JsonNode reply = command(id, "data-transfer", "{\"vendorId\":\"com.example\",\"messageId\":\"ping\",\"data\":\"42\"}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        assertThat(reply.get("data").get("data").asString()).isEqualTo("pong:42");
        DataTransferRequest received = cp.await(DataTransferRequest.class);
        assertThat(received.getVendorId()).isEqualTo("com.example");
        assertThat(received.getMessageId()).isEqualTo("ping");
        assertThat(received.getData()).isEqualTo("42");

        cp.answer(DataTransferRequest.class, r -> new DataTransferConfirmation(DataTransferStatus.UnknownMessageId));
        assertThat(command(id, "data-transfer", "{\"vendorId\":\"com.example\",\"messageId\":\"nope\"}")
                .get("status").asString()).isEqualTo("UnknownMessageId");
    }

    @Test
    void vendorDataFromTheChargerIsAnsweredUnknownVendorIdAndKeptInItsEvents() {
        String id = "TC064-IN";
        ThirdPartyChargePoint cp = chargePoint(id);
        DataTransferRequest request = new DataTransferRequest("com.acme");
        request.setMessageId("temperature");
        request.setData("{\"celsius\":41}");

        DataTransferConfirmation answer = cp.send(request);
        assertThat(answer.getStatus()).isEqualTo(DataTransferStatus.UnknownVendorId);

        JsonNode event = events(id).stream().filter(e -> e.get("kind").asString().equals("DataTransfer")).findFirst().orElseThrow();
        assertThat(event.get("detail").asString()).contains("com.acme").contains("temperature").contains("{\"celsius\":41}");
    }
}
