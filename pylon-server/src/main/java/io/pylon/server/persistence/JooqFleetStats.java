package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.tenant.TenantScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Live and historic counts over chargers and connectors, for reports and dashboards. */
@Repository
public class JooqFleetStats {

    /** Connectors (guns) now: by live status, and how many stand on offline chargers. */
    public record StatusCounts(long available, long charging, long faulted, long unavailable, long offline, long total) {}

    /** One station's connectors now; {@code stationId} null for chargers not placed at a station. */
    public record StationStatus(Long stationId, String stationName, long available, long charging, long faulted,
                                long unavailable, long offline, long total) {}

    /** All connectors in scope, and the same per station (by station id, unplaced chargers last). */
    public record FleetStatus(StatusCounts totals, List<StationStatus> stations) {}

    /** A station's connector count and operator, for utilisation. */
    public record StationConnectors(long operatorId, long connectors) {}

    private final DSLContext db;

    public JooqFleetStats(DSLContext db) {
        this.db = db;
    }

    public FleetStatus status(TenantScope scope, Long stationId) {
        var where = scoped(scope, col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID)).and(col(CONNECTOR, CONNECTOR_ID).gt(0));
        if (stationId != null) where = where.and(col(CHARGER, STATION_ID).eq(stationId));
        Field<String> status = col(CONNECTOR, STATUS);
        Field<Boolean> online = col(CHARGER, bool("online"));
        Field<Long> station = col(CHARGER, STATION_ID);
        Field<String> name = col(STATION, NAME);
        Map<Long, long[]> perStation = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        Map<Long, String> names = new TreeMap<>();
        long[] all = new long[6];
        for (var r : db.select(station, name, status, online, DSL.count()).from(CONNECTOR).join(CHARGER)
                .on(col(CHARGER, ID).eq(col(CONNECTOR, CHARGER_ID))).leftJoin(STATION).on(col(STATION, LONG_ID).eq(station))
                .where(where).groupBy(station, name, status, online).fetch()) {
            long[] counts = perStation.computeIfAbsent(r.value1(), k -> new long[6]);
            if (r.value1() != null) names.put(r.value1(), r.value2());
            int slot = slot(r.value3(), Boolean.TRUE.equals(r.value4()));
            counts[slot] += r.value5();
            counts[5] += r.value5();
            all[slot] += r.value5();
            all[5] += r.value5();
        }
        List<StationStatus> stations = new ArrayList<>();
        perStation.forEach((id, c) -> stations.add(new StationStatus(id, id == null ? null : names.get(id), c[0], c[1], c[2],
                c[3], c[4], c[5])));
        return new FleetStatus(new StatusCounts(all[0], all[1], all[2], all[3], all[4], all[5]), stations);
    }

    /** 0 available, 1 charging (from preparing to finishing), 2 faulted, 3 unavailable or reserved, 4 charger offline. */
    private static int slot(String status, boolean online) {
        if (!online) return 4;
        return switch (status) {
            case "AVAILABLE" -> 0;
            case "CHARGING", "PREPARING", "SUSPENDED_EV", "SUSPENDED_EVSE", "FINISHING" -> 1;
            case "FAULTED" -> 2;
            default -> 3;
        };
    }

    /** Connectors (guns, id > 0) now, per station in scope. */
    public Map<Long, StationConnectors> connectorsPerStation(TenantScope scope) {
        Map<Long, StationConnectors> result = new TreeMap<>();
        db.select(col(CHARGER, STATION_ID), col(CHARGER, OPERATOR_ID), DSL.count()).from(CONNECTOR).join(CHARGER)
                .on(col(CHARGER, ID).eq(col(CONNECTOR, CHARGER_ID)))
                .where(scoped(scope, col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID))).and(col(CONNECTOR, CONNECTOR_ID).gt(0))
                .and(col(CHARGER, STATION_ID).isNotNull()).and(col(CHARGER, OPERATOR_ID).isNotNull())
                .groupBy(col(CHARGER, STATION_ID), col(CHARGER, OPERATOR_ID))
                .forEach(r -> result.put(r.value1(), new StationConnectors(r.value2(), r.value3())));
        return result;
    }
}
