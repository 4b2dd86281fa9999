package io.pylon.server.live;

import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.DailyRollups;
import io.pylon.server.persistence.JooqAlarms;
import io.pylon.server.persistence.JooqFleetStats;
import io.pylon.server.persistence.JooqLive;
import io.pylon.server.persistence.JooqOperators;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Computes {@link Dashboard} for a scope from the rollups, the live connector states, sessions and alarms. */
@Component
public class DashboardQuery {

    /** Most stopped orders read for the 24-hour trend; a busier day shows the newest ones. */
    static final int MAX_TREND_ORDERS = 200_000;
    static final int TOP_STATIONS = 5;

    private final DailyRollups rollups;
    private final JooqFleetStats fleet;
    private final JooqLive live;
    private final JooqAlarms alarms;
    private final JooqOperators operators;
    private final Clock clock;

    public DashboardQuery(DailyRollups rollups, JooqFleetStats fleet, JooqLive live, JooqAlarms alarms, JooqOperators operators,
                          Clock clock) {
        this.rollups = rollups;
        this.fleet = fleet;
        this.live = live;
        this.alarms = alarms;
        this.operators = operators;
        this.clock = clock;
    }

    public Dashboard of(TenantScope scope, boolean withRevenue) {
        Instant now = clock.instant();
        ZoneId zone = scope.isPlatform() ? ZoneOffset.UTC
                : operators.find(scope.operatorId()).map(o -> o.timeZone()).orElse(ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate monthStart = today.withDayOfMonth(1);
        var day = figures(rollups.totals(scope, null, today, today, false, false), withRevenue);
        var month = figures(rollups.totals(scope, null, monthStart, today, true, false), withRevenue);
        var t = fleet.status(scope, null).totals();
        var connectors = new Dashboard.ConnectorCounts(t.available(), t.charging(), t.faulted(), t.unavailable(), t.offline(), t.total());
        return new Dashboard(now, zone.getId(), today, day, month, connectors, live.countRunning(scope),
                alarms.countUncleared(scope), trend(scope, now), top(scope, monthStart, today));
    }

    private static Dashboard.DayFigures figures(List<DailyRollups.Day> days, boolean withRevenue) {
        long sessions = 0;
        long energy = 0;
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (var d : days) {
            sessions += d.sessions();
            energy += d.energyWh();
            BigDecimal net = d.electricity().add(d.service()).add(d.idleFee()).add(d.sessionFee()).subtract(d.discount())
                    .subtract(d.refunded());
            revenue.merge(d.currency(), net, BigDecimal::add);
        }
        List<Dashboard.Revenue> amounts = withRevenue ? revenue.entrySet().stream()
                .map(e -> new Dashboard.Revenue(e.getKey(), e.getValue().setScale(2, java.math.RoundingMode.HALF_UP))).toList() : null;
        return new Dashboard.DayFigures(sessions, energy, amounts);
    }

    /** 24 hourly buckets ending with the current hour. */
    private List<Dashboard.HourEnergy> trend(TenantScope scope, Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(23, ChronoUnit.HOURS);
        long[] wh = new long[24];
        for (var s : live.stoppedSince(scope, first, MAX_TREND_ORDERS)) {
            int i = (int) ChronoUnit.HOURS.between(first, s.stoppedAt().truncatedTo(ChronoUnit.HOURS));
            if (i >= 0 && i < 24) wh[i] += s.energyWh();
        }
        List<Dashboard.HourEnergy> out = new ArrayList<>(24);
        for (int i = 0; i < 24; i++) out.add(new Dashboard.HourEnergy(first.plus(i, ChronoUnit.HOURS), wh[i]));
        return out;
    }

    private List<Dashboard.StationFigures> top(TenantScope scope, LocalDate from, LocalDate to) {
        var rows = rollups.totals(scope, null, from, to, true, true).stream()
                .sorted(Comparator.comparingLong(DailyRollups.Day::energyWh).reversed()).limit(TOP_STATIONS).toList();
        var names = live.stationNames(rows.stream().map(DailyRollups.Day::stationId).toList());
        return rows.stream().map(r -> new Dashboard.StationFigures(r.stationId(), names.get(r.stationId()), r.sessions(), r.energyWh()))
                .toList();
    }
}
