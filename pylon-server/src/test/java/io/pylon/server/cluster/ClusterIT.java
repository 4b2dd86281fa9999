package io.pylon.server.cluster;

import static io.pylon.server.cluster.TestCluster.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.event.DomainEvent;
import io.pylon.domain.event.DomainEvent.ConnectorStatusChanged;
import io.pylon.server.bus.BusCodec;
import io.pylon.server.bus.EventEnvelope;
import io.pylon.server.bus.LocalEventBus;
import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.RealTimeData;
import io.pylon.ykc.message.StartRequest;
import io.pylon.ykc.message.TransactionRecord;
import java.time.LocalDateTime;
import java.time.ZoneId;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Three nodes on one database and one Kafka broker: node A in a JVM of its own (so it can be killed with SIGKILL),
 * nodes B and C in this one. Commands reach a charger wherever the API call lands, events of a charger reach the
 * other nodes in order and once, a charger has one connection in the cluster, and chargers and YKC piles whose
 * node died carry on at another node with nothing lost or doubled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static TestCluster cluster;
    private static ConfigurableApplicationContext nodeB;
    private static ConfigurableApplicationContext nodeC;
    private static Process nodeA;
    private static int aHttp;
    private static int bHttp;
    private static int aOcpp;
    private static int bOcpp;
    private static int cOcpp;
    private static int aYkc;
    private static int bYkc;
    private static Api apiA;
    private static Api apiB;
    private static Api apiC;
    private static final List<DomainEvent> heardOnB = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster();
        // Node B migrates the shared database; node A's JVM starts once that is done, while B finishes starting.
        CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> cluster.startInProcess("node-b"));
        cluster.awaitSchema(Duration.ofSeconds(120));
        aHttp = TestCluster.freePort();
        aOcpp = TestCluster.freePort();
        aYkc = TestCluster.freePort();
        nodeA = cluster.startProcess("node-a", aHttp, aOcpp, aYkc);
        nodeB = b.join();
        nodeB.getBean(LocalEventBus.class).subscribe(heardOnB::add);
        bHttp = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
        bOcpp = nodeB.getBean(io.pylon.server.ocpp.OcppGateway.class).port();
        bYkc = nodeB.getBean(io.pylon.server.ykc.YkcGateway.class).port();
        nodeC = cluster.startInProcess("node-c");
        cOcpp = nodeC.getBean(io.pylon.server.ocpp.OcppGateway.class).port();
        apiB = new Api(bHttp).login("admin", PylonIT.ADMIN_PASSWORD);
        apiA = new Api(aHttp).withToken(apiB.token()); // a token from one node is good on every node
        apiC = new Api(((WebServerApplicationContext) nodeC).getWebServer().getPort()).withToken(apiB.token());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void aCommandSentToNodeBReachesTheChargerOnNodeAAndItsAnswerComesBack() throws Exception {
        try (RawOcppClient cp = RawOcppClient.connect(aOcpp, "CL-ROUTE-1", null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            await(Duration.ofSeconds(10), () -> apiB.get("/api/v1/chargers/CL-ROUTE-1").body().path("online").asBoolean(false),
                    "CL-ROUTE-1 online as seen from node B");

            CompletableFuture<Api.Response> viaB = CompletableFuture.supplyAsync(() ->
                    apiB.post("/api/v1/chargers/CL-ROUTE-1/commands/get-configuration", "{\"keys\":[\"HeartbeatInterval\"]}"));
            JsonNode call = cp.next();
            assertThat(call.get(0).asInt()).isEqualTo(2);
            assertThat(call.get(2).asString()).isEqualTo("GetConfiguration");
            assertThat(call.get(3).get("key").get(0).asString()).isEqualTo("HeartbeatInterval");
            cp.sendText("[3,\"" + call.get(1).asString() + "\",{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"60\"}],\"unknownKey\":[]}]");
            Api.Response answer = viaB.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            assertThat(answer.body().get("status").asString()).isEqualTo("Accepted");
            assertThat(answer.body().get("data").get("configurationKey").get(0).get("value").asString()).isEqualTo("60");

            CompletableFuture<Api.Response> rejected = CompletableFuture.supplyAsync(() ->
                    apiB.post("/api/v1/chargers/CL-ROUTE-1/commands/reset", "{\"type\":\"Hard\"}"));
            JsonNode reset = cp.next();
            assertThat(reset.get(2).asString()).isEqualTo("Reset");
            assertThat(reset.get(3).get("type").asString()).isEqualTo("Hard");
            cp.sendText("[3,\"" + reset.get(1).asString() + "\",{\"status\":\"Rejected\"}]");
            assertThat(rejected.get(20, java.util.concurrent.TimeUnit.SECONDS).body().get("status").asString()).isEqualTo("Rejected");

            // The charger's error travels back as such.
            CompletableFuture<Api.Response> failing = CompletableFuture.supplyAsync(() ->
                    apiB.post("/api/v1/chargers/CL-ROUTE-1/commands/clear-cache", "{}"));
            JsonNode clear = cp.next();
            cp.sendText("[4,\"" + clear.get(1).asString() + "\",\"InternalError\",\"cache locked\",{}]");
            Api.Response error = failing.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(error.status()).as(error.raw()).isEqualTo(502);
            assertThat(error.raw()).contains("InternalError");
        }
        // Gone from node A: node B says offline at once, without waiting for a timeout.
        await(Duration.ofSeconds(10), () -> !apiB.get("/api/v1/chargers/CL-ROUTE-1").body().path("online").asBoolean(true),
                "CL-ROUTE-1 offline");
        Api.Response offline = apiB.post("/api/v1/chargers/CL-ROUTE-1/commands/clear-cache", "{}");
        assertThat(offline.status()).as(offline.raw()).isEqualTo(409);

        // And the other way round: a charger on node B, the API call on node A.
        try (RawOcppClient cp = RawOcppClient.connect(bOcpp, "CL-ROUTE-2", null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            await(Duration.ofSeconds(10), () -> apiA.get("/api/v1/chargers/CL-ROUTE-2").body().path("online").asBoolean(false),
                    "CL-ROUTE-2 online as seen from node A");
            CompletableFuture<Api.Response> viaA = CompletableFuture.supplyAsync(() ->
                    apiA.post("/api/v1/chargers/CL-ROUTE-2/commands/change-availability", "{\"connectorId\":0,\"type\":\"Inoperative\"}"));
            JsonNode call = cp.next();
            assertThat(call.get(2).asString()).isEqualTo("ChangeAvailability");
            assertThat(call.get(3).get("type").asString()).isEqualTo("Inoperative");
            cp.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"Scheduled\"}]");
            assertThat(viaA.get(20, java.util.concurrent.TimeUnit.SECONDS).body().get("status").asString()).isEqualTo("Scheduled");
        }
    }

    @Test
    @Order(2)
    void statusChangesOfAChargerOnNodeAReachNodeBInOrderAndOnce() throws Exception {
        List<ConnectorStatus> sent = List.of(ConnectorStatus.AVAILABLE, ConnectorStatus.PREPARING, ConnectorStatus.CHARGING,
                ConnectorStatus.SUSPENDED_EV, ConnectorStatus.CHARGING, ConnectorStatus.FINISHING, ConnectorStatus.AVAILABLE,
                ConnectorStatus.UNAVAILABLE, ConnectorStatus.AVAILABLE, ConnectorStatus.FAULTED);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (RawOcppClient cp = RawOcppClient.connect(aOcpp, "CL-ORDER-1", null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            for (int i = 0; i < sent.size(); i++) {
                JsonNode reply = cp.call("s" + i, "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\""
                        + (sent.get(i) == ConnectorStatus.SUSPENDED_EV ? "SuspendedEV" : ocppName(sent.get(i))) + "\",\"timestamp\":\"" + t0.plusSeconds(i) + "\"}");
                assertThat(reply.get(0).asInt()).as(reply.toString()).isEqualTo(3);
            }
        }
        await(Duration.ofSeconds(20), () -> statusesHeard("CL-ORDER-1").size() >= sent.size(), "ten status events on node B");
        assertThat(statusesHeard("CL-ORDER-1")).containsExactlyElementsOf(sent);

        // An event delivered twice (a relay that died between publishing and deleting) is handled once.
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, String> kafka = nodeB.getBean(KafkaTemplate.class);
        EventEnvelope twice = new EventEnvelope(UUID.randomUUID().toString(), "node-a",
                new ConnectorStatusChanged("CL-ORDER-1", 2, ConnectorStatus.RESERVED, "NoError", t0.plusSeconds(60)));
        EventEnvelope marker = new EventEnvelope(UUID.randomUUID().toString(), "node-a",
                new ConnectorStatusChanged("CL-ORDER-1", 2, ConnectorStatus.AVAILABLE, "NoError", t0.plusSeconds(61)));
        kafka.send("pylon.events", "CL-ORDER-1", BusCodec.writeEvent(twice)).get();
        kafka.send("pylon.events", "CL-ORDER-1", BusCodec.writeEvent(twice)).get();
        kafka.send("pylon.events", "CL-ORDER-1", "{not json").get();
        kafka.send("pylon.events", "CL-ORDER-1", BusCodec.writeEvent(marker)).get();
        await(Duration.ofSeconds(20), () -> statusesHeard("CL-ORDER-1").size() >= sent.size() + 2, "the marker event");
        assertThat(statusesHeard("CL-ORDER-1").subList(sent.size(), statusesHeard("CL-ORDER-1").size()))
                .containsExactly(ConnectorStatus.RESERVED, ConnectorStatus.AVAILABLE);
    }

    @Test
    @Order(3)
    void aChargerThatConnectsToAnotherNodeLeavesNoConnectionBehindAndCommandsFromEveryNodeFollowIt() throws Exception {
        try (RawOcppClient onA = RawOcppClient.connect(aOcpp, "CL-TAKE-1", null)) {
            onA.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            await(Duration.ofSeconds(10), () -> "node-a".equals(holder("CL-TAKE-1")), "CL-TAKE-1 held by node A");

            // The charger opens a new connection through the balancer, which lands on node C, while node A still
            // has the old one open (a half-open socket, as after a network change): node A closes its one.
            try (RawOcppClient onC = RawOcppClient.connect(cOcpp, "CL-TAKE-1", null)) {
                onC.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
                onA.awaitClose();
                assertThat(holder("CL-TAKE-1")).isEqualTo("node-c");
                assertThat(apiB.get("/api/v1/chargers/CL-TAKE-1").body().path("online").asBoolean(false)).isTrue();

                // A command through node A's API (which held the charger) and one through node B's reach node C.
                for (Api via : List.of(apiA, apiB, apiC)) {
                    CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() ->
                            via.post("/api/v1/chargers/CL-TAKE-1/commands/trigger-message", "{\"requestedMessage\":\"Heartbeat\"}"));
                    JsonNode call = onC.next();
                    assertThat(call.get(2).asString()).isEqualTo("TriggerMessage");
                    onC.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"Accepted\"}]");
                    Api.Response response = answer.get(20, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(response.status()).as(response.raw()).isEqualTo(200);
                    assertThat(response.body().get("status").asString()).isEqualTo("Accepted");
                }
            }
        }
        await(Duration.ofSeconds(10), () -> !apiA.get("/api/v1/chargers/CL-TAKE-1").body().path("online").asBoolean(true),
                "CL-TAKE-1 offline once its connection to node C closed");
    }

    @Test
    @Order(4)
    void aChargerWhoseNodeWasKilledCarriesOnAtTheOtherNodeWithNothingLostOrDoubled() throws Exception {
        Tenant op = Tenants.create(apiB, bHttp, "CNY");
        String charger = Charging.stationWithFlatTariff(op, "CL-FAIL-1");
        long driver = Charging.driverWithBalance(op, "13900000801", "100.00", "CL-CARD-1");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String reading = "{\"connectorId\":1,\"transactionId\":%d,\"meterValue\":[{\"timestamp\":\"%s\",\"sampledValue\":"
                + "[{\"value\":\"%d\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}";

        // A YKC pile on node A as well, half-way through a card session when the node dies.
        String pile = Charging.ykcPileAtFlatTariffStation(op, "CL YKC");
        String card = YkcFrames.newCard();
        long pileDriver = Charging.driverWithBalance(op, YkcFrames.newPhone("+86136"), "100", card);
        RawYkcPile pileOnA = RawYkcPile.loggedIn(aYkc, pile, 1);
        pileOnA.send(YkcFrames.cardStart(pile, 1, card));
        StartRequest.Authorisation auth = (StartRequest.Authorisation) pileOnA.expect(StartRequest.AUTHORISATION).message();
        assertThat(auth.accepted()).isTrue();
        pileOnA.send(YkcFrames.report(auth.transaction(), pile, 1, RealTimeData.CHARGING, "4.0000", "4.0000"));

        RawOcppClient onA = RawOcppClient.connect(aOcpp, charger, null);
        RawOcppClient bystander = RawOcppClient.connect(aOcpp, "CL-FAIL-2", null);
        bystander.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
        onA.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
        JsonNode started = onA.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"CL-CARD-1\",\"meterStart\":1000,"
                + "\"timestamp\":\"" + start + "\"}");
        assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
        long tx = started.get(2).get("transactionId").asLong();
        onA.call("m1", "MeterValues", reading.formatted(tx, start.plusSeconds(60), 1500));
        onA.call("m2", "MeterValues", reading.formatted(tx, start.plusSeconds(120), 2000));

        nodeA.destroyForcibly().waitFor(); // SIGKILL: no close frames, no clean-up, no lease given up
        onA.awaitClose();
        assertThat(pileOnA.closedWithin(Duration.ofSeconds(10))).isTrue();

        // The pile logs in at node B and uploads the record it could not deliver: one settled order, however often
        // it is sent.
        LocalDateTime pileStart = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.SECONDS);
        try (RawYkcPile pileOnB = RawYkcPile.loggedIn(bYkc, pile, 1)) {
            var record = YkcFrames.record(auth.transaction(), pile, 1, pileStart, pileStart.plusMinutes(15), "8.0000", "8.0000",
                    TransactionRecord.CARD, card);
            for (int i = 0; i < 2; i++) {
                pileOnB.send(record);
                assertThat(pileOnB.expect(TransactionRecord.CONFIRMATION).message())
                        .isEqualTo(new TransactionRecord.Confirmation(auth.transaction(), true));
            }
        }
        JsonNode pileOrders = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items");
        assertThat(pileOrders).hasSize(1);
        assertThat(pileOrders.get(0).get("state").asString()).as(pileOrders.toString()).isEqualTo("SETTLED");
        assertThat(pileOrders.get(0).get("energyWh").asLong()).isEqualTo(8_000);
        assertThat(op.admin().get("/api/v1/drivers/" + pileDriver + "/wallet").body().get("available").asString())
                .isEqualTo("92.00"); // 8 kWh at 0.60 + 0.40
        assertThat(count("select count(*) from charging_session where charger_id = ?", pile)).isEqualTo(1);
        pileOnA.close();

        // The charger reconnects through the load balancer to node B; it never heard the answer to its last
        // MeterValues and its StartTransaction, so it sends them again, then stops.
        try (RawOcppClient onB = RawOcppClient.connect(bOcpp, charger, null)) {
            onB.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            JsonNode again = onB.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"CL-CARD-1\",\"meterStart\":1000,"
                    + "\"timestamp\":\"" + start + "\"}");
            assertThat(again.get(2).get("transactionId").asLong()).isEqualTo(tx);
            onB.call("m2", "MeterValues", reading.formatted(tx, start.plusSeconds(120), 2000));
            onB.call("m3", "MeterValues", reading.formatted(tx, start.plusSeconds(180), 2500));
            JsonNode stopped = onB.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":3000,\"timestamp\":\""
                    + start.plusSeconds(240) + "\"}");
            assertThat(stopped.get(0).asInt()).isEqualTo(3);
            JsonNode stoppedAgain = onB.call("t2", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":3000,\"timestamp\":\""
                    + start.plusSeconds(240) + "\"}");
            assertThat(stoppedAgain.get(0).asInt()).isEqualTo(3);

            // A command for it, sent to node B, now goes straight to its connection there.
            CompletableFuture<Api.Response> unlock = CompletableFuture.supplyAsync(() ->
                    op.admin().post("/api/v1/chargers/" + charger + "/commands/unlock-connector", "{\"connectorId\":1}"));
            JsonNode call = onB.next();
            assertThat(call.get(2).asString()).isEqualTo("UnlockConnector");
            onB.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"Unlocked\"}]");
            assertThat(unlock.get(20, java.util.concurrent.TimeUnit.SECONDS).body().get("status").asString()).isEqualTo("Unlocked");
        }

        var session = op.admin().get("/api/v1/sessions/" + tx);
        assertThat(session.body().get("state").asString()).as(session.raw()).isEqualTo("COMPLETED");
        assertThat(session.body().get("meterStopWh").asLong()).isEqualTo(3000);
        var orders = op.admin().get("/api/v1/orders?driverId=" + driver).body().get("items");
        assertThat(orders.size()).as(orders.toString()).isEqualTo(1);
        assertThat(orders.get(0).get("sessionId").asLong()).isEqualTo(tx);
        assertThat(count("select count(*) from charging_session where charger_id = ?", charger)).isEqualTo(1);
        assertThat(count("select count(*) from meter_reading where session_id = " + tx + " and charger_id = ?", charger)).isEqualTo(3);

        // The charger that stayed with the dead node is offline once node A's lease runs out.
        await(TestCluster.NODE_TIMEOUT.multipliedBy(4), () -> !apiB.get("/api/v1/chargers/CL-FAIL-2").body().path("online").asBoolean(true),
                "CL-FAIL-2 released by node B after node A's lease ran out");
        await(Duration.ofSeconds(10), () -> countUnchecked("select count(*) from cluster_node where node_id = ?", "node-a") == 0,
                "node A's lease removed");
        assertThat(count("select count(*) from charger where node_id = ?", "node-a")).isZero();
        assertThat(apiB.post("/api/v1/chargers/CL-FAIL-2/commands/clear-cache", "{}").status()).isEqualTo(409);
        bystander.close();
        onA.close();
    }

    private static String holder(String chargerId) {
        try (Connection c = cluster.sql(); PreparedStatement s = c.prepareStatement("select node_id from charger where id = ?")) {
            s.setString(1, chargerId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConnectorStatus> statusesHeard(String chargerId) {
        return heardOnB.stream().filter(e -> e instanceof ConnectorStatusChanged c && c.chargerId().equals(chargerId))
                .map(e -> ((ConnectorStatusChanged) e).status()).toList();
    }

    private static String ocppName(ConnectorStatus status) {
        StringBuilder name = new StringBuilder();
        for (String part : status.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return name.toString();
    }

    private static long countUnchecked(String sql, String parameter) {
        try {
            return count(sql, parameter);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection c = cluster.sql(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
