package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_003_CSMS Regular charging session – plugin first: Preparing, then Authorize, start, meter values, stop. */
class Tc003ChargingSessionPlugInFirstIT extends ConformanceBase {

    @Test
    void aSessionWhereTheCableWasPluggedInFirstIsRecordedWithItsEnergy() {
        String id = "TC003-CP";
        String tag = "TC003-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        cp.status(2, ChargePointStatus.Available);
        cp.status(2, ChargePointStatus.Preparing);
        assertThat(connectorStatus(id, 2)).isEqualTo("PREPARING");

        assertThat(cp.authorize(tag).getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        ZonedDateTime start = ThirdPartyChargePoint.now().minusMinutes(5);
        StartTransactionConfirmation started = cp.start(2, tag, 250_000, start);
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        int tx = started.getTransactionId();
        cp.status(2, ChargePointStatus.Charging);
        cp.meterValues(2, tx, start.plusMinutes(1), 250_400, 7_400);
        cp.status(2, ChargePointStatus.SuspendedEV);
        cp.stop(tx, 251_234, start.plusMinutes(5), Reason.EVDisconnected, null);
        cp.status(2, ChargePointStatus.Finishing);

        JsonNode s = eventually(() -> session(tx), v -> v.get("meterValues").size() == 2);
        assertThat(s.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(s.get("connectorId").asInt()).isEqualTo(2);
        assertThat(s.get("energyWh").asLong()).isEqualTo(1_234);
        assertThat(s.get("stopReason").asString()).isEqualTo("EVDisconnected");
        assertThat(connectorStatus(id, 2)).isEqualTo("FINISHING");
        assertThat(api.get("/api/v1/sessions?idTag=" + tag).body().get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/sessions?chargerId=" + id + "&state=COMPLETED").body().get("total").asLong()).isEqualTo(1);
    }
}
