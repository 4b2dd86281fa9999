package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.HeartbeatConfirmation;
import eu.chargetime.ocpp.model.core.HeartbeatRequest;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_001_CSMS Cold boot charge point: boot accepted with an interval, status reported, charger online. */
class Tc001ColdBootIT extends ConformanceBase {

    @Test
    void coldBootIsAcceptedAndTheChargerShowsOnlineWithItsConnectors() {
        String id = "TC001-CP";
        ThirdPartyChargePoint cp = connectedOnly(id);

        BootNotificationConfirmation boot = cp.boot();
        assertThat(boot.getStatus()).isEqualTo(RegistrationStatus.Accepted);
        assertThat(boot.getInterval()).isEqualTo(60);
        assertThat(Duration.between(boot.getCurrentTime(), ZonedDateTime.now()).abs()).isLessThan(Duration.ofMinutes(1));

        cp.status(0, ChargePointStatus.Available);
        cp.status(1, ChargePointStatus.Available);
        cp.status(2, ChargePointStatus.Available);
        HeartbeatConfirmation heartbeat = cp.send(new HeartbeatRequest());
        assertThat(heartbeat.getCurrentTime()).isNotNull();

        JsonNode charger = eventually(() -> charger(id), c -> c.get("connectors").size() == 3);
        assertThat(charger.get("connected").asBoolean()).isTrue();
        assertThat(charger.get("online").asBoolean()).isTrue();
        assertThat(charger.get("registration").asString()).isEqualTo("ACCEPTED");
        assertThat(charger.get("boot").get("vendor").asString()).isEqualTo("ChargeTime");
        assertThat(charger.get("boot").get("model").asString()).isEqualTo("JavaOCA-CP");
        assertThat(charger.get("boot").get("firmwareVersion").asString()).isEqualTo("1.1.0");
        assertThat(charger.get("lastBootAt").isNull()).isFalse();
        for (JsonNode connector : charger.get("connectors")) {
            assertThat(connector.get("status").asString()).isEqualTo("AVAILABLE");
            assertThat(connector.get("errorCode").asString()).isEqualTo("NoError");
        }
        assertThat(api.get("/api/v1/chargers/" + id + "/connectors/1/history").body().size()).isEqualTo(1);

        cp.disconnect();
        JsonNode offline = eventually(() -> charger(id), c -> !c.get("connected").asBoolean());
        assertThat(offline.get("online").asBoolean()).isFalse();
    }
}
