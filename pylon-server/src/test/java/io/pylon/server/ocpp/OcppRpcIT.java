package io.pylon.server.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The RPC layer over a real socket: every kind of bad frame gets the CALLERROR the spec asks for. */
class OcppRpcIT extends PylonIT {

    private static final String BOOT = "{\"chargePointVendor\":\"Acme\",\"chargePointModel\":\"X1\"}";

    private RawOcppClient booted(String id) {
        RawOcppClient client = RawOcppClient.connect(ocppPort(), id, null);
        JsonNode reply = client.call("b1", "BootNotification", BOOT);
        assertThat(reply.get(2).get("status").asString()).isEqualTo("Accepted");
        return client;
    }

    @Test
    void bootIsAcceptedWithTheConfiguredIntervalAndTheServerTime() {
        try (RawOcppClient client = RawOcppClient.connect(ocppPort(), "RPC-BOOT", null)) {
            JsonNode reply = client.call("1", "BootNotification", BOOT);
            assertThat(reply.get(0).asInt()).isEqualTo(3);
            assertThat(reply.get(1).asString()).isEqualTo("1");
            assertThat(reply.get(2).get("interval").asInt()).isEqualTo(60);
            assertThat(reply.get(2).get("currentTime").asString()).endsWith("Z");
            assertThat(api.get("/api/v1/chargers?online=true&size=500").raw()).contains("RPC-BOOT");
        }
        var charger = api.get("/api/v1/chargers/RPC-BOOT");
        assertThat(charger.body().get("boot").get("vendor").asString()).isEqualTo("Acme");
    }

    @Test
    void notJsonIsAFormationViolationWithUnknownId() {
        try (RawOcppClient client = booted("RPC-NOTJSON")) {
            client.sendText("this is not json");
            JsonNode error = client.next();
            assertThat(error.get(0).asInt()).isEqualTo(4);
            assertThat(error.get(1).asString()).isEqualTo("-1");
            assertThat(error.get(2).asString()).isEqualTo("FormationViolation");
            client.sendText("{\"not\":\"an array\"}");
            assertThat(client.next().get(2).asString()).isEqualTo("FormationViolation");
        }
    }

    @Test
    void wrongTypesMissingFieldsAndBadValuesNameTheField() {
        try (RawOcppClient client = booted("RPC-TYPES")) {
            JsonNode wrongType = client.call("t1", "StatusNotification", "{\"connectorId\":\"one\",\"errorCode\":\"NoError\",\"status\":\"Available\"}");
            assertThat(wrongType.get(2).asString()).isEqualTo("TypeConstraintViolation");
            assertThat(wrongType.get(3).asString()).contains("connectorId");
            JsonNode missing = client.call("t2", "Authorize", "{}");
            assertThat(missing.get(2).asString()).isEqualTo("OccurenceConstraintViolation");
            assertThat(missing.get(3).asString()).contains("idTag");
            JsonNode badValue = client.call("t3", "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}");
            assertThat(badValue.get(2).asString()).isEqualTo("PropertyConstraintViolation");
            JsonNode extra = client.call("t4", "Heartbeat", "{\"surprise\":true}");
            assertThat(extra.get(2).asString()).isEqualTo("FormationViolation");
        }
    }

    @Test
    void unknownActionIsNotImplementedAndACsmsActionIsNotSupported() {
        try (RawOcppClient client = booted("RPC-ACTIONS")) {
            assertThat(client.call("u1", "BrewCoffee", "{}").get(2).asString()).isEqualTo("NotImplemented");
            assertThat(client.call("u2", "Reset", "{\"type\":\"Hard\"}").get(2).asString()).isEqualTo("NotSupported");
            assertThat(client.call("u3", "Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
    }

    @Test
    void unknownMessageTypeIsAProtocolError() {
        try (RawOcppClient client = booted("RPC-TYPE9")) {
            client.sendText("[9,\"x1\",\"Heartbeat\",{}]");
            JsonNode error = client.next();
            assertThat(error.get(1).asString()).isEqualTo("x1");
            assertThat(error.get(2).asString()).isEqualTo("ProtocolError");
        }
    }

    @Test
    void aReplyWithAnUnknownIdIsDroppedAndTheConnectionCarriesOn() {
        try (RawOcppClient client = booted("RPC-STRAY")) {
            client.sendText("[3,\"never-sent\",{}]");
            client.sendText("[4,\"never-sent-either\",\"GenericError\",\"\",{}]");
            assertThat(client.call("h", "Heartbeat", "{}").get(1).asString()).isEqualTo("h");
        }
    }

    @Test
    void anOversizeFrameClosesTheConnectionWith1009() {
        try (RawOcppClient client = booted("RPC-BIG")) {
            String huge = "x".repeat(70_000);
            client.sendText("[2,\"big\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\"" + huge + "\"}]");
            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void messagesBeforeAcceptanceAreRefusedForAPendingCharger() {
        api.post("/api/v1/chargers", "{\"id\":\"RPC-PENDING\",\"registration\":\"PENDING\"}");
        try (RawOcppClient client = RawOcppClient.connect(ocppPort(), "RPC-PENDING", null)) {
            JsonNode reply = client.call("p1", "BootNotification", BOOT);
            assertThat(reply.get(2).get("status").asString()).isEqualTo("Pending");
            assertThat(client.call("p2", "Heartbeat", "{}").get(2).asString()).isEqualTo("SecurityError");
            api.post("/api/v1/chargers/RPC-PENDING/approve", "{}");
            assertThat(client.call("p3", "BootNotification", BOOT).get(2).get("status").asString()).isEqualTo("Accepted");
            assertThat(client.call("p4", "Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
    }

    @Test
    void aSecondConnectionWithTheSameIdReplacesTheFirst() {
        RawOcppClient first = booted("RPC-TWICE");
        try (RawOcppClient second = booted("RPC-TWICE")) {
            assertThat(first.awaitClose()).isEqualTo(1008);
            assertThat(second.call("h", "Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
            assertThat(api.get("/api/v1/chargers/RPC-TWICE").body().get("connected").asBoolean()).isTrue();
        } finally {
            first.close();
        }
    }
}
