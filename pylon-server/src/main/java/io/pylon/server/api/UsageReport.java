package io.pylon.server.api;

import io.pylon.server.api.ReportController.GroupBy;
import io.pylon.server.api.ReportController.Period;
import io.pylon.server.api.ReportController.Row;
import io.pylon.server.persistence.DailyRollups.Day;
import io.pylon.server.persistence.DailyRollups.Fault;
import io.pylon.server.persistence.JooqFleetStats.StationConnectors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Turns period totals (already summed per period and station or operator) and fault counts into report rows.
 *
 * <ul>
 *   <li>Utilisation = charging time ÷ (connectors × the days of the period that lie within [from, to] × 24 h), in
 *       percent with 2 decimals; connectors are those of the station, or of all the operator's stations in scope
 *       (counted now: a connector added mid-year counts for the whole year). A session's time counts on the day it
 *       started.</li>
 *   <li>Averages per session are rounded half-up to whole Wh and whole minutes.</li>
 *   <li>Faults are the Faulted reports of the station(s) within the period (station-local dates, from
 *       report_fault_daily); a period with faults but no session still has a row.</li>
 * </ul>
 */
final class UsageReport {

    private record Key(LocalDate period, long operatorId, Long stationId) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::period).thenComparing(Key::operatorId)
            .thenComparing(k -> k.stationId() == null ? -1 : k.stationId());

    private UsageReport() {}

    static List<Row> rows(List<Day> totals, List<Fault> faults, Map<Long, StationConnectors> connectors, Period period,
                          GroupBy groupBy, LocalDate from, LocalDate to, LongFunction<String> currencyOf) {
        boolean perStation = groupBy == GroupBy.STATION;
        Map<Key, Day> days = new TreeMap<>(ORDER);
        for (Day d : totals) days.put(new Key(d.day(), d.operatorId(), perStation ? d.stationId() : null), d);
        Map<Key, Long> faultCounts = new TreeMap<>(ORDER);
        for (Fault f : faults) {
            LocalDate p = period == Period.DAY ? f.day() : f.day().withDayOfMonth(1);
            faultCounts.merge(new Key(p, f.operatorId(), perStation ? f.stationId() : null), f.faults(), Long::sum);
        }
        faultCounts.keySet().forEach(k -> days.computeIfAbsent(k, key -> empty(key, currencyOf.apply(key.operatorId()))));
        List<Row> rows = new ArrayList<>(days.size());
        days.forEach((key, d) -> {
            long guns = perStation ? connectors.getOrDefault(key.stationId(), new StationConnectors(key.operatorId(), 0)).connectors()
                    : connectors.values().stream().filter(c -> c.operatorId() == key.operatorId()).mapToLong(StationConnectors::connectors).sum();
            rows.add(row(key, d, daysCovered(key.period(), period, from, to), guns, faultCounts.getOrDefault(key, 0L)));
        });
        return rows;
    }

    /** The days of the period that lie within [from, to]. */
    static long daysCovered(LocalDate start, Period period, LocalDate from, LocalDate to) {
        LocalDate end = period == Period.DAY ? start : start.withDayOfMonth(start.lengthOfMonth());
        LocalDate first = start.isBefore(from) ? from : start;
        LocalDate last = end.isAfter(to) ? to : end;
        return Math.max(0, ChronoUnit.DAYS.between(first, last) + 1);
    }

    private static Row row(Key key, Day d, long days, long guns, long faults) {
        BigDecimal net = d.electricity().add(d.service()).add(d.idleFee()).add(d.sessionFee()).subtract(d.discount())
                .subtract(d.refunded());
        BigDecimal utilisation = guns == 0 || days == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(d.chargingSeconds() * 100).divide(BigDecimal.valueOf(guns * days * 86_400), 2, RoundingMode.HALF_UP);
        return new Row(key.period(), key.operatorId(), key.stationId(), d.currency(), d.sessions(), d.energyWh(), d.sharpWh(),
                d.peakWh(), d.flatWh(), d.valleyWh(), d.electricity(), d.service(), d.idleFee(), d.sessionFee(), d.discount(),
                d.refunded(), net, average(d.energyWh(), d.sessions()), average(d.chargingSeconds(), 60 * d.sessions()),
                utilisation, faults);
    }

    /** total ÷ count rounded half-up; 0 without a count. */
    static long average(long total, long count) {
        return count == 0 ? 0 : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Day empty(Key key, String currency) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new Day(key.operatorId(), key.stationId() == null ? 0 : key.stationId(), key.period(), currency, 0, 0, 0, 0, 0, 0,
                zero, zero, zero, zero, zero, zero, 0);
    }
}
