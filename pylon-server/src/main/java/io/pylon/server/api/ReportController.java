package io.pylon.server.api;

import io.pylon.server.persistence.DailyRollups;
import io.pylon.server.persistence.DailyRollups.Day;
import io.pylon.server.persistence.JooqFleetStats;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Reports", description = "Energy by band, revenue, sessions, utilisation and faults per station, operator, day or month")
@Validated
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize("hasAuthority('PERM_REPORTS_READ')")
public class ReportController {

    public enum Period { DAY, MONTH }

    public enum GroupBy { STATION, OPERATOR }

    /**
     * One row of a report. {@code period} is the station-local date (DAY) or its first day (MONTH);
     * {@code stationId} is null when grouped by operator. Utilisation = charging time / (connectors × period).
     */
    public record Row(LocalDate period, long operatorId, Long stationId, String currency, long sessions, long energyWh,
                      long sharpWh, long peakWh, long flatWh, long valleyWh, BigDecimal electricityRevenue,
                      BigDecimal serviceRevenue, BigDecimal idleFees, BigDecimal sessionFees, BigDecimal discounts,
                      BigDecimal refunds, BigDecimal netRevenue, long averageSessionWh, long averageSessionMinutes,
                      BigDecimal utilisationPct, long faults) {}

    private final DailyRollups rollups;
    private final JooqFleetStats stats;
    private final Callers callers;

    public ReportController(DailyRollups rollups, JooqFleetStats stats, Callers callers) {
        this.rollups = rollups;
        this.stats = stats;
        this.callers = callers;
    }

    @Operation(summary = "Energy, revenue, sessions and utilisation per station or operator, per day or month",
            description = "from/to are station-local dates, inclusive, at most 3 years apart. format=csv answers text/csv.")
    @GetMapping("/usage")
    public ResponseEntity<?> usage(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                   @RequestParam(defaultValue = "DAY") Period period,
                                   @RequestParam(defaultValue = "STATION") GroupBy groupBy,
                                   @RequestParam(required = false) Long stationId,
                                   @RequestParam(defaultValue = "json") String format) {
        if (to.isBefore(from)) throw new IllegalArgumentException("to: must not be before from");
        if (ChronoUnit.DAYS.between(from, to) > 3 * 366) throw new IllegalArgumentException("to: at most 3 years after from");
        if (!format.equals("json") && !format.equals("csv")) throw new IllegalArgumentException("format: json or csv");
        var scope = callers.scope();
        List<Row> rows = rows(rollups.days(scope, stationId, from, to), period, groupBy, stats.connectorsPerStation(scope),
                stats.faultsPerStation(scope, from.atStartOfDay().toInstant(ZoneOffset.UTC), to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        if (format.equals("json")) return ResponseEntity.ok(rows);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"usage-" + from + "-" + to + ".csv\"")
                .body(Csv.of(rows));
    }

    @Operation(summary = "Connectors now: available, charging, faulted, unavailable, on offline chargers")
    @GetMapping("/charger-status")
    public JooqFleetStats.StatusCounts chargerStatus(@RequestParam(required = false) Long stationId) {
        return stats.statusCounts(callers.scope(), stationId);
    }

    static List<Row> rows(List<Day> days, Period period, GroupBy groupBy, Map<Long, Long> connectors, Map<Long, Long> faults) {
        record Key(LocalDate period, long operatorId, Long stationId) {}
        Map<Key, List<Day>> groups = new TreeMap<>(java.util.Comparator.comparing(Key::period)
                .thenComparing(Key::operatorId).thenComparing(k -> k.stationId() == null ? -1 : k.stationId()));
        for (Day d : days) {
            LocalDate p = period == Period.DAY ? d.day() : d.day().withDayOfMonth(1);
            groups.computeIfAbsent(new Key(p, d.operatorId(), groupBy == GroupBy.STATION ? d.stationId() : null),
                    k -> new ArrayList<>()).add(d);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, group) -> rows.add(row(key.period(), key.operatorId(), key.stationId(), group, period, connectors, faults)));
        return rows;
    }

    private static Row row(LocalDate p, long operatorId, Long stationId, List<Day> group, Period period,
                           Map<Long, Long> connectors, Map<Long, Long> faults) {
        long sessions = 0, energy = 0, sharp = 0, peak = 0, flat = 0, valley = 0, seconds = 0;
        BigDecimal e = BigDecimal.ZERO, s = BigDecimal.ZERO, idle = BigDecimal.ZERO, fee = BigDecimal.ZERO,
                discount = BigDecimal.ZERO, refunded = BigDecimal.ZERO;
        java.util.Set<Long> stations = new java.util.HashSet<>();
        for (Day d : group) {
            sessions += d.sessions(); energy += d.energyWh(); sharp += d.sharpWh(); peak += d.peakWh(); flat += d.flatWh();
            valley += d.valleyWh(); seconds += d.chargingSeconds(); e = e.add(d.electricity()); s = s.add(d.service());
            idle = idle.add(d.idleFee()); fee = fee.add(d.sessionFee()); discount = discount.add(d.discount());
            refunded = refunded.add(d.refunded()); stations.add(d.stationId());
        }
        long days = period == Period.DAY ? 1 : p.lengthOfMonth();
        long guns = stations.stream().mapToLong(id -> connectors.getOrDefault(id, 0L)).sum();
        BigDecimal utilisation = guns == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(seconds * 100)
                .divide(BigDecimal.valueOf(guns * days * 86_400), 2, RoundingMode.HALF_UP);
        long stationFaults = stations.stream().mapToLong(id -> faults.getOrDefault(id, 0L)).sum();
        BigDecimal net = e.add(s).add(idle).add(fee).subtract(discount).subtract(refunded);
        return new Row(p, operatorId, stationId, group.getFirst().currency(), sessions, energy, sharp, peak, flat, valley,
                e, s, idle, fee, discount, refunded, net, sessions == 0 ? 0 : energy / sessions,
                sessions == 0 ? 0 : seconds / 60 / sessions, utilisation, stationFaults);
    }

    /** CSV with a header row; numbers as plain decimals, text never needs quoting here. */
    static final class Csv {
        static String of(List<Row> rows) {
            StringBuilder out = new StringBuilder("period,operator_id,station_id,currency,sessions,energy_wh,sharp_wh,peak_wh,"
                    + "flat_wh,valley_wh,electricity_revenue,service_revenue,idle_fees,session_fees,discounts,refunds,"
                    + "net_revenue,average_session_wh,average_session_minutes,utilisation_pct,faults\n");
            for (Row r : rows) {
                out.append(String.join(",", List.of(String.valueOf(r.period()), String.valueOf(r.operatorId()),
                        r.stationId() == null ? "" : String.valueOf(r.stationId()), r.currency(), String.valueOf(r.sessions()),
                        String.valueOf(r.energyWh()), String.valueOf(r.sharpWh()), String.valueOf(r.peakWh()),
                        String.valueOf(r.flatWh()), String.valueOf(r.valleyWh()), r.electricityRevenue().toPlainString(),
                        r.serviceRevenue().toPlainString(), r.idleFees().toPlainString(), r.sessionFees().toPlainString(),
                        r.discounts().toPlainString(), r.refunds().toPlainString(), r.netRevenue().toPlainString(),
                        String.valueOf(r.averageSessionWh()), String.valueOf(r.averageSessionMinutes()),
                        r.utilisationPct().toPlainString(), String.valueOf(r.faults())))).append('\n');
            }
            return out.toString();
        }
    }
}
