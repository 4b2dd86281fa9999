package io.pylon.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Thread-safe recorder of CALL latencies and message counters shared by all chargers of a fleet. */
final class LatencyRecorder {
    private static final long MAX_MICROS = 3_600_000_000L;

    private static final class Stats {
        final ConcurrentHistogram histogram = new ConcurrentHistogram(1, MAX_MICROS, 3);
        final LongAdder errors = new LongAdder();
        final LongAdder timeouts = new LongAdder();
    }

    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final Clock clock;

    LatencyRecorder(Clock clock) {
        this.clock = clock;
    }

    private Stats stats(String action) {
        return stats.computeIfAbsent(action, a -> new Stats());
    }

    void answered(String action, long nanos, boolean error) {
        Stats s = stats(action);
        s.histogram.recordValue(Math.max(1, Math.min(MAX_MICROS, nanos / 1000)));
        if (error) {
            s.errors.increment();
        }
    }

    /** Forgets latencies recorded so far (after a warm-up such as the connect ramp). */
    void reset() {
        stats.clear();
    }

    void timedOut(String action) {
        stats(action).timeouts.increment();
    }

    void sent() {
        sent.increment();
    }

    void received() {
        received.increment();
    }

    long messagesSent() {
        return sent.sum();
    }

    long messagesReceived() {
        return received.sum();
    }

    LatencyReport report() {
        List<LatencyReport.ActionStats> actions = new ArrayList<>();
        Histogram all = new Histogram(1, MAX_MICROS, 3);
        long errors = 0;
        long timeouts = 0;
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            Histogram copy = e.getValue().histogram.copy();
            long err = e.getValue().errors.sum();
            long tmo = e.getValue().timeouts.sum();
            actions.add(stats(e.getKey(), copy, err, tmo));
            all.add(copy);
            errors += err;
            timeouts += tmo;
        }
        actions.sort(Comparator.comparing(LatencyReport.ActionStats::action));
        return new LatencyReport(clock.instant(), List.copyOf(actions), stats("ALL", all, errors, timeouts));
    }

    private static LatencyReport.ActionStats stats(String action, Histogram h, long errors, long timeouts) {
        boolean empty = h.getTotalCount() == 0;
        return new LatencyReport.ActionStats(action, h.getTotalCount(), empty ? 0 : h.getMean() / 1000.0,
                ms(h, 50.0), ms(h, 99.0), ms(h, 99.9), empty ? 0 : h.getMaxValue() / 1000.0, errors, timeouts);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
