package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_014_CSMS Soft reset without transaction: the charger reboots and boots again. */
class Tc014SoftResetIT extends ConformanceBase {

    @Test
    void aSoftResetIsSentAndTheChargerComesBackOnline() {
        String id = "TC014-CP";
        ThirdPartyChargePoint cp = chargePoint(id);
        cp.status(1, ChargePointStatus.Available);
        Instant firstBoot = Instant.parse(charger(id).get("lastBootAt").asString());

        JsonNode reply = command(id, "reset", "{\"type\":\"Soft\"}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        assertThat(cp.await(ResetRequest.class).getType()).isEqualTo(ResetType.Soft);

        cp.disconnect();
        eventually(() -> charger(id), c -> !c.get("connected").asBoolean());
        ThirdPartyChargePoint rebooted = chargePoint(id);
        rebooted.status(0, ChargePointStatus.Available);
        rebooted.status(1, ChargePointStatus.Available);

        JsonNode charger = charger(id);
        assertThat(charger.get("connected").asBoolean()).isTrue();
        assertThat(Instant.parse(charger.get("lastBootAt").asString())).isAfterOrEqualTo(firstBoot);
        assertThat(connectorStatus(id, 1)).isEqualTo("AVAILABLE");
    }
}
