package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.smartcharging.ChargingRateUnitType;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleConfirmation;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleRequest;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_066_CSMS Get composite schedule: the charger's schedule is shown to the operator. */
class Tc066GetCompositeScheduleIT extends ConformanceBase {

    @Test
    void theCompositeScheduleIsRequestedAndReturnedWithItsPeriods() {
        String id = "TC066-CP";
        ThirdPartyChargePoint cp = chargePoint(id);

        JsonNode reply = command(id, "get-composite-schedule", "{\"connectorId\":1,\"duration\":3600,\"chargingRateUnit\":\"A\"}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        GetCompositeScheduleRequest received = cp.await(GetCompositeScheduleRequest.class);
        assertThat(received.getConnectorId()).isEqualTo(1);
        assertThat(received.getDuration()).isEqualTo(3600);
        assertThat(received.getChargingRateUnit()).isEqualTo(ChargingRateUnitType.A);

        JsonNode data = reply.get("data");
        assertThat(data.get("connectorId").asInt()).isEqualTo(1);
        assertThat(data.get("scheduleStart").asString()).isNotBlank();
        JsonNode schedule = data.get("chargingSchedule");
        assertThat(schedule.get("chargingRateUnit").asString()).isEqualTo("A");
        assertThat(schedule.get("duration").asInt()).isEqualTo(3600);
        assertThat(schedule.get("chargingSchedulePeriod").valueStream().map(p -> p.get("startPeriod").asInt())).containsExactly(0, 1800);
        assertThat(schedule.get("chargingSchedulePeriod").valueStream().map(p -> p.get("limit").asDouble())).containsExactly(16.0, 10.0);

        cp.answer(GetCompositeScheduleRequest.class, r -> new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.Rejected));
        assertThat(command(id, "get-composite-schedule", "{\"connectorId\":1,\"duration\":60}").get("status").asString())
                .isEqualTo("Rejected");
        assertThat(cp.await(GetCompositeScheduleRequest.class).getChargingRateUnit()).isNull();
    }
}
