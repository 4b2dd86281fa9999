package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.RecurrencyKindType;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** TC_056_CSMS Central smart charging – TxDefaultProfile (and a ChargePointMaxProfile on connector 0). */
class Tc056TxDefaultProfileIT extends ConformanceBase {

    @Test
    void aDailyTxDefaultProfileReachesTheChargerWithItsPeriodsAndLimits() {
        String id = "TC056-CP";
        ThirdPartyChargePoint cp = chargePoint(id);
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);

        String body = """
                {"connectorId":1,"chargingProfile":{"chargingProfileId":56,"stackLevel":1,
                 "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Recurring","recurrencyKind":"Daily",
                 "chargingSchedule":{"duration":86400,"startSchedule":"%s","chargingRateUnit":"A",
                  "chargingSchedulePeriod":[{"startPeriod":0,"limit":16},{"startPeriod":28800,"limit":6.5,"numberPhases":1}]}}}
                """.formatted(start);
        assertThat(command(id, "set-charging-profile", body).get("status").asString()).isEqualTo("Accepted");

        SetChargingProfileRequest received = cp.await(SetChargingProfileRequest.class);
        assertThat(received.getConnectorId()).isEqualTo(1);
        ChargingProfile profile = received.getCsChargingProfiles();
        assertThat(profile.getChargingProfileId()).isEqualTo(56);
        assertThat(profile.getStackLevel()).isEqualTo(1);
        assertThat(profile.getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.TxDefaultProfile);
        assertThat(profile.getChargingProfileKind()).isEqualTo(ChargingProfileKindType.Recurring);
        assertThat(profile.getRecurrencyKind()).isEqualTo(RecurrencyKindType.Daily);
        assertThat(profile.getTransactionId()).isNull();
        ChargingSchedule schedule = profile.getChargingSchedule();
        assertThat(schedule.getChargingRateUnit()).isEqualTo(ChargingRateUnitType.A);
        assertThat(schedule.getDuration()).isEqualTo(86400);
        assertThat(schedule.getStartSchedule().toInstant()).isEqualTo(start);
        ChargingSchedulePeriod[] periods = schedule.getChargingSchedulePeriod();
        assertThat(Arrays.stream(periods).map(ChargingSchedulePeriod::getStartPeriod)).containsExactly(0, 28800);
        assertThat(Arrays.stream(periods).map(ChargingSchedulePeriod::getLimit)).containsExactly(16.0, 6.5);
        assertThat(periods[0].getNumberPhases()).as("left out: the spec's default").isEqualTo(3);
        assertThat(periods[1].getNumberPhases()).isEqualTo(1);
    }

    @Test
    void aChargePointMaxProfileGoesToConnectorZeroAndARefusalIsShown() {
        String id = "TC056-MAX";
        ThirdPartyChargePoint cp = chargePoint(id);
        String body = """
                {"connectorId":0,"chargingProfile":{"chargingProfileId":560,"stackLevel":0,
                 "chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Relative",
                 "chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":22000}]}}}
                """;
        assertThat(command(id, "set-charging-profile", body).get("status").asString()).isEqualTo("Accepted");
        SetChargingProfileRequest received = cp.await(SetChargingProfileRequest.class);
        assertThat(received.getConnectorId()).isZero();
        assertThat(received.getCsChargingProfiles().getChargingProfilePurpose()).isEqualTo(ChargingProfilePurposeType.ChargePointMaxProfile);
        assertThat(received.getCsChargingProfiles().getChargingProfileKind()).isEqualTo(ChargingProfileKindType.Relative);
        assertThat(received.getCsChargingProfiles().getChargingSchedule().getChargingRateUnit()).isEqualTo(ChargingRateUnitType.W);
        assertThat(received.getCsChargingProfiles().getChargingSchedule().getChargingSchedulePeriod()[0].getLimit()).isEqualTo(22000.0);

        cp.answer(SetChargingProfileRequest.class, r -> new SetChargingProfileConfirmation(ChargingProfileStatus.Rejected));
        assertThat(command(id, "set-charging-profile", body).get("status").asString()).isEqualTo("Rejected");
        cp.await(SetChargingProfileRequest.class);
    }
}
