package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_004_1_CSMS Regular charging session – identification first: Authorize, start, meter values, stop. */
class Tc004ChargingSessionIdFirstIT extends ConformanceBase {

    @Test
    void aSessionStartedByCardBeforePlugInIsRecordedWithItsEnergyAndMeterValues() {
        String id = "TC004-CP";
        String tag = "TC004-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        cp.status(1, ChargePointStatus.Available);

        assertThat(cp.authorize(tag).getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        cp.status(1, ChargePointStatus.Preparing);
        ZonedDateTime start = ThirdPartyChargePoint.now().minusMinutes(30);
        StartTransactionConfirmation started = cp.start(1, tag, 1_000, start);
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        int tx = started.getTransactionId();
        assertThat(tx).isPositive();
        cp.status(1, ChargePointStatus.Charging);
        assertThat(connectorStatus(id, 1)).isEqualTo("CHARGING");

        cp.meterValues(1, tx, start.plusMinutes(10), 3_000, 11_000);
        cp.meterValues(1, tx, start.plusMinutes(20), 5_000, 11_000);
        JsonNode active = session(tx);
        assertThat(active.get("state").asString()).isEqualTo("ACTIVE");

        StopTransactionConfirmation stopped = cp.stop(tx, 6_500, start.plusMinutes(30), Reason.Local, tag);
        assertThat(stopped.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        cp.status(1, ChargePointStatus.Finishing);
        cp.status(1, ChargePointStatus.Available);

        JsonNode s = eventually(() -> session(tx), v -> v.get("meterValues").size() == 4);
        assertThat(s.get("chargerId").asString()).isEqualTo(id);
        assertThat(s.get("connectorId").asInt()).isEqualTo(1);
        assertThat(s.get("idTag").asString()).isEqualTo(tag);
        assertThat(s.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(s.get("meterStartWh").asLong()).isEqualTo(1_000);
        assertThat(s.get("meterStopWh").asLong()).isEqualTo(6_500);
        assertThat(s.get("energyWh").asLong()).isEqualTo(5_500);
        assertThat(s.get("stopReason").asString()).isEqualTo("Local");
        assertThat(s.get("startedAt").asString()).isEqualTo(start.toInstant().toString());
        assertThat(s.get("stoppedAt").asString()).isEqualTo(start.plusMinutes(30).toInstant().toString());
        assertThat(s.get("meterValues").valueStream()
                .filter(v -> v.get("measurand").asString().equals("Energy.Active.Import.Register"))
                .map(v -> v.get("value").asString())).containsExactly("3000", "5000");

        JsonNode listed = sessions(id).getFirst();
        assertThat(listed.get("id").asLong()).isEqualTo(tx);
        assertThat(listed.get("energyWh").asLong()).isEqualTo(5_500);
        assertThat(connectorStatus(id, 1)).isEqualTo("AVAILABLE");
    }
}
