package io.pylon.domain.thermal;

/**
 * The recent temperatures of one zone, for its rate of rise: a ring of (camera time, °C) samples no older than the
 * window, at most {@code capacity} of them (a faster camera keeps the latest {@code capacity} samples only, so its window
 * is shorter). The rate is unknown (NaN) until the samples span {@code minSpanMillis}, so two frames a few milliseconds
 * apart cannot make a huge rate from noise.
 * Not thread-safe: each zone's window is used under its bay's lock.
 */
public final class RiseWindow {

    private final long windowMillis;
    private final long minSpanMillis;
    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    public RiseWindow(long windowMillis, long minSpanMillis, int capacity) {
        if (windowMillis <= 0 || minSpanMillis < 0 || minSpanMillis > windowMillis || capacity < 2) {
            throw new IllegalArgumentException("window must be > 0, min span within it, capacity ≥ 2");
        }
        this.windowMillis = windowMillis;
        this.minSpanMillis = minSpanMillis;
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    /** Adds a sample (times must increase) and drops those that left the window. */
    public void add(long epochMillis, double celsius) {
        if (size == times.length) {
            start = (start + 1) % times.length;
            size--;
        }
        int end = (start + size) % times.length;
        times[end] = epochMillis;
        values[end] = celsius;
        size++;
        while (size > 1 && epochMillis - times[start] > windowMillis) {
            start = (start + 1) % times.length;
            size--;
        }
    }

    /**
     * The sustained rate of rise over the window in °C/min: the least-squares slopes of the older and of the newer half
     * of the window (split at the middle of its time span), the smaller of the two. A steady or accelerating rise shows
     * in both halves; a step (a warm car driving into the bay, a door opening) shows in one half only, so it is not a
     * rise. NaN while the samples span less than the minimum or a half holds fewer than two samples.
     */
    public double ratePerMinute() {
        if (size < 4) return Double.NaN;
        long t0 = times[start];
        long span = times[index(size - 1)] - t0;
        if (span < Math.max(1, minSpanMillis)) return Double.NaN;
        long middle = t0 + span / 2;
        int split = 0;
        while (split < size && times[index(split)] <= middle) split++;
        if (split < 2 || size - split < 2) return Double.NaN;
        return Math.min(slope(0, split), slope(split, size));
    }

    /** Least-squares slope of samples [from, to) in °C/min. */
    private double slope(int from, int to) {
        int n = to - from;
        long t0 = times[index(from)];
        double sumT = 0, sumV = 0;
        for (int k = from; k < to; k++) {
            int i = index(k);
            sumT += (times[i] - t0) / 60_000.0;
            sumV += values[i];
        }
        double meanT = sumT / n, meanV = sumV / n, cov = 0, var = 0;
        for (int k = from; k < to; k++) {
            int i = index(k);
            double dt = (times[i] - t0) / 60_000.0 - meanT;
            cov += dt * (values[i] - meanV);
            var += dt * dt;
        }
        return var == 0 ? Double.NaN : cov / var;
    }

    private int index(int k) {
        return (start + k) % times.length;
    }

    public int size() {
        return size;
    }

    public void clear() {
        start = 0;
        size = 0;
    }
}
