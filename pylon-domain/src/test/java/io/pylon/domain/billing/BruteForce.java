package io.pylon.domain.billing;

import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.TariffTerms;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent reference for the band split: cleans the samples as documented on {@link MeterCurve},
 * then integrates minute by minute (epoch-aligned minutes; every zone used has offsets in whole minutes,
 * so no minute straddles a band boundary), with doubles and its own interpolation.
 */
final class BruteForce {

    private BruteForce() {
    }

    static List<EnergyPoint> cleaned(SessionUsage usage) {
        TreeMap<Instant, Long> byTime = new TreeMap<>();
        usage.samples().stream()
                .filter(p -> p.at().isAfter(usage.startedAt()) && p.at().isBefore(usage.stoppedAt()))
                .forEach(p -> byTime.merge(p.at(), p.registerWh(), Math::max));
        List<EnergyPoint> points = new ArrayList<>(List.of(new EnergyPoint(usage.startedAt(), usage.meterStartWh())));
        long previous = usage.meterStartWh();
        for (var entry : byTime.entrySet()) {
            previous = Math.max(previous, Math.min(entry.getValue(), usage.meterStopWh()));
            points.add(new EnergyPoint(entry.getKey(), previous));
        }
        points.add(new EnergyPoint(usage.stoppedAt(), usage.meterStopWh()));
        return points;
    }

    static Map<Band, Double> energyByBand(TariffTerms terms, ZoneId zone, HolidayCalendar calendar,
                                          SessionUsage usage) {
        List<EnergyPoint> points = cleaned(usage);
        Map<Band, Double> energy = new EnumMap<>(Band.class);
        Instant from = usage.startedAt();
        while (from.isBefore(usage.stoppedAt())) {
            Instant to = from.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            to = to.isAfter(usage.stoppedAt()) ? usage.stoppedAt() : to;
            LocalDateTime local = LocalDateTime.ofInstant(from, zone);
            Band band = terms.scheduleFor(calendar.dayType(local.toLocalDate())).bandAt(local.toLocalTime());
            energy.merge(band, register(points, to) - register(points, from), Double::sum);
            from = to;
        }
        return energy;
    }

    private static double register(List<EnergyPoint> points, Instant at) {
        int lo = 1;
        int hi = points.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).at().isBefore(at)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        EnergyPoint left = points.get(lo - 1);
        EnergyPoint right = points.get(lo);
        double span = Duration.between(left.at(), right.at()).toNanos();
        double part = span == 0 ? 1 : Duration.between(left.at(), at).toNanos() / span;
        return left.registerWh() + (right.registerWh() - left.registerWh()) * part;
    }
}
