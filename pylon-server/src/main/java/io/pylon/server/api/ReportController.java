package io.pylon.server.api;

import io.pylon.server.persistence.DailyRollups;
import io.pylon.server.persistence.JooqFleetStats;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
     * {@code stationId} is null when grouped by operator. See {@link UsageReport} for utilisation, averages and faults.
     */
    public record Row(LocalDate period, long operatorId, Long stationId, String currency, long sessions, long energyWh,
                      long sharpWh, long peakWh, long flatWh, long valleyWh, BigDecimal electricityRevenue,
                      BigDecimal serviceRevenue, BigDecimal idleFees, BigDecimal sessionFees, BigDecimal discounts,
                      BigDecimal refunds, BigDecimal netRevenue, long averageSessionWh, long averageSessionMinutes,
                      BigDecimal utilisationPct, long faults) {}

    private final DailyRollups rollups;
    private final JooqFleetStats stats;
    private final JooqOperators operators;
    private final Callers callers;

    public ReportController(DailyRollups rollups, JooqFleetStats stats, JooqOperators operators, Callers callers) {
        this.rollups = rollups;
        this.stats = stats;
        this.operators = operators;
        this.callers = callers;
    }

    @Operation(summary = "Energy, revenue, sessions, utilisation and faults per station or operator, per day or month",
            description = "from/to are station-local dates, inclusive, at most 3 years apart. A row per period with "
                    + "sessions or faults. Utilisation = charging time / (connectors x days of the period within "
                    + "[from, to] x 24 h). format=csv answers text/csv.")
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
        var connectors = stats.connectorsPerStation(scope);
        if (stationId != null) connectors.keySet().retainAll(java.util.Set.of(stationId));
        Map<Long, String> currencies = new java.util.HashMap<>();
        List<Row> rows = UsageReport.rows(rollups.totals(scope, stationId, from, to, period == Period.MONTH, groupBy == GroupBy.STATION),
                rollups.faults(scope, stationId, from, to, period == Period.MONTH, groupBy == GroupBy.STATION), connectors, period, groupBy, from, to,
                op -> currencies.computeIfAbsent(op, id -> operators.find(id).orElseThrow().currency().getCurrencyCode()));
        if (format.equals("json")) return ResponseEntity.ok(rows);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"usage-" + from + "-" + to + ".csv\"")
                .body(Csv.of(rows));
    }

    @Operation(summary = "Connectors now: available, charging, faulted, unavailable, on offline chargers; in total and per station")
    @GetMapping("/charger-status")
    public ChargerStatus chargerStatus(@RequestParam(required = false) Long stationId) {
        var status = stats.status(callers.scope(), stationId);
        var t = status.totals();
        return new ChargerStatus(t.available(), t.charging(), t.faulted(), t.unavailable(), t.offline(), t.total(),
                status.stations());
    }

    /** Totals over the caller's scope, and the same counts per station (chargers not placed: stationId null). */
    public record ChargerStatus(long available, long charging, long faulted, long unavailable, long offline, long total,
                                List<JooqFleetStats.StationStatus> stations) {}

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
