package io.pylon.domain.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a charger measured for one session, the input to billing. Energy is the register in Wh.
 * {@code samples} are the register readings between start and stop as received: they may be empty,
 * unordered, duplicated or go backwards; {@link MeterCurve} says how each case is handled.
 * {@code chargingFinishedAt} (energy stopped flowing: SuspendedEV / Finishing; null means at stop) and
 * {@code pluggedOutAt} (null means unknown: no idle fee) decide the idle fee, see {@link #idleMinutes()}.
 */
public record SessionUsage(Instant startedAt, long meterStartWh, Instant stoppedAt, long meterStopWh,
                           List<EnergyPoint> samples, Instant chargingFinishedAt, Instant pluggedOutAt) {

    public SessionUsage {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        samples = samples == null ? List.of() : List.copyOf(samples);
        if (stoppedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("Stopped at " + stoppedAt + " before it started at " + startedAt);
        }
        if (meterStopWh < meterStartWh) {
            throw new IllegalArgumentException("Meter stop " + meterStopWh + " Wh is below meter start "
                    + meterStartWh + " Wh");
        }
        if (chargingFinishedAt != null && chargingFinishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("Charging finished at " + chargingFinishedAt + " before the start");
        }
        if (pluggedOutAt != null && pluggedOutAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("Plugged out at " + pluggedOutAt + " before the start");
        }
    }

    /** A session without samples and without idle information. */
    public static SessionUsage of(Instant startedAt, long meterStartWh, Instant stoppedAt, long meterStopWh) {
        return new SessionUsage(startedAt, meterStartWh, stoppedAt, meterStopWh, List.of(), null, null);
    }

    public SessionUsage withSamples(List<EnergyPoint> points) {
        return new SessionUsage(startedAt, meterStartWh, stoppedAt, meterStopWh, points, chargingFinishedAt,
                pluggedOutAt);
    }

    public SessionUsage withIdle(Instant finishedAt, Instant unpluggedAt) {
        return new SessionUsage(startedAt, meterStartWh, stoppedAt, meterStopWh, samples, finishedAt, unpluggedAt);
    }

    /** Energy delivered: meter stop − meter start, in Wh. */
    public long meteredWh() {
        return meterStopWh - meterStartWh;
    }

    /** Where idle time starts: charging finished, or the stop when it was not reported. */
    public Instant idleFrom() {
        return chargingFinishedAt != null ? chargingFinishedAt : stoppedAt;
    }

    /**
     * Whole minutes (rounded down) from charging finished (or stop, when not reported) to plug-out; 0
     * when plug-out is unknown or not later.
     */
    public long idleMinutes() {
        if (pluggedOutAt == null) {
            return 0;
        }
        return Math.max(0, Duration.between(idleFrom(), pluggedOutAt).toMinutes());
    }
}
