package io.pylon.simulator;

import java.util.concurrent.CompletableFuture;

/** A running simulated fleet, whatever protocol its chargers speak: what the command line watches and reports. */
public interface Fleet extends AutoCloseable {

    CompletableFuture<Void> done();

    LatencyReport report();

    /** Forgets latencies recorded so far (after a warm-up). */
    void resetLatency();

    int size();

    int connectedCount();

    int chargingCount();

    long messageCount();

    @Override
    void close();
}
