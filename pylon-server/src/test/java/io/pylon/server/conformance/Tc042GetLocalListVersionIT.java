package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionConfirmation;
import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_042_1/2_CSMS Get local list version (not supported / empty), and the version the API shows follows the charger. */
class Tc042GetLocalListVersionIT extends ConformanceBase {

    @Test
    void theVersionTheChargerReportsIsShownAndNotSupportedChangesNothing() {
        String id = "TC042-CP";
        ThirdPartyChargePoint cp = chargePoint(id);

        JsonNode empty = command(id, "get-local-list-version", "");
        cp.await(GetLocalListVersionRequest.class);
        assertThat(empty.get("data").get("listVersion").asInt()).isZero();
        assertThat(charger(id).get("localListVersion").asInt()).isZero();

        cp.localListVersion = 7;
        assertThat(command(id, "get-local-list-version", "").get("data").get("listVersion").asInt()).isEqualTo(7);
        assertThat(charger(id).get("localListVersion").asInt()).isEqualTo(7);

        cp.answer(GetLocalListVersionRequest.class, r -> new GetLocalListVersionConfirmation(-1));
        assertThat(command(id, "get-local-list-version", "").get("data").get("listVersion").asInt()).isEqualTo(-1);
        assertThat(charger(id).get("localListVersion").asInt()).isEqualTo(7);
    }
}
