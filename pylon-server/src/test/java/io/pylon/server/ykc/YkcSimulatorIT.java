package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.simulator.YkcFleet;
import io.pylon.simulator.YkcFleetConfig;
import io.pylon.simulator.YkcPile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's YKC piles against the platform: power-on flow, a card session ending in a settled order, and a
 * session whose pile lost the platform — its record kept, uploaded after the reconnect and billed once.
 */
class YkcSimulatorIT extends PylonIT {

    @Test
    void simulatedPilesChargeAndUploadWhatTheyRecordedOffline() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("YKC simulated");
        Charging.flatTariff(op, station);
        String prefix = "7" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000L));
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86135"), "200", card);
        YkcFleetConfig config = YkcFleetConfig.defaults("127.0.0.1", ykcPort()).withCount(2).withPilePrefix(prefix)
                .withGuns(1).withIntervals(Duration.ofSeconds(5), Duration.ofMillis(300))
                .withCharging(0, List.of(), Duration.ofMinutes(20), 60)
                .withRetries(Duration.ofSeconds(2), Duration.ofMillis(500)).withRun(0, null, 7L, List.of());
        for (int n = 1; n <= 2; n++) op.charger(config.pileCode(n), station);

        try (YkcFleet fleet = YkcFleet.start(config)) {
            YkcPile online = fleet.pile(config.pileCode(1));
            YkcPile outage = fleet.pile(config.pileCode(2));
            online.loggedIn().get(10, TimeUnit.SECONDS);
            outage.loggedIn().get(10, TimeUnit.SECONDS);
            await(() -> online.modelNumber() > 0, "the pile got its billing model");

            online.startCard(1, card).get(10, TimeUnit.SECONDS);
            Thread.sleep(1500);
            online.stop(1).get();
            await(() -> online.unconfirmedRecords() == 0, "the record was confirmed");
            JsonNode order = single(op, config.pileCode(1));
            assertThat(order.get("state").asString()).as(order.toString()).isEqualTo("SETTLED");
            assertThat(order.get("energyWh").asLong()).isPositive();

            outage.startCard(1, card).get(10, TimeUnit.SECONDS);
            Thread.sleep(1000);
            outage.dropConnection().get();
            outage.stop(1).get(); // the session ends while the platform is out of reach
            await(() -> outage.unconfirmedRecords() == 0, "the record kept offline was uploaded and confirmed");
            JsonNode offline = single(op, config.pileCode(2));
            assertThat(offline.get("state").asString()).as(offline.toString()).isIn("SETTLED", "FINISHED");
            assertThat(fleet.report().action("record").count()).isGreaterThanOrEqualTo(2);
        }
    }

    private JsonNode single(Tenant op, String pile) {
        JsonNode items = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("timed out waiting: " + what);
            Thread.sleep(100);
        }
    }
}
