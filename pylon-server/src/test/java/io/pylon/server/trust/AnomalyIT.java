package io.pylon.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Anomalies raised by what chargers send over OCPP: a broken seal three ways, a drifting meter, a register going back. */
class AnomalyIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private record Setup(Tenant op, String charger, String card) {}

    private Setup setup(String prefix) {
        int n = SEQ.incrementAndGet();
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = prefix + "-" + n + "-" + System.nanoTime() % 100000;
        Charging.stationWithFlatTariff(op, charger);
        String card = prefix.substring(0, 2) + n + "C" + System.nanoTime() % 1000;
        Charging.driverWithBalance(op, "1370000" + String.format("%04d", n), "100", card);
        return new Setup(op, charger, card);
    }

    private JsonNode anomalies(Tenant op, String charger) {
        var r = op.admin().get("/api/v1/anomalies?chargerId=" + charger);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aBrokenSealIsCriticalNamesItsEvidenceQueuesAnInspectionAndIsLogged() {
        Setup s = setup("SEAL");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), s.charger(), null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var ev = cp.call("e", "SecurityEventNotification", "{\"type\":\"TamperDetectionActivated\",\"timestamp\":\"" + now
                    + "\",\"techInfo\":\"meter cover opened\"}");
            assertThat(ev.get(0).asInt()).as(ev.toString()).isEqualTo(3);
            cp.call("e2", "SecurityEventNotification", "{\"type\":\"TamperDetectionActivated\",\"timestamp\":\"" + now
                    + "\",\"techInfo\":\"meter cover opened\"}"); // the same report again counts once
            cp.call("s", "StatusNotification", "{\"connectorId\":1,\"status\":\"Faulted\",\"errorCode\":\"OtherError\","
                    + "\"vendorErrorCode\":\"MeterCoverOpen\",\"timestamp\":\"" + now.plusSeconds(5) + "\"}");
            cp.call("d", "DataTransfer", "{\"vendorId\":\"com.example.meter\",\"messageId\":\"Seal\",\"data\":\"封印破坏 seal broken\"}");
            cp.call("ok", "StatusNotification", "{\"connectorId\":2,\"status\":\"Faulted\",\"errorCode\":\"GroundFailure\"}");
        }
        JsonNode found = anomalies(s.op(), s.charger());
        assertThat(found.size()).as(found.toString()).isEqualTo(3);
        for (JsonNode a : found) {
            assertThat(a.get("rule").asString()).isEqualTo("SEAL_BROKEN");
            assertThat(a.get("severity").asString()).isEqualTo("CRITICAL");
        }
        assertThat(found.toString()).contains("TamperDetectionActivated", "MeterCoverOpen", "封印破坏");
        var inspections = s.op().admin().get("/api/v1/inspections").body();
        assertThat(inspections.findValuesAsString("chargerId")).containsOnlyOnce(s.charger());
        long inspection = inspections.findValues("chargerId").isEmpty() ? -1 : inspections.get(inspections.size() - 1).get("id").asLong();
        var entries = api.get("/api/v1/transparency/entries?from=0&count=1000");
        assertThat(entries.raw()).contains("METER_SEAL").contains(s.charger());
        // the crew closes the visit; another operator cannot
        Tenant other = Tenants.create(api, httpPort, "CNY");
        assertThat(other.admin().post("/api/v1/inspections/" + inspection + "/done", "{\"note\":\"x\"}").status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/anomalies?chargerId=" + s.charger()).body().size()).isZero();
        assertThat(s.op().admin().post("/api/v1/inspections/" + inspection + "/done", "{\"note\":\"seal replaced\"}").status())
                .isEqualTo(200);
        assertThat(s.op().admin().get("/api/v1/inspections").body().findValuesAsString("chargerId")).doesNotContain(s.charger());
    }

    private long session(Setup s, String meterValues, long meterStop, Instant start) {
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), s.charger(), null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + s.card()
                    + "\",\"meterStart\":1000,\"timestamp\":\"" + start + "\"}");
            long tx = started.get(2).get("transactionId").asLong();
            var mv = cp.call("m", "MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[" + meterValues + "]}");
            assertThat(mv.get(0).asInt()).as(mv.toString()).isEqualTo(3);
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":" + meterStop + ",\"timestamp\":\""
                    + start.plusSeconds(1200) + "\"}");
            orderListenersDone(); // the anomaly checks run after the charger's answer
            return tx;
        }
    }

    private static String sample(Instant at, long registerWh, long powerW) {
        return "{\"timestamp\":\"" + at + "\",\"sampledValue\":[{\"value\":\"" + registerWh + "\",\"measurand\":"
                + "\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},{\"value\":\"" + powerW + "\",\"measurand\":"
                + "\"Power.Active.Import\",\"unit\":\"W\"}]}";
    }

    @Test
    void aMeterCountingThreePercentFastIsCaughtAgainstItsOwnPowerReadings() {
        Setup s = setup("DRIFT");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        // 7 kW for 20 minutes is 2333 Wh; the register counts 3 % more
        String values = sample(t, 1000, 7000) + "," + sample(t.plusSeconds(600), 1000 + 1202, 7000) + ","
                + sample(t.plusSeconds(1200), 1000 + 2403, 7000);
        long tx = session(s, values, 1000 + 2403, t);
        JsonNode found = anomalies(s.op(), s.charger());
        assertThat(found.size()).as(found.toString()).isEqualTo(1);
        assertThat(found.get(0).get("rule").asString()).isEqualTo("ENERGY_POWER_MISMATCH");
        assertThat(found.get(0).get("sessionId").asLong()).isEqualTo(tx);
        assertThat(found.get(0).get("evidence").asString()).contains("2403 Wh", "2333 Wh", "3.0%");
        // a warning: no inspection
        assertThat(s.op().admin().get("/api/v1/inspections").body().findValuesAsString("chargerId")).doesNotContain(s.charger());

        Setup honest = setup("HONEST");
        String exact = sample(t, 1000, 7000) + "," + sample(t.plusSeconds(600), 1000 + 1167, 7000) + ","
                + sample(t.plusSeconds(1200), 1000 + 2333, 7000);
        session(honest, exact, 1000 + 2333, t);
        assertThat(anomalies(honest.op(), honest.charger()).size()).isZero();
    }

    @Test
    void aRegisterGoingBackwardsIsCritical() {
        Setup s = setup("BACK");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String values = "{\"timestamp\":\"" + t.plusSeconds(300) + "\",\"sampledValue\":[{\"value\":\"1500\",\"unit\":\"Wh\"}]},"
                + "{\"timestamp\":\"" + t.plusSeconds(600) + "\",\"sampledValue\":[{\"value\":\"1400\",\"unit\":\"Wh\"}]}";
        session(s, values, 2000, t);
        JsonNode found = anomalies(s.op(), s.charger());
        assertThat(found.size()).as(found.toString()).isEqualTo(1);
        assertThat(found.get(0).get("rule").asString()).isEqualTo("REGISTER_BACKWARDS");
        assertThat(found.get(0).get("evidence").asString()).contains("1500 Wh", "1400 Wh");
        assertThat(s.op().admin().get("/api/v1/inspections").body().findValuesAsString("chargerId")).contains(s.charger());
    }
}
