package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.CardBalance;
import io.pylon.ykc.message.OfflineCards;
import io.pylon.ykc.message.ParallelCharging;
import io.pylon.ykc.message.RealTimeData;
import io.pylon.ykc.message.RemoteStart;
import io.pylon.ykc.message.RemoteStop;
import io.pylon.ykc.message.StartRequest;
import io.pylon.ykc.message.TransactionRecord;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The YKC commands the platform sends about cards and parallel charging, over real sockets: the new balance of a card
 * after its session settles and after a top-up (0x42), the card commands through REST with the pile's answers in the
 * result (0x42, 0x44, 0x46, 0x48), the V1.6 parallel remote start (0xA3/0xA4) — and OCPP chargers refused with 422.
 */
class YkcCardCommandsIT extends PylonIT {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private Tenant op;
    private String pile;

    @BeforeEach
    void pileAtAFlatTariffStation() {
        op = Tenants.create(api, httpPort, "CNY");
        pile = Charging.ykcPileAtFlatTariffStation(op, "YKC cards"); // 0.60 + 0.40 per kWh
    }

    @Test
    void theCardsNewBalanceReachesThePileAfterItsSessionSettlesAndAfterATopUp() {
        String card = YkcFrames.newCard();
        long driver = Charging.driverWithBalance(op, YkcFrames.newPhone("+86151"), "100", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 2)) {
            p.send(YkcFrames.cardStart(pile, 2, card));
            String serial = ((StartRequest.Authorisation) p.expect(StartRequest.AUTHORISATION).message()).transaction();
            p.send(YkcFrames.report(serial, pile, 2, RealTimeData.CHARGING, "5.0000", "5.0000"));
            LocalDateTime start = LocalDateTime.now(CST).truncatedTo(ChronoUnit.SECONDS);
            p.send(YkcFrames.record(serial, pile, 2, start, start.plusMinutes(30), "20.0000", "20.0000", TransactionRecord.CARD, card));
            assertThat(((TransactionRecord.Confirmation) p.expect(TransactionRecord.CONFIRMATION).message()).accepted()).isTrue();

            RawYkcPile.Received update = p.expect(CardBalance.UPDATE);
            CardBalance.Update settled = (CardBalance.Update) update.message();
            assertThat(settled.pile()).isEqualTo(pile);
            assertThat(settled.gun()).isEqualTo(2);
            assertThat(settled.card()).endsWith(card);
            assertThat(settled.balance()).isEqualByComparingTo("80.00"); // 100 less the 20.00 bill
            p.send(update.sequence(), new CardBalance.Reply(pile, settled.card(), 0));

            var topUp = op.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups",
                    "{\"amount\":15,\"method\":\"CASH\",\"reference\":\"till-" + card + "\",\"idempotencyKey\":\"k-" + card + "\"}");
            assertThat(topUp.status()).as(topUp.raw()).isIn(200, 201);
            RawYkcPile.Received again;
            do { // answered one by one, in case the settlement moved the wallet more than once
                again = p.expect(CardBalance.UPDATE);
                p.send(again.sequence(), new CardBalance.Reply(pile, settled.card(), 0));
            } while (((CardBalance.Update) again.message()).balance().compareTo(new java.math.BigDecimal("95.00")) != 0);
            assertThat(((CardBalance.Update) again.message()).card()).endsWith(card);
        }
    }

    @Test
    void cardCommandsThroughRestShowThePilesAnswers() throws Exception {
        String card = YkcFrames.newCard();
        String other = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86152"), "100", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            CompletableFuture<Api.Response> balance = post("card-balance", "{\"idTag\":\"" + card + "\"}");
            RawYkcPile.Received update = p.expect(CardBalance.UPDATE);
            assertThat(((CardBalance.Update) update.message()).balance()).isEqualByComparingTo("100.00");
            p.send(update.sequence(), new CardBalance.Reply(pile, ((CardBalance.Update) update.message()).card(), 1));
            JsonNode refused = balance.get().body();
            assertThat(refused.get("status").asString()).as(refused.toString()).isEqualTo("Rejected");
            assertThat(refused.get("data").get("balance").asString()).isEqualTo("100.00");
            assertThat(refused.get("data").get("reason").asString()).contains("does not know the card");

            CompletableFuture<Api.Response> list = post("send-local-list",
                    "{\"updateType\":\"Differential\",\"idTags\":[\"" + card + "\"],\"removals\":[\"" + other + "\"]}");
            RawYkcPile.Received sync = p.expect(OfflineCards.SYNC);
            assertThat(((OfflineCards.Sync) sync.message()).cards()).extracting(OfflineCards.Card::physical)
                    .singleElement().asString().endsWith(card);
            p.send(sync.sequence(), new OfflineCards.SyncReply(pile, true, 0));
            RawYkcPile.Received clear = p.expect(OfflineCards.CLEAR);
            String otherPhysical = ((OfflineCards.Cards) clear.message()).physical().getFirst();
            assertThat(otherPhysical).endsWith(other);
            p.send(clear.sequence(), new OfflineCards.CardsReply(OfflineCards.CLEAR_REPLY, pile,
                    List.of(new OfflineCards.CardResult(otherPhysical, false, 1))));
            JsonNode synced = list.get().body();
            assertThat(synced.get("status").asString()).as(synced.toString()).isEqualTo("Failed"); // one card not cleared
            assertThat(synced.get("data").get("added").get(0).get("idTag").asString()).isEqualTo(card);
            assertThat(synced.get("data").get("added").get(0).get("saved").asBoolean()).isTrue();
            assertThat(synced.get("data").get("removed").get(0).get("idTag").asString()).isEqualTo(other);
            assertThat(synced.get("data").get("removed").get(0).get("cleared").asBoolean()).isFalse();

            CompletableFuture<Api.Response> query = post("query-local-list", "{\"idTags\":[\"" + card + "\",\"" + other + "\"]}");
            RawYkcPile.Received asked = p.expect(OfflineCards.QUERY);
            List<String> physical = ((OfflineCards.Cards) asked.message()).physical();
            assertThat(physical).hasSize(2);
            p.send(asked.sequence(), new OfflineCards.CardsReply(OfflineCards.QUERY_REPLY, pile,
                    List.of(new OfflineCards.CardResult(physical.get(0), true, 0), new OfflineCards.CardResult(physical.get(1), false, 0))));
            JsonNode found = query.get().body();
            assertThat(found.get("status").asString()).as(found.toString()).isEqualTo("Accepted");
            assertThat(found.get("data").get("cards").toString())
                    .contains("{\"idTag\":\"" + card + "\",\"present\":true,\"reason\":0}")
                    .contains("{\"idTag\":\"" + other + "\",\"present\":false,\"reason\":0}");

            var notACard = op.admin().post("/api/v1/chargers/" + pile + "/commands/query-local-list", "{\"idTags\":[\"NOT-A-CARD\"]}");
            assertThat(notACard.status()).as(notACard.raw()).isEqualTo(400);
            assertThat(notACard.contentType()).contains("application/problem+json");
            var none = op.admin().post("/api/v1/chargers/" + pile + "/commands/query-local-list", "{\"idTags\":[]}");
            assertThat(none.status()).isEqualTo(400);
        }
    }

    @Test
    void aParallelRemoteStartStartsBothGunsAsOneSession() throws Exception {
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86153"), "50", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 2)) {
            CompletableFuture<Api.Response> started = post("parallel-remote-start",
                    "{\"connectorId\":1,\"secondConnectorId\":2,\"idTag\":\"" + card + "\"}");
            RawYkcPile.Received first = p.expect(ParallelCharging.REMOTE_START);
            RawYkcPile.Received second = p.expect(ParallelCharging.REMOTE_START);
            var lead = (ParallelCharging.RemoteStartCommand) first.message();
            var follow = (ParallelCharging.RemoteStartCommand) second.message();
            assertThat(List.of(lead.single().gun(), lead.master(), follow.single().gun(), follow.master()))
                    .containsExactly(1, true, 2, false);
            assertThat(follow.single().transaction()).isEqualTo(lead.single().transaction());
            assertThat(follow.parallelSerial()).isEqualTo(lead.parallelSerial()).hasSize(12);
            assertThat(lead.single().physicalCard()).endsWith(card);
            String serial = lead.single().transaction();
            p.send(second.sequence(), new ParallelCharging.RemoteStartReply(new RemoteStart.Reply(serial, pile, 2, true, 0), false, follow.parallelSerial()));
            p.send(first.sequence(), new ParallelCharging.RemoteStartReply(new RemoteStart.Reply(serial, pile, 1, true, 0), true, lead.parallelSerial()));
            JsonNode result = started.get().body();
            assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("Accepted");
            long session = result.get("data").get("transactionId").asLong();

            p.send(YkcFrames.report(serial, pile, 1, RealTimeData.CHARGING, "3.0000", "3.0000"));
            p.send(YkcFrames.report(serial, pile, 2, RealTimeData.CHARGING, "0.5000", "0.5000")); // the following gun
            CompletableFuture<Api.Response> stopped = post("remote-stop", "{\"transactionId\":" + session + "}");
            RawYkcPile.Received stopFollow = p.expect(RemoteStop.COMMAND);
            RawYkcPile.Received stopLead = p.expect(RemoteStop.COMMAND);
            assertThat(List.of(stopFollow.message(), stopLead.message()))
                    .containsExactlyInAnyOrder(new RemoteStop.Command(pile, 1), new RemoteStop.Command(pile, 2));
            for (RawYkcPile.Received stop : List.of(stopFollow, stopLead)) {
                p.send(stop.sequence(), new RemoteStop.Reply(pile, ((RemoteStop.Command) stop.message()).gun(), true, 0));
            }
            assertThat(stopped.get().body().get("status").asString()).isEqualTo("Accepted");

            LocalDateTime now = LocalDateTime.now(CST).truncatedTo(ChronoUnit.SECONDS);
            p.send(YkcFrames.record(serial, pile, 1, now.minusMinutes(10), now, "6.0000", "6.0000", TransactionRecord.APP, "0"));
            assertThat(((TransactionRecord.Confirmation) p.expect(TransactionRecord.CONFIRMATION).message()).accepted()).isTrue();
        }
        JsonNode orders = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("connectorId").asInt()).isEqualTo(1);
        assertThat(orders.get(0).get("energyWh").asLong()).isEqualTo(6000);
        var session = op.admin().get("/api/v1/sessions/" + orders.get(0).get("sessionId").asLong());
        assertThat(session.raw()).contains("\"3000\"").doesNotContain("\"500\""); // only the leading gun's energy
    }

    @Test
    void aParallelStartOneGunRefusesIsRejectedAndTheOtherGunStopped() throws Exception {
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86154"), "50", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 2)) {
            CompletableFuture<Api.Response> started = post("parallel-remote-start",
                    "{\"connectorId\":2,\"secondConnectorId\":1,\"idTag\":\"" + card + "\"}");
            RawYkcPile.Received first = p.expect(ParallelCharging.REMOTE_START);
            RawYkcPile.Received second = p.expect(ParallelCharging.REMOTE_START);
            var lead = (ParallelCharging.RemoteStartCommand) first.message();
            String serial = lead.single().transaction();
            p.send(first.sequence(), new ParallelCharging.RemoteStartReply(new RemoteStart.Reply(serial, pile, 2, true, 0), true, lead.parallelSerial()));
            p.send(second.sequence(), new ParallelCharging.RemoteStartReply(new RemoteStart.Reply(serial, pile, 1, false, 5), false, lead.parallelSerial()));
            JsonNode result = started.get().body();
            assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("Rejected");
            assertThat(result.get("data").get("reasonSecond").asInt()).isEqualTo(5); // not plugged
            assertThat(p.expect(RemoteStop.COMMAND).message()).isEqualTo(new RemoteStop.Command(pile, 2));
        }
        assertThat(op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items")).isEmpty();
        var same = op.admin().post("/api/v1/chargers/" + pile + "/commands/parallel-remote-start",
                "{\"connectorId\":1,\"secondConnectorId\":1,\"idTag\":\"" + card + "\"}");
        assertThat(same.status()).as(same.raw()).isEqualTo(409); // offline now; checked before the guns are
    }

    @Test
    void ocppChargersAreToldThesePileCommandsAreNotForTheirProtocol() {
        String charger = op.charger(op.code() + "-OCPP-CARDS", op.station("OCPP cards"));
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            for (String[] c : List.of(new String[] {"parallel-remote-start", "{\"connectorId\":1,\"secondConnectorId\":2,\"idTag\":\"ABCD\"}"},
                    new String[] {"card-balance", "{\"idTag\":\"ABCD\"}"}, new String[] {"query-local-list", "{\"idTags\":[\"ABCD\"]}"})) {
                var answer = op.admin().post("/api/v1/chargers/" + charger + "/commands/" + c[0], c[1]);
                assertThat(answer.status()).as(c[0] + ": " + answer.raw()).isEqualTo(422);
                assertThat(answer.contentType()).contains("application/problem+json");
                assertThat(answer.body().get("title").asString()).isEqualTo("Not supported by the charger's protocol");
                assertThat(answer.body().get("detail").asString()).contains("OCPP");
            }
        }
    }

    private CompletableFuture<Api.Response> post(String command, String body) {
        return CompletableFuture.supplyAsync(() -> op.admin().post("/api/v1/chargers/" + pile + "/commands/" + command, body));
    }
}
