package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import org.junit.jupiter.api.Test;

/** TC_059_CSMS Remote start transaction with a charging profile (TxProfile). */
class Tc059RemoteStartWithChargingProfileIT extends ConformanceBase {

    @Test
    void theRemoteStartCarriesTheTxProfileToTheCharger() {
        String id = "TC059-CP";
        String tag = "TC059-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);

        String body = """
                {"connectorId":1,"idTag":"%s","chargingProfile":{"chargingProfileId":59,"stackLevel":0,
                 "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
                 "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":10}]}}}
                """.formatted(tag);
        assertThat(command(id, "remote-start", body).get("status").asString()).isEqualTo("Accepted");

        RemoteStartTransactionRequest received = cp.await(RemoteStartTransactionRequest.class);
        assertThat(received.getIdTag()).isEqualTo(tag);
        assertThat(received.getConnectorId()).isEqualTo(1);
        ChargingProfile profile = received.getChargingProfile();
        assertThat(profile.getChargingProfileId()).isEqualTo(59);
        assertThat(profile.getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxProfile);
        assertThat(profile.getChargingSchedule().getChargingSchedulePeriod()[0].getLimit()).isEqualTo(10.0);

        int tx = cp.start(1, tag, 0, ThirdPartyChargePoint.now()).getTransactionId();
        assertThat(session(tx).get("state").asString()).isEqualTo("ACTIVE");
    }
}
