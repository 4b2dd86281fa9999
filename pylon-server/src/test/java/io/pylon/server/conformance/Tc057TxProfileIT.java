package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;
import org.junit.jupiter.api.Test;

/** TC_057_CSMS Central smart charging – TxProfile for a running transaction. */
class Tc057TxProfileIT extends ConformanceBase {

    @Test
    void aTxProfileForTheRunningTransactionReachesTheCharger() {
        String id = "TC057-CP";
        String tag = "TC057-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        int tx = cp.start(1, tag, 0, ThirdPartyChargePoint.now()).getTransactionId();
        cp.status(1, ChargePointStatus.Charging);

        String body = """
                {"connectorId":1,"chargingProfile":{"chargingProfileId":57,"transactionId":%d,"stackLevel":2,
                 "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
                 "chargingSchedule":{"duration":3600,"chargingRateUnit":"W","minChargingRate":1380,
                  "chargingSchedulePeriod":[{"startPeriod":0,"limit":11000,"numberPhases":3},{"startPeriod":1800,"limit":3680}]}}}
                """.formatted(tx);
        assertThat(command(id, "set-charging-profile", body).get("status").asString()).isEqualTo("Accepted");

        SetChargingProfileRequest received = cp.await(SetChargingProfileRequest.class);
        assertThat(received.getConnectorId()).isEqualTo(1);
        ChargingProfile profile = received.getCsChargingProfiles();
        assertThat(profile.getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxProfile);
        assertThat(profile.getChargingProfileKind()).isEqualTo(ChargingProfileKindType.Relative);
        assertThat(profile.getTransactionId()).isEqualTo(tx);
        assertThat(profile.getStackLevel()).isEqualTo(2);
        assertThat(profile.getChargingSchedule().getDuration()).isEqualTo(3600);
        assertThat(profile.getChargingSchedule().getMinChargingRate()).isEqualTo(1380.0);
        // numberPhases is left out of the second period; the library then reads the spec's default of 3
        assertThat(profile.getChargingSchedule().getChargingSchedulePeriod()).extracting("startPeriod", "limit", "numberPhases")
                .containsExactly(tuple(0, 11000.0, 3), tuple(1800, 3680.0, 3));
    }
}
