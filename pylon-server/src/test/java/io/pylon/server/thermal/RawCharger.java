package io.pylon.server.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.RawOcppClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A charger with a running session on connector 1 that, once {@link #listen()} is called, answers every CALL the
 * platform sends with Accepted and notes when it arrived.
 */
final class RawCharger implements AutoCloseable {

    /** A CALL from the platform and when it was received ({@link System#nanoTime()}). */
    record Received(String action, JsonNode payload, long nanos) {}

    private final RawOcppClient cp;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final long transactionId;
    private volatile boolean closed;
    private Thread listener;

    RawCharger(int ocppPort, String chargerId, String card) {
        cp = RawOcppClient.connect(ocppPort, chargerId, null);
        cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
        var started = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card + "\",\"meterStart\":1000,\"timestamp\":\""
                + Instant.now() + "\"}");
        assertThat(started.get(2).get("idTagInfo").get("status").asString()).as(started.toString()).isEqualTo("Accepted");
        transactionId = started.get(2).get("transactionId").asLong();
        cp.call("c", "StatusNotification", "{\"connectorId\":1,\"status\":\"Charging\",\"errorCode\":\"NoError\"}");
    }

    long transactionId() {
        return transactionId;
    }

    /** From now on answers the platform's CALLs (bounded: ends when closed). */
    RawCharger listen() {
        listener = Thread.ofVirtual().start(() -> {
            while (!closed) {
                JsonNode frame;
                try {
                    frame = cp.next();
                } catch (AssertionError | RuntimeException quiet) {
                    continue; // nothing for 10 s
                }
                long at = System.nanoTime();
                if (frame.get(0).asInt() != 2) continue;
                received.add(new Received(frame.get(2).asString(), frame.get(3), at));
                cp.sendText("[3,\"" + frame.get(1).asString() + "\",{\"status\":\"Accepted\"}]");
            }
        });
        return this;
    }

    List<Received> received() {
        return received;
    }

    /** The first RemoteStopTransaction received, waiting up to {@code millis}; null if none came. */
    Received awaitRemoteStop(long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            for (Received r : received) if (r.action().equals("RemoteStopTransaction")) return r;
            Thread.sleep(10);
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        cp.close();
    }
}
