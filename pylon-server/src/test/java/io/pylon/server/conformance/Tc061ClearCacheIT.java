package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ClearCacheConfirmation;
import eu.chargetime.ocpp.model.core.ClearCacheRequest;
import eu.chargetime.ocpp.model.core.ClearCacheStatus;
import org.junit.jupiter.api.Test;

/** TC_061_CSMS Clear authorization data in authorization cache (accepted and rejected). */
class Tc061ClearCacheIT extends ConformanceBase {

    @Test
    void theCacheIsClearedAndARefusalIsShown() {
        String id = "TC061-CP";
        ThirdPartyChargePoint cp = chargePoint(id);

        assertThat(command(id, "clear-cache", "").get("status").asString()).isEqualTo("Accepted");
        assertThat(cp.await(ClearCacheRequest.class)).isNotNull();

        cp.answer(ClearCacheRequest.class, r -> new ClearCacheConfirmation(ClearCacheStatus.Rejected));
        assertThat(command(id, "clear-cache", "").get("status").asString()).isEqualTo("Rejected");
        assertThat(cp.await(ClearCacheRequest.class)).isNotNull();
    }
}
