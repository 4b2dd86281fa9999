package io.pylon.simulator;

import io.netty.util.concurrent.ScheduledFuture;
import io.pylon.simulator.model.PowerModel;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * A charging session (transaction) on one connector: the vehicle's battery, the integrated meter register and
 * the transactionId once the CSMS assigned it. Confined to the charger's event loop.
 */
final class Session {
    final int connectorId;
    final String idTag;
    final Integer reservationId;
    final Instant start;
    final long meterStart;
    final double capacityWh;
    /** Assigned by the CSMS in the StartTransaction answer; null until then (e.g. started offline). */
    volatile Integer transactionId;
    double soc;
    double powerW;
    Instant lastAdvance;
    boolean stopping;
    ObjectNode beginSample;
    ScheduledFuture<?> meterTimer;

    Session(int connectorId, String idTag, Integer reservationId, Instant start, long meterStart, double capacityWh,
            double soc) {
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.reservationId = reservationId;
        this.start = start;
        this.meterStart = meterStart;
        this.capacityWh = capacityWh;
        this.soc = soc;
        this.lastAdvance = start;
    }

    /**
     * Integrates power from the last update up to {@code now} in steps of at most one second, adding the energy
     * to the connector's register and the vehicle's state of charge.
     *
     * @param limitAt smart-charging limit in W at an instant (given the current SoC)
     */
    void advance(Instant now, PowerModel model, ConnectorState connector, Function<Instant, Double> limitAt) {
        while (lastAdvance.isBefore(now)) {
            Instant next = lastAdvance.plusSeconds(1);
            if (next.isAfter(now)) {
                next = now;
            }
            double dt = Duration.between(lastAdvance, next).toNanos() / 1e9;
            double p = model.powerW(seconds(lastAdvance), soc, limitAt.apply(lastAdvance));
            double energyWh = p * dt / 3600.0;
            connector.registerWh += energyWh * MeterFaults.registerFactor(); // --meter-drift: a fast meter
            soc = Math.min(100.0, soc + energyWh / capacityWh * 100.0);
            lastAdvance = next;
        }
        powerW = model.powerW(seconds(now), soc, limitAt.apply(now));
    }

    private double seconds(Instant t) {
        return Duration.between(start, t).toNanos() / 1e9;
    }

    void cancelTimers() {
        if (meterTimer != null) {
            meterTimer.cancel(false);
            meterTimer = null;
        }
    }
}
