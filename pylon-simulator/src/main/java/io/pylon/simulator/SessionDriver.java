package io.pylon.simulator;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops sessions on a charger's connectors over time so that on average {@code share} of them are
 * charging: sessions last an exponentially distributed time with the given mean, the idle gaps are sized
 * accordingly. Confined to the charger's event loop.
 */
final class SessionDriver {
    private static final long MIN_GAP_MS = 3_000;
    private final SimulatedCharger charger;
    private final double share;
    private final long meanSessionMs;
    private final long meanIdleMs;
    private final ScheduledFuture<?>[] timers;
    private final Session[] driven;
    private boolean running;

    SessionDriver(SimulatedCharger charger, double share, Duration meanSession) {
        this.charger = charger;
        this.share = share;
        this.meanSessionMs = Math.max(MIN_GAP_MS, meanSession.toMillis());
        this.meanIdleMs = share >= 1.0 ? MIN_GAP_MS : (long) (meanSessionMs * (1 - share) / share);
        this.timers = new ScheduledFuture<?>[charger.connectors.length];
        this.driven = new Session[charger.connectors.length];
    }

    void start() {
        running = true;
        for (int c = 1; c < charger.connectors.length; c++) {
            long delay = charger.random.nextDouble() < share
                    ? 2_000 + (long) (charger.random.nextDouble() * 10_000)
                    : exponential(meanIdleMs);
            scheduleStart(c, delay);
        }
    }

    void stop() {
        running = false;
        for (ScheduledFuture<?> timer : timers) {
            SimulatedCharger.cancel(timer);
        }
    }

    private long exponential(long mean) {
        return MIN_GAP_MS + (long) (-Math.log(1 - charger.random.nextDouble()) * mean);
    }

    private void scheduleStart(int connectorId, long delayMs) {
        timers[connectorId] = charger.loop.schedule(() -> tryStart(connectorId), delayMs, TimeUnit.MILLISECONDS);
    }

    private void tryStart(int connectorId) {
        List<String> tags = charger.config.idTags();
        ConnectorState c = charger.connectors[connectorId];
        if (!running) {
            return;
        }
        if (!charger.registered && !tags.isEmpty()) {
            scheduleStart(connectorId, 1_000 + charger.random.nextInt(2_000)); // booting: try again shortly
            return;
        }
        if (tags.isEmpty() || c.reservation != null || !charger.sessions.canStart(c, "")) {
            scheduleStart(connectorId, exponential(meanIdleMs / 4 + 1));
            return;
        }
        String tag = tags.get(charger.random.nextInt(tags.size()));
        charger.sessions.start(connectorId, tag, false).whenComplete((ok, error) -> charger.loop.execute(() -> {
            if (!running) {
                return;
            }
            if (Boolean.TRUE.equals(ok)) {
                driven[connectorId] = c.session;
                timers[connectorId] = charger.loop.schedule(() -> tryStop(connectorId), exponential(meanSessionMs),
                        TimeUnit.MILLISECONDS);
            } else {
                scheduleStart(connectorId, exponential(meanIdleMs));
            }
        }));
    }

    private void tryStop(int connectorId) {
        if (!running) {
            return;
        }
        ConnectorState c = charger.connectors[connectorId];
        if (c.session != null && c.session == driven[connectorId]) {
            charger.sessions.stop(connectorId, charger.random.nextBoolean() ? "EVDisconnected" : "Local");
        }
        driven[connectorId] = null;
        scheduleStart(connectorId, exponential(meanIdleMs));
    }
}
