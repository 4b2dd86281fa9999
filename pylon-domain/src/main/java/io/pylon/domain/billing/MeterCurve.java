package io.pylon.domain.billing;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The energy register over a session as billing uses it: a monotone non-decreasing piecewise-linear
 * curve through the start reading, the cleaned samples and the stop reading. Cleaning, in order:
 * <ol>
 *   <li>samples not strictly between start and stop time are dropped (start and stop readings rule);</li>
 *   <li>samples are sorted by time; several samples at one instant become one, the highest register;</li>
 *   <li>each register is clamped to {@code [previous cleaned register, meter stop]}, so a reading going
 *       backwards counts as no energy until the register passes it again, and none exceeds the stop.</li>
 * </ol>
 * Between two points energy is assumed to flow linearly in time. {@link #adjusted()} is true when a
 * sample was dropped, merged with a different value or clamped.
 */
public record MeterCurve(List<EnergyPoint> points, boolean adjusted) {

    public MeterCurve {
        points = List.copyOf(points);
    }

    public static MeterCurve of(SessionUsage usage) {
        boolean adjusted = false;
        Map<Instant, Long> byTime = new TreeMap<>();
        for (EnergyPoint sample : usage.samples()) {
            if (!sample.at().isAfter(usage.startedAt()) || !sample.at().isBefore(usage.stoppedAt())) {
                adjusted = true;
                continue;
            }
            Long before = byTime.put(sample.at(), sample.registerWh());
            if (before != null && before != sample.registerWh()) {
                adjusted = true;
                byTime.put(sample.at(), Math.max(before, sample.registerWh()));
            }
        }
        List<EnergyPoint> points = new ArrayList<>();
        points.add(new EnergyPoint(usage.startedAt(), usage.meterStartWh()));
        long running = usage.meterStartWh();
        for (Map.Entry<Instant, Long> sample : byTime.entrySet()) {
            long clamped = Math.min(Math.max(sample.getValue(), running), usage.meterStopWh());
            adjusted |= clamped != sample.getValue();
            running = clamped;
            points.add(new EnergyPoint(sample.getKey(), clamped));
        }
        points.add(new EnergyPoint(usage.stoppedAt(), usage.meterStopWh()));
        return new MeterCurve(points, adjusted);
    }

    /**
     * The register at an instant between the first and last point, linearly interpolated, exact; at a
     * point's own instant, that point's register.
     */
    Fraction registerAt(Instant at) {
        int hi = firstIndexNotBefore(at);
        EnergyPoint right = points.get(hi);
        if (right.at().equals(at) || hi == 0) {
            return Fraction.of(right.registerWh());
        }
        EnergyPoint left = points.get(hi - 1);
        long span = Duration.between(left.at(), right.at()).toNanos();
        long elapsed = Duration.between(left.at(), at).toNanos();
        BigInteger rise = BigInteger.valueOf(right.registerWh() - left.registerWh());
        BigInteger spanNanos = BigInteger.valueOf(span);
        BigInteger numerator = BigInteger.valueOf(left.registerWh()).multiply(spanNanos)
                .add(rise.multiply(BigInteger.valueOf(elapsed)));
        return new Fraction(numerator, spanNanos);
    }

    private int firstIndexNotBefore(Instant at) {
        int lo = 0;
        int hi = points.size() - 1;
        if (at.isAfter(points.get(hi).at()) || at.isBefore(points.get(0).at())) {
            throw new IllegalArgumentException(at + " is outside the session");
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).at().isBefore(at)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
