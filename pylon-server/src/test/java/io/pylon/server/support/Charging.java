package io.pylon.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Object mother for money-carrying sessions: a station with a flat tariff, and sessions that end in settled orders. */
public final class Charging {

    private Charging() {}

    /** A station priced at 0.60 electricity + 0.40 service per kWh, all day, with one charger. */
    public static String stationWithFlatTariff(Tenant op, String chargerId) {
        long station = op.station("Priced " + chargerId);
        flatTariff(op, station);
        return op.charger(chargerId, station);
    }

    /** A new YKC pile (unknown code) at a new station priced flat at 0.60 + 0.40 per kWh; answers the pile code. */
    public static String ykcPileAtFlatTariffStation(Tenant op, String stationName) {
        long station = op.station(stationName);
        flatTariff(op, station);
        return op.charger(YkcFrames.newPile(), station);
    }

    /** Gives a station a flat tariff: 0.60 electricity + 0.40 service per kWh. */
    public static void flatTariff(Tenant op, long station) {
        var tariff = op.admin().post("/api/v1/tariffs", """
                {"name":"Flat","terms":{"workdaySchedule":"00:00-24:00 FLAT",
                 "prices":[{"band":"FLAT","electricityPerKwh":0.6,"servicePerKwh":0.4}]}}""");
        assertThat(tariff.status()).as(tariff.raw()).isEqualTo(201);
        var assign = op.admin().put("/api/v1/stations/" + station + "/tariff", "{\"tariffId\":" + tariff.body().get("id").asLong() + "}");
        assertThat(assign.status()).as(assign.raw()).isEqualTo(200);
    }

    /** A driver with money in the wallet (a cash top-up) and a card. */
    public static long driverWithBalance(Tenant op, String phone, String amount, String card) {
        long driver = op.driver(phone);
        var topUp = op.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups", "{\"amount\":" + amount
                + ",\"method\":\"CASH\",\"reference\":\"till-" + phone + "\",\"idempotencyKey\":\"t-" + phone + "\"}");
        assertThat(topUp.status()).as(topUp.raw()).isIn(200, 201);
        op.card(card, driver);
        return driver;
    }

    /** Sessions go on different connectors, so two started in the same second are two sessions. */
    private static final java.util.concurrent.atomic.AtomicInteger CONNECTOR = new java.util.concurrent.atomic.AtomicInteger();

    /** One session of {@code wh} Wh, started now; at the flat tariff it costs wh / 1000 in full units. */
    public static void charge(int ocppPort, String chargerId, String card, long wh) {
        int connector = 1 + CONNECTOR.getAndIncrement() % 8;
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort, chargerId, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":" + connector + ",\"idTag\":\"" + card
                    + "\",\"meterStart\":1000,\"timestamp\":\"" + start + "\"}");
            assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            long tx = started.get(2).get("transactionId").asLong();
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":" + (1000 + wh) + ",\"timestamp\":\""
                    + start.plusSeconds(1200) + "\"}");
        }
    }
}
