package io.pylon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.simulator.FakeCsms.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BootAndSessionTest {
    private FakeCsms csms;
    private SimulatedFleet fleet;

    @BeforeEach
    void setUp() throws Exception {
        csms = new FakeCsms();
    }

    @AfterEach
    void tearDown() {
        if (fleet != null) {
            fleet.close();
        }
        csms.close();
        assertThat(csms.schemaErrors()).isEmpty();
    }

    static FleetConfig testConfig(FakeCsms csms) {
        return FleetConfig.defaults(csms.baseUrl()).withCount(1).withChargingShare(0).withConnectsPerSecond(0)
                .withMeterInterval(Duration.ofSeconds(1)).withReconnectDelay(Duration.ofMillis(200))
                .withCallTimeout(Duration.ofSeconds(5)).withDcShare(0);
    }

    @Test
    void bootsAndReportsStatusOfEveryConnector() {
        fleet = SimulatedFleet.start(testConfig(csms).withPassword("s3cret"));
        SimulatedCharger charger = fleet.chargers().get(0);
        assertThat(charger.id()).isEqualTo("SIM-00001");
        JsonNode boot = csms.await("SIM-00001", "BootNotification").payload();
        assertThat(boot.path("chargePointVendor").asString()).isEqualTo("Pylon");
        assertThat(boot.path("firmwareVersion").asString()).isNotBlank();
        assertThat(boot.path("iccid").asString()).hasSize(20);
        for (int c = 0; c <= 2; c++) {
            int connector = c;
            csms.await("SIM-00001", "StatusNotification", p -> p.path("connectorId").asInt() == connector
                    && p.path("status").asString().equals("Available"), 5_000);
        }
        assertThat(charger.isConnected()).isTrue();
        assertThat(charger.isRegistered()).isTrue();
        assertThat(csms.authorizationHeader("SIM-00001")).isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("SIM-00001:s3cret".getBytes()));
        assertThat(fleet.report().action("BootNotification").count()).isEqualTo(1);
    }

    @Test
    void sendsHeartbeatsAtTheConfiguredInterval() {
        fleet = SimulatedFleet.start(testConfig(csms).withHeartbeatInterval(Duration.ofSeconds(1)));
        csms.await("SIM-00001", "Heartbeat");
        csms.await("SIM-00001", "Heartbeat", p -> csms.received("SIM-00001", "Heartbeat").size() >= 2, 5_000);
    }

    @Test
    void retriesPendingBootAfterTheInterval() {
        csms.bootStatus = "Pending";
        csms.heartbeatInterval = 1;
        fleet = SimulatedFleet.start(testConfig(csms));
        csms.await("SIM-00001", "BootNotification");
        assertThat(fleet.chargers().get(0).isRegistered()).isFalse();
        csms.bootStatus = "Accepted";
        csms.await("SIM-00001", "StatusNotification");
        assertThat(csms.received("SIM-00001", "BootNotification")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(fleet.chargers().get(0).isRegistered()).isTrue();
    }

    @Test
    void sessionMetersEnergyConsistentlyWithPower() throws Exception {
        fleet = SimulatedFleet.start(testConfig(csms));
        SimulatedCharger charger = fleet.chargers().get(0);
        csms.await("SIM-00001", "StatusNotification");
        assertThat(charger.startSession(1, "TAG-1").get(5, TimeUnit.SECONDS)).isTrue();
        JsonNode start = csms.await("SIM-00001", "StartTransaction").payload();
        assertThat(start.path("connectorId").asInt()).isEqualTo(1);
        assertThat(start.path("idTag").asString()).isEqualTo("TAG-1");
        csms.await("SIM-00001", "StatusNotification", p -> p.path("status").asString().equals("Charging"), 5_000);
        FakeCsms.sleep(4_500);
        Integer txId = charger.transactionId(1);
        assertThat(txId).isNotNull();
        assertThat(charger.status(1)).isEqualTo(ConnectorStatus.Charging);
        assertThat(charger.stopSession(1, "Local").get(5, TimeUnit.SECONDS)).isTrue();
        JsonNode stop = csms.await("SIM-00001", "StopTransaction").payload();
        assertThat(stop.path("transactionId").asInt()).isEqualTo(txId);
        assertThat(stop.path("reason").asString()).isEqualTo("Local");
        assertThat(stop.path("transactionData")).hasSize(2);
        csms.await("SIM-00001", "StatusNotification", p -> csms.received("SIM-00001", "StatusNotification").stream()
                .filter(r -> r.payload().path("connectorId").asInt() == 1
                        && r.payload().path("status").asString().equals("Available")).count() >= 2, 5_000);

        List<String> statuses = csms.received("SIM-00001", "StatusNotification").stream()
                .filter(r -> r.payload().path("connectorId").asInt() == 1)
                .map(r -> r.payload().path("status").asString()).toList();
        assertThat(statuses).containsSubsequence("Available", "Preparing", "Charging", "Finishing", "Available");

        List<double[]> samples = new ArrayList<>(); // {epochSeconds, energyWh, powerW}
        for (Received r : csms.received("SIM-00001", "MeterValues")) {
            assertThat(r.payload().path("transactionId").asInt()).isEqualTo(txId);
            for (JsonNode mv : r.payload().path("meterValue")) {
                Instant t = Instant.parse(mv.path("timestamp").asString());
                double energy = Double.NaN;
                double power = Double.NaN;
                for (JsonNode sv : mv.path("sampledValue")) {
                    switch (sv.path("measurand").asString()) {
                        case "Energy.Active.Import.Register" -> {
                            assertThat(sv.path("value").asString()).matches("\\d+");
                            energy = Double.parseDouble(sv.path("value").asString());
                        }
                        case "Power.Active.Import" -> power = Double.parseDouble(sv.path("value").asString());
                        default -> { }
                    }
                }
                if (!Double.isNaN(power)) {
                    samples.add(new double[] {t.toEpochMilli() / 1000.0, energy, power});
                }
            }
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        double integrated = 0;
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i)[1]).isGreaterThanOrEqualTo(samples.get(i - 1)[1]);
            integrated += (samples.get(i)[0] - samples.get(i - 1)[0]) * samples.get(i - 1)[2] / 3600.0;
        }
        double registered = samples.get(samples.size() - 1)[1] - samples.get(0)[1];
        assertThat(registered).isPositive().isCloseTo(integrated, org.assertj.core.data.Offset.offset(integrated * 0.05 + 2));
        long delivered = stop.path("meterStop").asLong() - start.path("meterStart").asLong();
        assertThat(delivered).isGreaterThanOrEqualTo((long) registered);
    }

    @Test
    void deauthorizedStartStopsTheSession() throws Exception {
        csms.startTransactionStatus = "Blocked";
        fleet = SimulatedFleet.start(testConfig(csms));
        SimulatedCharger charger = fleet.chargers().get(0);
        csms.await("SIM-00001", "StatusNotification");
        assertThat(charger.startSession(2, "BAD").get(5, TimeUnit.SECONDS)).isTrue();
        JsonNode stop = csms.await("SIM-00001", "StopTransaction").payload();
        assertThat(stop.path("reason").asString()).isEqualTo("DeAuthorized");
        assertThat(charger.isCharging(2)).isFalse();
    }

    @Test
    void fleetDriverKeepsConnectorsCharging() {
        fleet = SimulatedFleet.start(testConfig(csms).withCount(3).withChargingShare(1.0)
                .withMeanSessionDuration(Duration.ofMinutes(10)).withDcShare(0.5));
        for (int n = 1; n <= 3; n++) {
            csms.await(fleet.config().chargerId(n), "StartTransaction", p -> true, 20_000);
        }
        assertThat(fleet.chargingCount()).isGreaterThanOrEqualTo(3);
        assertThat(fleet.connectedCount()).isEqualTo(3);
        fleet.close();
        for (int n = 1; n <= 3; n++) {
            csms.await(fleet.config().chargerId(n), "StopTransaction", p -> true, 5_000);
        }
        assertThat(fleet.report().total().count()).isPositive();
    }

    @Test
    void manyChargersShareOneEventLoopGroup() {
        fleet = SimulatedFleet.start(testConfig(csms).withCount(300).withConnectsPerSecond(1000)
                .withSourceAddresses(java.util.List.of(java.net.InetAddress.getLoopbackAddress())));
        CsmsCommandsTest.awaitTrue(() -> fleet.chargers().stream().allMatch(SimulatedCharger::isRegistered));
        assertThat(fleet.connectedCount()).isEqualTo(300);
        assertThat(fleet.chargers().get(299).id()).isEqualTo("SIM-00300");
        assertThat(fleet.report().action("BootNotification").count()).isEqualTo(300);
    }
}
