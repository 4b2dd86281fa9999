package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequestType;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus;
import org.junit.jupiter.api.Test;

/** TC_055_CSMS Trigger message – rejected (and not implemented): the operator sees the charger's answer. */
class Tc055TriggerMessageRejectedIT extends ConformanceBase {

    @Test
    void aRejectedOrNotImplementedTriggerIsShownAsSuch() {
        String id = "TC055-CP";
        ThirdPartyChargePoint cp = chargePoint(id)
                .answer(TriggerMessageRequest.class, r -> new TriggerMessageConfirmation(
                        r.getRequestedMessage() == TriggerMessageRequestType.MeterValues
                                ? TriggerMessageStatus.Rejected : TriggerMessageStatus.NotImplemented));

        assertThat(command(id, "trigger-message", "{\"requestedMessage\":\"MeterValues\",\"connectorId\":1}")
                .get("status").asString()).isEqualTo("Rejected");
        assertThat(cp.await(TriggerMessageRequest.class).getRequestedMessage()).isEqualTo(TriggerMessageRequestType.MeterValues);
        assertThat(command(id, "trigger-message", "{\"requestedMessage\":\"FirmwareStatusNotification\"}")
                .get("status").asString()).isEqualTo("NotImplemented");
        assertThat(cp.await(TriggerMessageRequest.class).getRequestedMessage())
                .isEqualTo(TriggerMessageRequestType.FirmwareStatusNotification);
    }
}
