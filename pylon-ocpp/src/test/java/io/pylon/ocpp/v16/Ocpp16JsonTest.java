package io.pylon.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.ocpp.rpc.FrameCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Ocpp16JsonTest {

    @Test
    void readsMeterValuesWithOffsetTimestampsAndDefaults() {
        var payload = FrameCodec.mapper().readTree("""
                {"connectorId":1,"transactionId":7,"meterValue":[{"timestamp":"2026-03-01T08:00:00+08:00",
                 "sampledValue":[{"value":"1234"},{"value":"7.4","measurand":"Power.Active.Import","unit":"kW"}]}]}""");
        var request = Ocpp16Json.read(payload, MeterValues.Request.class);
        assertThat(request.transactionId()).isEqualTo(7);
        var value = request.meterValue().getFirst();
        assertThat(value.timestamp()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        var energy = value.sampledValue().getFirst().withDefaults();
        assertThat(energy.measurand()).isEqualTo("Energy.Active.Import.Register");
        assertThat(energy.unit()).isEqualTo("Wh");
        assertThat(energy.context()).isEqualTo("Sample.Periodic");
        assertThat(value.sampledValue().get(1).withDefaults().unit()).isEqualTo("kW");
    }

    @Test
    void writesRepliesWithoutNullsAndWithIsoTimes() {
        var json = Ocpp16Json.write(new StartTransaction.Response(new IdTagInfo("Accepted", null, null), 5));
        assertThat(json.toString()).isEqualTo("{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":5}");
        var boot = Ocpp16Json.write(new BootNotification.Response("Accepted", Instant.parse("2026-01-01T00:00:00Z"), 60));
        assertThat(boot.get("currentTime").asString()).isEqualTo("2026-01-01T00:00:00Z");
    }
}
