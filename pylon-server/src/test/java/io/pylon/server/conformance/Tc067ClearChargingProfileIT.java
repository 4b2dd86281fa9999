package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileRequest;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileStatus;
import org.junit.jupiter.api.Test;

/** TC_067_CSMS Clear charging profile: by id, by purpose and stack level, everything, and Unknown. */
class Tc067ClearChargingProfileIT extends ConformanceBase {

    @Test
    void profilesAreClearedByTheCriteriaTheOperatorGives() {
        String id = "TC067-CP";
        ThirdPartyChargePoint cp = chargePoint(id);

        assertThat(command(id, "clear-charging-profile", "{\"id\":56}").get("status").asString()).isEqualTo("Accepted");
        ClearChargingProfileRequest byId = cp.await(ClearChargingProfileRequest.class);
        assertThat(byId.getId()).isEqualTo(56);
        assertThat(byId.getConnectorId()).isNull();
        assertThat(byId.getChargingProfilePurpose()).isNull();

        assertThat(command(id, "clear-charging-profile",
                "{\"connectorId\":1,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"stackLevel\":1}").get("status").asString())
                .isEqualTo("Accepted");
        ClearChargingProfileRequest byPurpose = cp.await(ClearChargingProfileRequest.class);
        assertThat(byPurpose.getId()).isNull();
        assertThat(byPurpose.getConnectorId()).isEqualTo(1);
        assertThat(byPurpose.getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxDefaultProfile);
        assertThat(byPurpose.getStackLevel()).isEqualTo(1);

        cp.answer(ClearChargingProfileRequest.class, r -> new ClearChargingProfileConfirmation(ClearChargingProfileStatus.Unknown));
        assertThat(command(id, "clear-charging-profile", "").get("status").asString()).isEqualTo("Unknown");
        ClearChargingProfileRequest all = cp.await(ClearChargingProfileRequest.class);
        assertThat(all.getId()).isNull();
        assertThat(all.getConnectorId()).isNull();
    }
}
