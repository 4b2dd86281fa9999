package io.pylon.server.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.session.MeterSample;
import io.pylon.ocpp.v16.MeterValues;
import io.pylon.ocpp.v16.Ocpp16Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tree-walking reader of MeterValues gives exactly what binding to the records gives, defaults included. */
class MeterSamplesTest {

    private static JsonNode payload(String json) {
        return Ocpp16Json.mapper().readTree(json);
    }

    @Test
    void readingTheTreeEqualsReadingTheRecords() {
        JsonNode p = payload("""
                {"connectorId":2,"transactionId":7,"meterValue":[
                 {"timestamp":"2026-11-21T10:00:00.123+08:00","sampledValue":[
                   {"value":"1234"},
                   {"value":"7.2","measurand":"Power.Active.Import","unit":"kW","phase":"L1","context":"Trigger"},
                   {"value":"OCMF|{}|{}","format":"SignedData","measurand":"Energy.Active.Import.Register","location":"Cable"},
                   {"value":"55","measurand":"SoC"}]},
                 {"timestamp":"2026-11-21T02:01:00Z","sampledValue":[{"value":"230.1","measurand":"Voltage"}]}]}""");

        List<MeterSample> fromTree = MeterSamples.of(p.get("meterValue"));
        List<MeterSample> fromRecords = MeterSamples.of(Ocpp16Json.read(p, MeterValues.Request.class).meterValue());

        assertThat(fromTree).isEqualTo(fromRecords).hasSize(5);
        assertThat(fromTree.getFirst()).isEqualTo(new MeterSample(Instant.parse("2026-11-21T02:00:00.123Z"),
                "Energy.Active.Import.Register", null, "Wh", "Sample.Periodic", "Outlet", "Raw", "1234"));
        assertThat(fromTree.get(3).unit()).isEqualTo("Percent");
        assertThat(fromTree.get(4).timestamp()).isEqualTo(Instant.parse("2026-11-21T02:01:00Z"));
    }
}
