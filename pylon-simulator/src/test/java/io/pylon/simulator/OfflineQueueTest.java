package io.pylon.simulator;

import static io.pylon.simulator.CsmsCommandsTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.simulator.FakeCsms.Received;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OfflineQueueTest {
    private static final String ID = "SIM-00001";
    private FakeCsms csms;
    private SimulatedFleet fleet;
    private SimulatedCharger charger;

    @BeforeEach
    void setUp() throws Exception {
        csms = new FakeCsms();
        fleet = SimulatedFleet.start(BootAndSessionTest.testConfig(csms));
        charger = fleet.chargers().get(0);
        csms.await(ID, "StatusNotification", p -> p.path("connectorId").asInt() == 2, 10_000);
    }

    @AfterEach
    void tearDown() {
        fleet.close();
        csms.close();
        assertThat(csms.schemaErrors()).isEmpty();
    }

    @Test
    void queuesTransactionMessagesWhileOfflineAndReplaysThemInOrder() throws Exception {
        assertThat(charger.startSession(1, "T1").get(5, TimeUnit.SECONDS)).isTrue();
        csms.await(ID, "StartTransaction");
        awaitTrue(() -> charger.transactionId(1) != null);
        int txId = charger.transactionId(1);
        charger.disconnect().get(5, TimeUnit.SECONDS);
        assertThat(charger.isConnected()).isFalse();
        Instant offlineSince = Instant.now();
        FakeCsms.sleep(2_500);
        assertThat(charger.stopSession(1, "Local").get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(charger.startSession(2, "T2").get(5, TimeUnit.SECONDS)).isTrue();
        FakeCsms.sleep(1_200);
        assertThat(charger.stopSession(2, "EVDisconnected").get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(charger.pendingCalls()).isGreaterThanOrEqualTo(4);
        Instant reconnectAt = Instant.now();
        charger.connect().get(5, TimeUnit.SECONDS);
        awaitTrue(() -> csms.received(ID, "StopTransaction").size() == 2);
        awaitTrue(() -> charger.pendingCalls() == 0);

        List<Received> replay = FakeCsms.after(csms.received(ID), reconnectAt);
        assertThat(replay.stream().map(Received::action).filter(a -> a.equals("BootNotification"))).isEmpty();
        int lastTxMessage = -1;
        Instant previous = Instant.MIN;
        for (int i = 0; i < replay.size(); i++) {
            Received r = replay.get(i);
            if (r.action().equals("StatusNotification") || r.action().equals("Heartbeat")) {
                continue;
            }
            lastTxMessage = i;
            Instant stamp = timestamp(r);
            assertThat(stamp).isBeforeOrEqualTo(reconnectAt).isAfterOrEqualTo(offlineSince.minusMillis(500)); // a sample taken while the socket was closing may be queued too
            assertThat(stamp).isAfterOrEqualTo(previous);
            previous = stamp;
        }
        for (int i = 0; i <= lastTxMessage; i++) {
            assertThat(replay.get(i).action()).isIn("MeterValues", "StartTransaction", "StopTransaction");
        }
        List<Received> stops = csms.received(ID, "StopTransaction");
        assertThat(stops.get(0).payload().path("transactionId").asInt()).isEqualTo(txId);
        int offlineTx = stops.get(1).payload().path("transactionId").asInt();
        assertThat(offlineTx).isNotEqualTo(txId).isPositive();
        assertThat(csms.received(ID, "MeterValues").stream()
                .filter(r -> r.payload().path("connectorId").asInt() == 2)
                .allMatch(r -> r.payload().path("transactionId").asInt() == offlineTx)).isTrue();
        awaitTrue(() -> csms.received(ID, "StatusNotification").stream().anyMatch(r -> r.at().isAfter(reconnectAt)
                && r.payload().path("status").asString().equals("Available")));
    }

    @Test
    void reconnectsAfterTheServerDropsTheConnection() {
        csms.drop(ID);
        awaitTrue(() -> !charger.isConnected());
        awaitTrue(charger::isConnected);
        awaitTrue(() -> csms.isConnected(ID));
        assertThat(csms.received(ID, "BootNotification")).hasSize(1);
    }

    private static Instant timestamp(Received r) {
        return switch (r.action()) {
            case "MeterValues" -> Instant.parse(r.payload().path("meterValue").get(0).path("timestamp").asString());
            default -> Instant.parse(r.payload().path("timestamp").asString());
        };
    }
}
