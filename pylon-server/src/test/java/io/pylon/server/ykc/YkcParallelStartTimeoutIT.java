package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.ParallelCharging;
import io.pylon.ykc.message.RemoteStart;
import io.pylon.ykc.message.RemoteStop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A V1.6 parallel remote start where one gun never answers (its own context: a start must be answered within 2 s here,
 * 90 s in service): the gun that started is stopped again, the silent one is told to stop too (it may start late),
 * the command answers as a silent charger does (504), and no session or order is opened.
 */
@TestPropertySource(properties = "pylon.ykc.start-timeout=2s")
class YkcParallelStartTimeoutIT extends PylonIT {

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
}
