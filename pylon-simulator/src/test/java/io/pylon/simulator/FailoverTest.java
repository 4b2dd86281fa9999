package io.pylon.simulator;

import static io.pylon.simulator.CsmsCommandsTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With failover URLs a charger whose node goes away reconnects to another node, as through a load balancer. */
class FailoverTest {

    @Test
    void aChargerWhoseNodeDiesCarriesOnAtAnotherNodeWithoutBootingAgain() throws Exception {
        FakeCsms first = new FakeCsms();
        FakeCsms second = new FakeCsms();
        URI unreachable = URI.create("ws://127.0.0.1:1/ocpp"); // a node that is down all along
        try (SimulatedFleet fleet = SimulatedFleet.start(BootAndSessionTest.testConfig(first)
                .withFailoverUrls(List.of(unreachable, second.baseUrl())))) {
            first.await("SIM-00001", "BootNotification");
            first.close();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!second.isConnected("SIM-00001") && System.currentTimeMillis() < deadline) FakeCsms.sleep(50);
            assertThat(second.isConnected("SIM-00001")).as("reconnected to the second node").isTrue();
            awaitTrue(() -> fleet.chargers().get(0).isConnected());
            assertThat(fleet.chargers().get(0).startSession(1, "T1").get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            second.await("SIM-00001", "StartTransaction");
            assertThat(second.received("SIM-00001", "BootNotification")).isEmpty(); // it reconnects, it does not reboot
        } finally {
            second.close();
        }
        assertThat(second.schemaErrors()).isEmpty();
    }
}
