package io.pylon.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.metering.MeterDataVerifier;
import io.pylon.domain.metering.VerificationStatus;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Signed meter values (OCMF) through the real OCPP path: the S.A.F.E. samples sent by a charger in MeterValues
 * ({@code format: SignedData}) and StopTransaction {@code transactionData}, checked against the registered meter key;
 * the bill uses the signed readings when they verify, and a session exports as S.A.F.E. XML.
 */
class SignedMeterValuesIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @org.springframework.beans.factory.annotation.Autowired
    MeterReminders reminders;

    private static String events(Tenant op, String charger) {
        var r = op.admin().get("/api/v1/chargers/" + charger + "/events");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.raw();
    }

    private record Session(long id, String charger) {}

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String signed(String context, String data, Instant at) {
        return "{\"timestamp\":\"" + at + "\",\"sampledValue\":[{\"value\":" + json(data) + ",\"context\":\"" + context
                + "\",\"format\":\"SignedData\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}";
    }

    /** One session of 5000 unsigned Wh whose signed begin goes in MeterValues (if any) and signed end in StopTransaction. */
    private Session charge(Tenant op, String charger, String card, int connector, String begin, String end) {
        Charging.driverWithBalance(op, "1380000" + String.format("%04d", SEQ.incrementAndGet()), "100", card);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); // the tariff is in force from now
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"KEBA\",\"chargePointModel\":\"KCP30\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":" + connector + ",\"idTag\":\"" + card
                    + "\",\"meterStart\":1000,\"timestamp\":\"" + start + "\"}");
            long tx = started.get(2).get("transactionId").asLong();
            if (begin != null) {
                var mv = cp.call("m", "MeterValues", "{\"connectorId\":" + connector + ",\"transactionId\":" + tx
                        + ",\"meterValue\":[" + signed("Transaction.Begin", begin, start) + "]}");
                assertThat(mv.get(0).asInt()).as(mv.toString()).isEqualTo(3);
            }
            var stop = cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":6000,\"timestamp\":\""
                    + start.plusSeconds(1200) + "\",\"transactionData\":[" + signed("Transaction.End", end, start.plusSeconds(1200)) + "]}");
            assertThat(stop.get(0).asInt()).as(stop.toString()).isEqualTo(3);
            return new Session(tx, charger);
        }
    }

    private Tenant operatorWithCharger(String charger) {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        Charging.stationWithFlatTariff(op, charger);
        return op;
    }

    private void registerMeter(Tenant op, String charger, int connector, String serial, String key) {
        var r = op.admin().post("/api/v1/meters", "{\"chargerId\":\"" + charger + "\",\"connectorId\":" + connector
                + ",\"serial\":\"" + serial + "\",\"publicKey\":\"" + key + "\",\"firstVerifiedOn\":\"2024-03-01\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private JsonNode metering(Tenant op, long session) {
        var r = op.admin().get("/api/v1/sessions/" + session + "/metering");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private long billedEnergy(Tenant op, String charger) {
        var orders = op.admin().get("/api/v1/orders?chargerId=" + charger);
        assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
        assertThat(orders.body().get("items").get(0).get("state").asString()).as(orders.raw()).isIn("SETTLED", "FINISHED");
        return orders.body().get("items").get(0).get("energyWh").asLong();
    }

    @Test
    void theEbeeBeginAndEndRecordsVerifyAndTheBillUsesTheSignedReadings() {
        OcmfSamples ebee = OcmfSamples.read("test_ocmf_ebee_01.xml");
        String charger = "EBEE-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Tenant op = operatorWithCharger(charger);
        // the key as printed in the sample, with its spaces
        registerMeter(op, charger, 1, "000033022620", "3059 3013 0607 2A86 48CE 3D02 0106 082A 8648 CE3D 0301 0703 4200 04E5 "
                + ebee.publicKeyHex().substring(56));
        Session s = charge(op, charger, "EB" + SEQ.get(), 1, ebee.signedData().get(0), ebee.signedData().get(1));

        JsonNode m = metering(op, s.id());
        assertThat(m.get("status").asString()).as(m.toString()).isEqualTo("VERIFIED");
        assertThat(m.get("meterSerial").asString()).isEqualTo("000033022620");
        assertThat(m.get("beginWh").asLong()).isEqualTo(7753);
        assertThat(m.get("signedEnergyWh").asLong()).isZero();
        // kept exactly as received
        assertThat(m.get("signedData").get(0).asString()).isEqualTo(ebee.signedData().get(0));
        assertThat(m.get("signedData").get(1).asString()).isEqualTo(ebee.signedData().get(1));
        // the charger claimed 5000 Wh unsigned; the meter signed 0 Wh: the bill follows the meter
        assertThat(billedEnergy(op, charger)).isZero();

        // the S.A.F.E. export carries the same strings and key, and verifies again
        var xml = op.admin().get("/api/v1/sessions/" + s.id() + "/safe.xml");
        assertThat(xml.status()).as(xml.raw()).isEqualTo(200);
        OcmfSamples exported = OcmfSamples.parse(xml.raw());
        assertThat(exported.signedData()).isEqualTo(ebee.signedData());
        assertThat(exported.contexts()).containsExactly("Transaction.Begin", "Transaction.End");
        assertThat(new MeterDataVerifier(new OcmfParser()).verify(exported.signedData(), Optional.of(new io.pylon.domain.metering.Meter(
                1, 1, charger, 1, "000033022620", exported.publicKeyHex(), java.time.LocalDate.of(2024, 3, 1), null))).status())
                .isEqualTo(VerificationStatus.VERIFIED);

        // another operator sees neither the session's metering nor its export
        Tenant other = Tenants.create(api, httpPort, "CNY");
        assertThat(other.admin().get("/api/v1/sessions/" + s.id() + "/metering").status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/sessions/" + s.id() + "/safe.xml").status()).isEqualTo(404);
    }

    @Test
    void theKebaSampleInStopTransactionVerifiesAndTheTamperedOneFails() {
        OcmfSamples good = OcmfSamples.read("test_ocmf_keba_kcp30.xml");
        OcmfSamples bad = OcmfSamples.read("test_ocmf_keba_kcp30_fail.xml");
        String charger = "KEBA-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Tenant op = operatorWithCharger(charger);
        registerMeter(op, charger, 0, "17619300", good.publicKeyHex()); // one meter for the whole charger

        Session ok = charge(op, charger, "KB" + SEQ.get(), 1, null, good.signedData().getFirst());
        assertThat(metering(op, ok.id()).get("status").asString()).isEqualTo("VERIFIED");
        assertThat(billedEnergy(op, charger)).isZero(); // 259.6 → 259.7 kWh·10⁻³: 0 whole Wh

        Session tampered = charge(op, charger, "KB" + SEQ.get(), 2, null, bad.signedData().getFirst());
        JsonNode m = metering(op, tampered.id());
        assertThat(m.get("status").asString()).isEqualTo("FAILED");
        assertThat(m.get("reason").asString()).contains("invalid signature");
        assertThat(m.get("signedData").get(0).asString()).isEqualTo(bad.signedData().getFirst());
        var orders = op.admin().get("/api/v1/orders?chargerId=" + charger).body().get("items");
        assertThat(orders.findValues("energyWh").stream().map(JsonNode::asLong).toList()).contains(5000L);
    }

    @Test
    void signedDataWithoutARegisteredMeterIsUnverifiableAndRegistrationIsChecked() {
        OcmfSamples good = OcmfSamples.read("test_ocmf_keba_kcp30.xml");
        String charger = "NOKEY-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Tenant op = operatorWithCharger(charger);
        Session s = charge(op, charger, "NK" + SEQ.get(), 1, null, good.signedData().getFirst());
        assertThat(metering(op, s.id()).get("status").asString()).isEqualTo("UNVERIFIABLE");
        assertThat(billedEnergy(op, charger)).isEqualTo(5000);

        String base = "{\"chargerId\":\"" + charger + "\",\"connectorId\":1,\"serial\":\"S1\",\"firstVerifiedOn\":\"2024-03-01\"";
        assertThat(op.admin().post("/api/v1/meters", base + ",\"rotationDueOn\":\"2026-03-01\"}").status()).isEqualTo(400);
        assertThat(op.admin().post("/api/v1/meters", base + ",\"publicKey\":\"zz\"}").status()).isEqualTo(400);
        assertThat(op.admin().post("/api/v1/meters", base + ",\"rotationDueOn\":\"2030-03-01\"}").status()).isEqualTo(201);
        assertThat(op.admin().post("/api/v1/meters", base + "}").status()).isEqualTo(409);
        Tenant other = Tenants.create(api, httpPort, "CNY");
        assertThat(other.admin().post("/api/v1/meters", base.replace("\"connectorId\":1", "\"connectorId\":2") + "}").status())
                .isEqualTo(404);
        var meters = op.admin().get("/api/v1/meters?noticeDays=3650");
        assertThat(meters.body().get(0).get("rotationReminderDue").asBoolean()).isTrue();
        assertThat(other.admin().get("/api/v1/meters").body().size()).isZero();

        // 90 days before 2030-03-01 the operator is reminded, once
        reminders.remind(java.time.LocalDate.of(2029, 11, 1));
        assertThat(events(op, charger)).doesNotContain("MeterRotationDue");
        reminders.remind(java.time.LocalDate.of(2029, 12, 15));
        reminders.remind(java.time.LocalDate.of(2029, 12, 16));
        assertThat(events(op, charger).split("MeterRotationDue", -1)).hasSize(2);
        assertThat(events(op, charger)).contains("S1", "2030-03-01");
    }
}
