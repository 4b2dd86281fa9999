package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.Heartbeat;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * "3 missed heartbeats mark the pile offline", with a heartbeat period of 1 s (its own context, so the other tests
 * keep the protocol's 10 s): a pile that heartbeats stays online past three periods; once it stops, the platform
 * closes its connection after three silent periods and the charger shows offline.
 */
@TestPropertySource(properties = "pylon.ykc.heartbeat-interval=1s")
class YkcHeartbeatTimeoutIT extends PylonIT {

    @Test
    void aPileThatStopsHeartbeatingIsOfflineAfterThreeMissedHeartbeats() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String pile = op.charger(YkcFrames.newPile(), op.station("YKC heartbeats"));
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            assertThat(online(op, pile)).isTrue();
            long lastHeartbeat = 0;
            for (int i = 0; i < 10; i++) { // 5 s of heartbeats every 0.5 s: longer than three periods
                lastHeartbeat = System.nanoTime();
                p.send(new Heartbeat.Ping(pile, 1, false));
                p.expect(Heartbeat.PONG);
                Thread.sleep(500);
            }
            assertThat(online(op, pile)).as("heartbeating pile").isTrue();

            assertThat(p.closedWithin(Duration.ofSeconds(10))).as("the platform closes a silent pile's connection").isTrue();
            Duration silent = Duration.ofNanos(System.nanoTime() - lastHeartbeat);
            assertThat(silent).as("closed after three missed heartbeats, not before").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (online(op, pile) && System.nanoTime() < until) Thread.sleep(100);
            assertThat(online(op, pile)).as("GET /api/v1/chargers/" + pile).isFalse();
        }
    }

    private static boolean online(Tenant op, String pile) {
        var charger = op.admin().get("/api/v1/chargers/" + pile);
        assertThat(charger.status()).as(charger.raw()).isEqualTo(200);
        return charger.body().get("online").asBoolean();
    }
}
