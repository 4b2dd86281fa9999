package io.pylon.server.me;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api.Response;
import io.pylon.server.support.RawOcppClient;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A charger for driver-app tests, on {@link RawOcppClient}: boots, reports connector statuses, answers the
 * platform's RemoteStart/RemoteStopTransaction while the app's HTTP call waits for that answer, and runs sessions.
 */
final class AppCharger implements AutoCloseable {

    private final RawOcppClient ocpp;
    private int seq;

    private AppCharger(RawOcppClient ocpp) {
        this.ocpp = ocpp;
    }

    static AppCharger boot(int port, String chargerId) {
        AppCharger charger = new AppCharger(RawOcppClient.connect(port, chargerId, null));
        JsonNode booted = charger.call("BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
        assertThat(booted.get(2).get("status").asString()).isEqualTo("Accepted");
        return charger;
    }

    JsonNode call(String action, String payload) {
        return ocpp.call("m" + (++seq), action, payload);
    }

    AppCharger status(int connectorId, String status) {
        call("StatusNotification", "{\"connectorId\":" + connectorId + ",\"errorCode\":\"" + ("Faulted".equals(status)
                ? "GroundFailure" : "NoError") + "\",\"status\":\"" + status + "\"}");
        return this;
    }

    /**
     * Runs an HTTP call that makes the platform send {@code action} to this charger, answers it with {@code status},
     * and returns the CALL's payload and the HTTP answer.
     */
    Answered answer(String action, String status, Supplier<Response> request) {
        CompletableFuture<Response> pending = CompletableFuture.supplyAsync(request);
        JsonNode call = ocpp.next();
        assertThat(call.get(0).asInt()).as("a CALL from the platform: " + call).isEqualTo(2);
        assertThat(call.get(2).asString()).isEqualTo(action);
        ocpp.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"" + status + "\"}]");
        return new Answered(call.get(3), pending.join());
    }

    record Answered(JsonNode payload, Response response) {}

    /** StartTransaction; answers the transaction id and the idTagInfo status. */
    Started start(int connectorId, String idTag, long meterStartWh, Instant at) {
        JsonNode reply = call("StartTransaction", "{\"connectorId\":" + connectorId + ",\"idTag\":\"" + idTag
                + "\",\"meterStart\":" + meterStartWh + ",\"timestamp\":\"" + at + "\"}");
        return new Started(reply.get(2).get("transactionId").asLong(), reply.get(2).get("idTagInfo").get("status").asString());
    }

    record Started(long transactionId, String status) {}

    /** One MeterValues message with the energy register (Wh) and, when given, power (W) and state of charge (%). */
    void meter(int connectorId, long tx, Instant at, long registerWh, Integer powerW, Integer soc) {
        String values = "{\"value\":\"" + registerWh + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}"
                + (powerW == null ? "" : ",{\"value\":\"" + powerW + "\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}")
                + (soc == null ? "" : ",{\"value\":\"" + soc + "\",\"measurand\":\"SoC\",\"unit\":\"Percent\"}");
        call("MeterValues", "{\"connectorId\":" + connectorId + ",\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\""
                + at + "\",\"sampledValue\":[" + values + "]}]}");
    }

    void stop(long tx, long meterStopWh, Instant at) {
        call("StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":" + meterStopWh + ",\"timestamp\":\"" + at + "\"}");
    }

    String authorize(String idTag) {
        return call("Authorize", "{\"idTag\":\"" + idTag + "\"}").get(2).get("idTagInfo").get("status").asString();
    }

    @Override
    public void close() {
        ocpp.close();
    }
}
