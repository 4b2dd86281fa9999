package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Live and historic counts over chargers and connectors, for reports and dashboards. */
@Repository
public class JooqFleetStats {

    /** Connectors (guns) now: by live status, and how many stand on offline chargers. */
    public record StatusCounts(long available, long charging, long faulted, long unavailable, long offline, long total) {}

    private final DSLContext db;

    public JooqFleetStats(DSLContext db) {
        this.db = db;
    }

    public StatusCounts statusCounts(TenantScope scope, Long stationId) {
        var where = scoped(scope, col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID)).and(col(CONNECTOR, CONNECTOR_ID).gt(0));
        if (stationId != null) where = where.and(col(CHARGER, STATION_ID).eq(stationId));
        Field<String> status = col(CONNECTOR, STATUS);
        Field<Boolean> online = col(CHARGER, bool("online"));
        long available = 0, charging = 0, faulted = 0, unavailable = 0, offline = 0, total = 0;
        for (var r : db.select(status, online, DSL.count()).from(CONNECTOR).join(CHARGER)
                .on(col(CHARGER, ID).eq(col(CONNECTOR, CHARGER_ID))).where(where).groupBy(status, online).fetch()) {
            long n = r.value3();
            total += n;
            if (!Boolean.TRUE.equals(r.value2())) { offline += n; continue; }
            switch (r.value1()) {
                case "AVAILABLE" -> available += n;
                case "CHARGING", "PREPARING", "SUSPENDED_EV", "SUSPENDED_EVSE", "FINISHING" -> charging += n;
                case "FAULTED" -> faulted += n;
                default -> unavailable += n;
            }
        }
        return new StatusCounts(available, charging, faulted, unavailable, offline, total);
    }

    /** Connectors (guns, id > 0) per station in scope. */
    public Map<Long, Long> connectorsPerStation(TenantScope scope) {
        Map<Long, Long> result = new HashMap<>();
        db.select(col(CHARGER, STATION_ID), DSL.count()).from(CONNECTOR).join(CHARGER).on(col(CHARGER, ID).eq(col(CONNECTOR, CHARGER_ID)))
                .where(scoped(scope, col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID))).and(col(CONNECTOR, CONNECTOR_ID).gt(0))
                .and(col(CHARGER, STATION_ID).isNotNull()).groupBy(col(CHARGER, STATION_ID))
                .forEach(r -> result.put(r.value1(), (long) r.value2()));
        return result;
    }

    /** Faulted reports per station in [from, to). */
    public Map<Long, Long> faultsPerStation(TenantScope scope, Instant from, Instant to) {
        Map<Long, Long> result = new HashMap<>();
        db.select(col(CHARGER, STATION_ID), DSL.count()).from(STATUS_HISTORY).join(CHARGER)
                .on(col(CHARGER, ID).eq(col(STATUS_HISTORY, CHARGER_ID)))
                .where(scoped(scope, col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID)))
                .and(col(STATUS_HISTORY, STATUS).eq("FAULTED")).and(col(STATUS_HISTORY, time("status_at")).ge(from))
                .and(col(STATUS_HISTORY, time("status_at")).lt(to)).and(col(CHARGER, STATION_ID).isNotNull())
                .groupBy(col(CHARGER, STATION_ID)).forEach(r -> result.put(r.value1(), (long) r.value2()));
        return result;
    }
}
