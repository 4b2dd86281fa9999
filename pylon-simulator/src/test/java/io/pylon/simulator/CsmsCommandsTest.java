package io.pylon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.simulator.ocpp.Json;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CsmsCommandsTest {
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

    private String status(String action, ObjectNode payload) throws Exception {
        return csms.call(ID, action, payload).path("status").asString();
    }

    private String callError(String action, JsonNode payload) {
        try {
            csms.call(ID, action, payload);
            return "no error";
        } catch (ExecutionException e) {
            return ((FakeCsms.CallErrorException) e.getCause()).code;
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void remoteStartAndStop() throws Exception {
        assertThat(status("RemoteStartTransaction", Json.object().put("connectorId", 1).put("idTag", "R1")))
                .isEqualTo("Accepted");
        JsonNode start = csms.await(ID, "StartTransaction").payload();
        assertThat(start.path("connectorId").asInt()).isEqualTo(1);
        awaitTrue(() -> charger.transactionId(1) != null);
        assertThat(status("RemoteStartTransaction", Json.object().put("connectorId", 1).put("idTag", "R2")))
                .isEqualTo("Rejected");
        assertThat(status("RemoteStopTransaction", Json.object().put("transactionId", 424242))).isEqualTo("Rejected");
        int txId = charger.transactionId(1);
        assertThat(status("RemoteStopTransaction", Json.object().put("transactionId", txId))).isEqualTo("Accepted");
        JsonNode stop = csms.await(ID, "StopTransaction").payload();
        assertThat(stop.path("reason").asString()).isEqualTo("Remote");
        assertThat(stop.path("transactionId").asInt()).isEqualTo(txId);
    }

    @Test
    void remoteStartWithTxProfileLimitsPower() throws Exception {
        ObjectNode request = Json.object().put("connectorId", 2).put("idTag", "R1");
        request.set("chargingProfile", profile(7, "TxProfile", "W", 3000));
        assertThat(status("RemoteStartTransaction", request)).isEqualTo("Accepted");
        csms.await(ID, "MeterValues", p -> p.path("meterValue").get(0).path("sampledValue").toString()
                .contains("Sample.Periodic"), 5_000);
        JsonNode mv = csms.received(ID, "MeterValues").getLast().payload();
        double power = 0;
        for (JsonNode sv : mv.path("meterValue").get(0).path("sampledValue")) {
            if (sv.path("measurand").asString().equals("Power.Active.Import")) {
                power = Double.parseDouble(sv.path("value").asString());
            }
        }
        assertThat(power).isEqualTo(3000.0);
    }

    private static ObjectNode profile(int id, String purpose, String unit, double limit) {
        ObjectNode profile = Json.object().put("chargingProfileId", id).put("stackLevel", 1)
                .put("chargingProfilePurpose", purpose).put("chargingProfileKind", "Relative");
        ObjectNode schedule = profile.putObject("chargingSchedule").put("chargingRateUnit", unit);
        schedule.putArray("chargingSchedulePeriod").addObject().put("startPeriod", 0).put("limit", limit);
        return profile;
    }

    @Test
    void smartCharging() throws Exception {
        ObjectNode tx = Json.object().put("connectorId", 1);
        tx.set("csChargingProfiles", profile(1, "TxProfile", "W", 5000));
        assertThat(status("SetChargingProfile", tx)).isEqualTo("Rejected");
        ObjectNode def = Json.object().put("connectorId", 1);
        ObjectNode profile = profile(2, "TxDefaultProfile", "A", 16);
        profile.put("chargingProfileKind", "Absolute");
        ((ObjectNode) profile.get("chargingSchedule")).put("startSchedule", Json.time(Instant.now().minusSeconds(5)));
        def.set("csChargingProfiles", profile);
        assertThat(status("SetChargingProfile", def)).isEqualTo("Accepted");
        JsonNode composite = csms.call(ID, "GetCompositeSchedule", Json.object().put("connectorId", 1)
                .put("duration", 600).put("chargingRateUnit", "A"));
        assertThat(composite.path("status").asString()).isEqualTo("Accepted");
        assertThat(composite.path("chargingSchedule").path("chargingSchedulePeriod").get(0).path("limit").asDouble())
                .isEqualTo(16.0);
        assertThat(status("GetCompositeSchedule", Json.object().put("connectorId", 9).put("duration", 60)))
                .isEqualTo("Rejected");
        assertThat(status("ClearChargingProfile", Json.object().put("id", 2))).isEqualTo("Accepted");
        assertThat(status("ClearChargingProfile", Json.object().put("id", 2))).isEqualTo("Unknown");
    }

    @Test
    void configuration() throws Exception {
        JsonNode all = csms.call(ID, "GetConfiguration", Json.object());
        assertThat(all.path("configurationKey").toString()).contains("HeartbeatInterval", "MeterValuesSampledData",
                "AuthorizeRemoteTxRequests", "LocalAuthListMaxLength", "ChargeProfileMaxStackLevel", "ConnectionTimeOut");
        ObjectNode request = Json.object();
        request.putArray("key").add("NumberOfConnectors").add("NoSuchKey");
        JsonNode some = csms.call(ID, "GetConfiguration", request);
        assertThat(some.path("configurationKey").get(0).path("value").asString()).isEqualTo("2");
        assertThat(some.path("configurationKey").get(0).path("readonly").asBoolean()).isTrue();
        assertThat(some.path("unknownKey").get(0).asString()).isEqualTo("NoSuchKey");
        assertThat(status("ChangeConfiguration", Json.object().put("key", "NumberOfConnectors").put("value", "4")))
                .isEqualTo("Rejected");
        assertThat(status("ChangeConfiguration", Json.object().put("key", "Foo").put("value", "1")))
                .isEqualTo("NotSupported");
        assertThat(status("ChangeConfiguration", Json.object().put("key", "HeartbeatInterval").put("value", "1")))
                .isEqualTo("Accepted");
        assertThat(charger.configuration()).containsEntry("HeartbeatInterval", "1");
        csms.await(ID, "Heartbeat");
        assertThat(status("ClearCache", Json.object())).isEqualTo("Accepted");
    }

    @Test
    void localList() throws Exception {
        ObjectNode full = Json.object().put("listVersion", 1).put("updateType", "Full");
        full.putArray("localAuthorizationList").addObject().put("idTag", "A").putObject("idTagInfo").put("status", "Accepted");
        assertThat(status("SendLocalList", full)).isEqualTo("Accepted");
        assertThat(csms.call(ID, "GetLocalListVersion", Json.object()).path("listVersion").asInt()).isEqualTo(1);
        ObjectNode stale = Json.object().put("listVersion", 1).put("updateType", "Differential");
        assertThat(status("SendLocalList", stale)).isEqualTo("VersionMismatch");
        ObjectNode diff = Json.object().put("listVersion", 2).put("updateType", "Differential");
        diff.putArray("localAuthorizationList").addObject().put("idTag", "A");
        assertThat(status("SendLocalList", diff)).isEqualTo("Accepted");
        assertThat(charger.localListVersion()).isEqualTo(2);
    }

    @Test
    void reservations() throws Exception {
        String expiry = Json.time(Instant.now().plusSeconds(3600));
        ObjectNode reserve = Json.object().put("connectorId", 1).put("expiryDate", expiry).put("idTag", "RES")
                .put("reservationId", 5);
        assertThat(status("ReserveNow", reserve)).isEqualTo("Accepted");
        csms.await(ID, "StatusNotification", p -> p.path("status").asString().equals("Reserved"), 5_000);
        assertThat(charger.status(1)).isEqualTo(ConnectorStatus.Reserved);
        reserve.put("reservationId", 6);
        assertThat(status("ReserveNow", reserve)).isEqualTo("Occupied");
        assertThat(charger.startSession(1, "OTHER").get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(status("CancelReservation", Json.object().put("reservationId", 99))).isEqualTo("Rejected");
        assertThat(status("CancelReservation", Json.object().put("reservationId", 5))).isEqualTo("Accepted");
        awaitTrue(() -> charger.status(1) == ConnectorStatus.Available);
        reserve.put("reservationId", 7).put("expiryDate", Json.time(Instant.now().plusMillis(800)));
        assertThat(status("ReserveNow", reserve)).isEqualTo("Accepted");
        assertThat(charger.startSession(1, "RES").get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(csms.await(ID, "StartTransaction").payload().path("reservationId").asInt()).isEqualTo(7);
        ObjectNode unavailable = Json.object().put("connectorId", 2).put("type", "Inoperative");
        assertThat(status("ChangeAvailability", unavailable)).isEqualTo("Accepted");
        reserve.put("connectorId", 2).put("reservationId", 8).put("expiryDate", expiry);
        assertThat(status("ReserveNow", reserve)).isEqualTo("Unavailable");
        assertThat(status("ChangeAvailability", Json.object().put("connectorId", 1).put("type", "Inoperative")))
                .isEqualTo("Scheduled");
    }

    @Test
    void triggerMessages() throws Exception {
        int heartbeats = csms.received(ID, "Heartbeat").size();
        assertThat(status("TriggerMessage", Json.object().put("requestedMessage", "Heartbeat"))).isEqualTo("Accepted");
        awaitTrue(() -> csms.received(ID, "Heartbeat").size() > heartbeats);
        int statuses = csms.received(ID, "StatusNotification").size();
        assertThat(status("TriggerMessage", Json.object().put("requestedMessage", "StatusNotification")
                .put("connectorId", 2))).isEqualTo("Accepted");
        awaitTrue(() -> csms.received(ID, "StatusNotification").size() > statuses);
        assertThat(status("TriggerMessage", Json.object().put("requestedMessage", "MeterValues").put("connectorId", 1)))
                .isEqualTo("Accepted");
        csms.await(ID, "MeterValues", p -> p.toString().contains("Trigger"), 5_000);
        assertThat(status("TriggerMessage", Json.object().put("requestedMessage", "DiagnosticsStatusNotification")))
                .isEqualTo("Accepted");
        csms.await(ID, "DiagnosticsStatusNotification");
        assertThat(status("TriggerMessage", Json.object().put("requestedMessage", "Heartbeat").put("connectorId", 7)))
                .isEqualTo("Rejected");
    }

    @Test
    void updateFirmwareReportsProgressAndReboots() throws Exception {
        String before = charger.firmwareVersion();
        JsonNode reply = csms.call(ID, "UpdateFirmware", Json.object().put("location", "https://fw.example/v2.bin")
                .put("retrieveDate", Json.time(Instant.now())));
        assertThat(reply.size()).isZero();
        for (String step : new String[] {"Downloading", "Downloaded", "Installing", "Installed"}) {
            csms.await(ID, "FirmwareStatusNotification", p -> p.path("status").asString().equals(step), 10_000);
        }
        csms.await(ID, "BootNotification", p -> !p.path("firmwareVersion").asString().equals(before), 10_000);
        assertThat(charger.firmwareVersion()).isNotEqualTo(before);
    }

    @Test
    void resetStopsSessionsAndBootsAgain() throws Exception {
        assertThat(charger.startSession(1, "T").get(5, TimeUnit.SECONDS)).isTrue();
        csms.await(ID, "StartTransaction");
        assertThat(status("Reset", Json.object().put("type", "Soft"))).isEqualTo("Accepted");
        assertThat(csms.await(ID, "StopTransaction").payload().path("reason").asString()).isEqualTo("SoftReset");
        awaitTrue(() -> csms.received(ID, "BootNotification").size() == 2);
        awaitTrue(charger::isRegistered);
    }

    @Test
    void diagnosticsUnlockAndDataTransfer() throws Exception {
        JsonNode diag = csms.call(ID, "GetDiagnostics", Json.object().put("location", "ftp://diag.example/"));
        assertThat(diag.path("fileName").asString()).startsWith("diagnostics-SIM-00001");
        csms.await(ID, "DiagnosticsStatusNotification", p -> p.path("status").asString().equals("Uploaded"), 10_000);
        assertThat(status("UnlockConnector", Json.object().put("connectorId", 1))).isEqualTo("Unlocked");
        assertThat(status("UnlockConnector", Json.object().put("connectorId", 5))).isEqualTo("NotSupported");
        assertThat(status("DataTransfer", Json.object().put("vendorId", "Other"))).isEqualTo("UnknownVendorId");
        JsonNode echo = csms.call(ID, "DataTransfer", Json.object().put("vendorId", "Pylon").put("data", "ping"));
        assertThat(echo.path("status").asString()).isEqualTo("Accepted");
        assertThat(echo.path("data").asString()).isEqualTo("ping");
    }

    @Test
    void unknownAndMalformedCalls() throws Exception {
        assertThat(callError("Frobnicate", Json.object())).isEqualTo("NotImplemented");
        var answer = csms.expectAnswer("bad-1");
        csms.sendRaw(ID, "[2,\"bad-1\",\"Reset\",\"not an object\"]");
        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("FormationViolation");
        assertThat(callError("RemoteStopTransaction", Json.object().put("transactionId", "x")))
                .isEqualTo("TypeConstraintViolation");
        assertThat(callError("RemoteStartTransaction", Json.object())).isEqualTo("OccurenceConstraintViolation");
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            FakeCsms.sleep(20);
        }
    }
}
