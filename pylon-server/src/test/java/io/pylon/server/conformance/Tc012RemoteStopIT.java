package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_012_CSMS Remote stop charging session. */
class Tc012RemoteStopIT extends ConformanceBase {

    @Test
    void theOperatorStopsARunningSessionByItsTransactionId() {
        String id = "TC012-CP";
        String tag = "TC012-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        ZonedDateTime start = ThirdPartyChargePoint.now().minusMinutes(10);
        int tx = cp.start(1, tag, 10_000, start).getTransactionId();
        cp.status(1, ChargePointStatus.Charging);

        JsonNode reply = command(id, "remote-stop", "{\"transactionId\":" + tx + "}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        assertThat(cp.await(RemoteStopTransactionRequest.class).getTransactionId()).isEqualTo(tx);

        cp.stop(tx, 12_345, start.plusMinutes(10), Reason.Remote, null);
        cp.status(1, ChargePointStatus.Finishing);

        JsonNode session = session(tx);
        assertThat(session.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(session.get("stopReason").asString()).isEqualTo("Remote");
        assertThat(session.get("energyWh").asLong()).isEqualTo(2_345);
        assertThat(api.get("/api/v1/sessions?chargerId=" + id + "&state=ACTIVE").body().get("total").asLong()).isZero();
    }
}
