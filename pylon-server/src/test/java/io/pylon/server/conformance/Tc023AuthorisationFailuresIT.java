package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.IdTagInfo;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_023_1/2/3_CSMS Start charging session – authorize invalid / expired / blocked. */
class Tc023AuthorisationFailuresIT extends ConformanceBase {

    @Test
    void blockedExpiredAndInvalidIdTagsAreRefusedWithTheirStatus() {
        String id = "TC023-CP";
        idToken("TC023-BLOCKED", "BLOCKED");
        idToken("TC023-EXPIRED", "EXPIRED");
        idToken("TC023-INVALID", "INVALID");
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post("/api/v1/id-tokens", "{\"idTag\":\"TC023-PASSED\",\"status\":\"ACCEPTED\",\"expiry\":\""
                + yesterday + "\"}").status()).isEqualTo(201);
        ThirdPartyChargePoint cp = chargePoint(id);

        assertThat(cp.authorize("TC023-BLOCKED").getStatus()).isEqualTo(AuthorizationStatus.Blocked);
        assertThat(cp.authorize("TC023-EXPIRED").getStatus()).isEqualTo(AuthorizationStatus.Expired);
        assertThat(cp.authorize("TC023-INVALID").getStatus()).isEqualTo(AuthorizationStatus.Invalid);
        assertThat(cp.authorize("TC023-UNKNOWN").getStatus()).isEqualTo(AuthorizationStatus.Invalid);
        IdTagInfo passed = cp.authorize("TC023-PASSED");
        assertThat(passed.getStatus()).isEqualTo(AuthorizationStatus.Expired);
        assertThat(passed.getExpiryDate().toInstant()).isEqualTo(yesterday);
    }

    @Test
    void aSessionStartedOfflineWithABlockedTagIsAnsweredBlockedAndRecordedAsSuch() {
        String id = "TC023-CP2";
        idToken("TC023-BLOCK2", "BLOCKED");
        ThirdPartyChargePoint cp = chargePoint(id);

        StartTransactionConfirmation started = cp.start(1, "TC023-BLOCK2", 0, ThirdPartyChargePoint.now());
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Blocked);
        int tx = started.getTransactionId();
        cp.stop(tx, 0, ThirdPartyChargePoint.now(), Reason.DeAuthorized, null);

        JsonNode session = session(tx);
        assertThat(session.get("authStatus").asString()).isEqualTo("BLOCKED");
        assertThat(session.get("stopReason").asString()).isEqualTo("DeAuthorized");
        assertThat(session.get("energyWh").asLong()).isZero();
    }

    @Test
    void aTagThatIsAlreadyChargingIsAnsweredConcurrentTx() {
        String id = "TC023-CP3";
        idToken("TC023-BUSY", "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        assertThat(cp.start(1, "TC023-BUSY", 0, ThirdPartyChargePoint.now()).getIdTagInfo().getStatus())
                .isEqualTo(AuthorizationStatus.Accepted);
        StartTransactionConfirmation second = cp.start(2, "TC023-BUSY", 0, ThirdPartyChargePoint.now());
        assertThat(second.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.ConcurrentTx);
        assertThat(session(second.getTransactionId()).get("authStatus").asString()).isEqualTo("CONCURRENT_TX");
    }
}
