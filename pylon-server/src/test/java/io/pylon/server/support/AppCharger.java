package io.pylon.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api.Response;
import io.pylon.server.support.RawOcppClient;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A charger for tests that need a session and the platform's commands, on {@link RawOcppClient}: boots, reports connector statuses, answers the
 * platform's RemoteStart/RemoteStopTransaction while the app's HTTP call waits for that answer, and runs sessions.
 */
public final class AppCharger implements AutoCloseable {

    private final RawOcppClient ocpp;
    private final java.util.ArrayDeque<JsonNode> platformCalls = new java.util.ArrayDeque<>();
    private int seq;

    private AppCharger(RawOcppClient ocpp) {
        this.ocpp = ocpp;
    }

    public static AppCharger boot(int port, String chargerId) {
        AppCharger charger = new AppCharger(RawOcppClient.connect(port, chargerId, null));
        JsonNode booted = charger.call("BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
        assertThat(booted.get(2).get("status").asString()).isEqualTo("Accepted");
        return charger;
    }

    /** Sends a CALL and answers its reply; CALLs the platform sends meanwhile are kept for {@link #awaitCall}. */
    public JsonNode call(String action, String payload) {
        String id = "m" + (++seq);
        JsonNode frame = ocpp.call(id, action, payload);
        while (frame.get(0).asInt() == 2) {
            platformCalls.add(frame);
            frame = ocpp.next();
        }
        assertThat(frame.get(1).asString()).as("the reply to " + action + ": " + frame).isEqualTo(id);
        return frame;
    }

    public AppCharger status(int connectorId, String status) {
        call("StatusNotification", "{\"connectorId\":" + connectorId + ",\"errorCode\":\"" + ("Faulted".equals(status)
                ? "GroundFailure" : "NoError") + "\",\"status\":\"" + status + "\"}");
        return this;
    }

    /**
     * Runs an HTTP call that makes the platform send {@code action} to this charger, answers it with {@code status},
     * and returns the CALL's payload and the HTTP answer.
     */
    public Answered answer(String action, String status, Supplier<Response> request) {
        CompletableFuture<Response> pending = CompletableFuture.supplyAsync(request);
        JsonNode call = platformCalls.isEmpty() ? ocpp.next() : platformCalls.poll();
        assertThat(call.get(0).asInt()).as("a CALL from the platform: " + call).isEqualTo(2);
        assertThat(call.get(2).asString()).isEqualTo(action);
        ocpp.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"" + status + "\"}]");
        return new Answered(call.get(3), pending.join());
    }

    public record Answered(JsonNode payload, Response response) {}

    /** StartTransaction; answers the transaction id and the idTagInfo status. */
    public Started start(int connectorId, String idTag, long meterStartWh, Instant at) {
        JsonNode reply = call("StartTransaction", "{\"connectorId\":" + connectorId + ",\"idTag\":\"" + idTag
                + "\",\"meterStart\":" + meterStartWh + ",\"timestamp\":\"" + at + "\"}");
        return new Started(reply.get(2).get("transactionId").asLong(), reply.get(2).get("idTagInfo").get("status").asString());
    }

    public record Started(long transactionId, String status) {}

    /** One MeterValues message with the energy register (Wh) and, when given, power (W) and state of charge (%). */
    public void meter(int connectorId, long tx, Instant at, long registerWh, Integer powerW, Integer soc) {
        String values = "{\"value\":\"" + registerWh + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}"
                + (powerW == null ? "" : ",{\"value\":\"" + powerW + "\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}")
                + (soc == null ? "" : ",{\"value\":\"" + soc + "\",\"measurand\":\"SoC\",\"unit\":\"Percent\"}");
        call("MeterValues", "{\"connectorId\":" + connectorId + ",\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\""
                + at + "\",\"sampledValue\":[" + values + "]}]}");
    }

    public void stop(long tx, long meterStopWh, Instant at) {
        call("StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":" + meterStopWh + ",\"timestamp\":\"" + at + "\"}");
    }

    public String authorize(String idTag) {
        return call("Authorize", "{\"idTag\":\"" + idTag + "\"}").get(2).get("idTagInfo").get("status").asString();
    }

    /** The next CALL the platform sends (waits for it), answered with {@code status}; its payload. */
    public JsonNode awaitCall(String action, String status) {
        JsonNode call = platformCalls.isEmpty() ? ocpp.next() : platformCalls.poll();
        assertThat(call.get(0).asInt()).as("a CALL from the platform: " + call).isEqualTo(2);
        assertThat(call.get(2).asString()).as(call.toString()).isEqualTo(action);
        ocpp.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"" + status + "\"}]");
        return call.get(3);
    }

    @Override
    public void close() {
        ocpp.close();
    }
}
