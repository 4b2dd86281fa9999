package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.HeartbeatRequest;
import eu.chargetime.ocpp.model.firmware.DiagnosticsStatus;
import eu.chargetime.ocpp.model.firmware.DiagnosticsStatusNotificationRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequestType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_054_CSMS Trigger message: the charger is asked for a message, accepts, and sends it. */
class Tc054TriggerMessageIT extends ConformanceBase {

    @Test
    void triggeredMessagesAreRequestedAndWhatTheChargerThenSendsIsShown() {
        String id = "TC054-CP";
        ThirdPartyChargePoint cp = chargePoint(id);
        cp.status(1, ChargePointStatus.Available);

        JsonNode reply = command(id, "trigger-message", "{\"requestedMessage\":\"StatusNotification\",\"connectorId\":1}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        TriggerMessageRequest received = cp.await(TriggerMessageRequest.class);
        assertThat(received.getRequestedMessage()).isEqualTo(TriggerMessageRequestType.StatusNotification);
        assertThat(received.getConnectorId()).isEqualTo(1);
        cp.status(1, ChargePointStatus.Unavailable);
        assertThat(connectorStatus(id, 1)).isEqualTo("UNAVAILABLE");

        assertThat(command(id, "trigger-message", "{\"requestedMessage\":\"Heartbeat\"}").get("status").asString())
                .isEqualTo("Accepted");
        TriggerMessageRequest heartbeat = cp.await(TriggerMessageRequest.class);
        assertThat(heartbeat.getRequestedMessage()).isEqualTo(TriggerMessageRequestType.Heartbeat);
        assertThat(heartbeat.getConnectorId()).isNull();
        cp.send(new HeartbeatRequest());

        assertThat(command(id, "trigger-message", "{\"requestedMessage\":\"DiagnosticsStatusNotification\"}")
                .get("status").asString()).isEqualTo("Accepted");
        assertThat(cp.await(TriggerMessageRequest.class).getRequestedMessage())
                .isEqualTo(TriggerMessageRequestType.DiagnosticsStatusNotification);
        cp.send(new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.Idle));
        assertThat(charger(id).get("diagnosticsStatus").asString()).isEqualTo("Idle");
    }
}
