package io.pylon.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.simulator.FleetConfig;
import io.pylon.simulator.MeterFaults;
import io.pylon.simulator.SimulatedCharger;
import io.pylon.simulator.SimulatedFleet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's faulty meters ({@code --meter-drift 3%}, {@code --broken-seal}) against the platform: both are
 * caught. The simulated charger runs on a clock 120 times faster than real time, so a 10-second run is a 20-minute
 * session.
 */
class SimulatedMeterFaultsIT extends PylonIT {

    /** Real time × 120 from the moment it is made. */
    private static final class FastClock extends Clock {
        private final Instant origin = Instant.now();
        private final long startNanos = System.nanoTime();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return origin.plusNanos((System.nanoTime() - startNanos) * 120);
        }
    }

    @Test
    void aMeterCountingThreePercentFastAndABrokenSealAreCaught() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String prefix = "FAULTY-" + System.nanoTime() % 100000 + "-";
        String charger = Charging.stationWithFlatTariff(op, prefix + "00001");
        String card = "FM" + System.nanoTime() % 100000;
        Charging.driverWithBalance(op, "1350000" + System.nanoTime() % 10000, "500", card);
        MeterFaults.configure(MeterFaults.parsePercent("3%"), true);
        FleetConfig config = FleetConfig.defaults(URI.create(ocppUrl())).withCount(1).withIdPrefix(prefix).withConnectorsPerCharger(1)
                .withChargingShare(0).withConnectsPerSecond(0).withDcShare(0).withMeterInterval(Duration.ofSeconds(1))
                .withCallTimeout(Duration.ofSeconds(10)).withIdTags(List.of(card)).withClock(new FastClock());
        try (SimulatedFleet fleet = SimulatedFleet.start(config)) {
            SimulatedCharger sim = fleet.chargers().getFirst();
            assertThat(sim.id()).isEqualTo(charger);
            awaitTrue(sim::isRegistered, Duration.ofSeconds(30));
            assertThat(sim.startSession(1, card).get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread.sleep(10_000); // 20 simulated minutes of charging, sampled every simulated 2 minutes
            sim.stopSession(1, "Local").get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            MeterFaults.configure(0, false);
        }
        JsonNode found = awaitAnomalies(op, charger, 2, Duration.ofSeconds(30));
        assertThat(found.findValuesAsString("rule")).contains("SEAL_BROKEN", "ENERGY_POWER_MISMATCH");
        assertThat(found.toString()).contains("TamperDetectionActivated", "meter seal broken");
    }

    private JsonNode awaitAnomalies(Tenant op, String charger, int atLeast, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        JsonNode found;
        do {
            found = op.admin().get("/api/v1/anomalies?chargerId=" + charger).body();
            if (found.size() >= atLeast) {
                return found;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < until);
        return found;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
