package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.Heartbeat;
import io.pylon.ykc.message.ParallelCharging;
import io.pylon.ykc.message.RemoteStart;
import io.pylon.ykc.message.RemoteStop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The YKC time limits, shortened in a context of their own (the other tests keep the protocol's 10 s heartbeats and
 * 90 s to answer a start; one context for both keeps the open database connections of the suite down):
 * <ul>
 *   <li>"3 missed heartbeats mark the pile offline", with a heartbeat period of 1 s: a pile that heartbeats stays
 *       online past three periods; once it stops, the platform closes its connection after three silent periods and
 *       the charger shows offline;</li>
 *   <li>a V1.6 parallel remote start where one gun never answers (2 s to answer here): the gun that started is
 *       stopped again, the silent one is told to stop too (it may start late), the command answers as a silent
 *       charger does (504), and no session or order is opened.</li>
 * </ul>
 */
@TestPropertySource(properties = {"pylon.ykc.heartbeat-interval=1s", "pylon.ykc.start-timeout=2s"})
class YkcTimeoutsIT extends PylonIT {

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

    @Test
    void whenOneGunNeverAnswersBothAreStoppedAndTheStartFails() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String pile = Charging.ykcPileAtFlatTariffStation(op, "YKC parallel timeout");
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86155"), "50", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 2)) {
            CompletableFuture<Api.Response> started = CompletableFuture.supplyAsync(() -> op.admin().post(
                    "/api/v1/chargers/" + pile + "/commands/parallel-remote-start",
                    "{\"connectorId\":1,\"secondConnectorId\":2,\"idTag\":\"" + card + "\"}"));
            RawYkcPile.Received first = p.expect(ParallelCharging.REMOTE_START);
            RawYkcPile.Received second = p.expect(ParallelCharging.REMOTE_START);
            var lead = (ParallelCharging.RemoteStartCommand) first.message();
            var follow = (ParallelCharging.RemoteStartCommand) second.message();
            var leading = lead.master() ? lead : follow;
            int leadSequence = lead.master() ? first.sequence() : second.sequence();
            String serial = leading.single().transaction();
            // the leading gun starts; the following gun says nothing
            p.send(leadSequence, new ParallelCharging.RemoteStartReply(
                    new RemoteStart.Reply(serial, pile, leading.single().gun(), true, 0), true, leading.parallelSerial()));

            while (!started.isDone()) { // heartbeats go on while the platform waits (the period is 1 s here)
                p.send(new Heartbeat.Ping(pile, 1, false));
                Thread.sleep(300);
            }
            Api.Response answer = started.get();
            assertThat(answer.status()).as(answer.raw()).isEqualTo(504);
            assertThat(answer.contentType()).contains("application/problem+json");
            List<RemoteStop.Command> stops = List.of((RemoteStop.Command) p.expect(RemoteStop.COMMAND, Duration.ofSeconds(5)).message(),
                    (RemoteStop.Command) p.expect(RemoteStop.COMMAND, Duration.ofSeconds(5)).message());
            assertThat(stops).containsExactlyInAnyOrder(new RemoteStop.Command(pile, 1), new RemoteStop.Command(pile, 2));
        }
        assertThat(op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items")).isEmpty();
        assertThat(op.admin().get("/api/v1/sessions?chargerId=" + pile).body().get("items")).isEmpty();
    }

    private static boolean online(Tenant op, String pile) {
        var charger = op.admin().get("/api/v1/chargers/" + pile);
        assertThat(charger.status()).as(charger.raw()).isEqualTo(200);
        return charger.body().get("online").asBoolean();
    }
}
