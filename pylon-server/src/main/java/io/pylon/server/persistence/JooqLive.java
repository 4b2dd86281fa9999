package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.tenant.TenantScope;
import io.pylon.domain.session.MeterSample;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads for the live feed and the dashboard: running sessions with their latest readings, recent energy, owners. */
@Repository
public class JooqLive {

    /** A running session and what its latest readings say; null readings when the charger sent none recently. */
    public record RunningSession(long id, String chargerId, int connectorId, Long operatorId, Long stationId, String idTag,
                                 Instant startedAt, long meterStartWh, Long energyWh, BigDecimal powerKw, BigDecimal socPercent,
                                 Instant lastReadingAt) {}

    /** A charger's operator and station (null when not assigned). */
    public record Owner(Long operatorId, Long stationId) {}

    /** Energy of an order that stopped, for the energy trend. */
    public record Stopped(Instant stoppedAt, long energyWh) {}

    private static final Table<Record> ORDER = DSL.table(DSL.name("charging_order"));
    private static final Field<String> STATE = str("state");
    private static final Field<Instant> STARTED = time("started_at");
    private static final Field<Instant> STOPPED = time("stopped_at");
    private static final Field<Long> METER_START = bigint("meter_start_wh");
    private static final Field<Long> ENERGY = bigint("energy_wh");
    private static final Field<Integer> SESSION_ID = integer("session_id");
    private static final Field<Instant> SAMPLED = time("sampled_at");
    private static final Table<Record> METER_READING = DSL.table(DSL.name("meter_reading"));
    private static final Field<String> SAMPLES = str("samples");
    private static final String ENERGY_REGISTER = "Energy.Active.Import.Register";
    private static final String POWER = "Power.Active.Import";
    private static final String SOC = "SoC";
    private static final java.util.Set<String> READ = java.util.Set.of(ENERGY_REGISTER, POWER, SOC);

    private final DSLContext db;

    public JooqLive(DSLContext db) {
        this.db = db;
    }

    public Optional<Owner> owner(String chargerId) {
        return db.select(OPERATOR_ID, STATION_ID).from(CHARGER).where(ID.eq(chargerId)).fetchOptional(r -> new Owner(r.value1(), r.value2()));
    }

    /** The operator that owns a station, if the station exists. */
    public Optional<Long> stationOperator(long stationId) {
        return db.select(OPERATOR_ID).from(STATION).where(LONG_ID.eq(stationId)).fetchOptional(r -> r.value1());
    }

    /** Ids of the sessions running at a connector (connector 0: at any connector of the charger). */
    public List<Long> activeSessionIds(String chargerId, int connectorId) {
        Condition where = CHARGER_ID.eq(chargerId).and(STATE.eq("ACTIVE"));
        if (connectorId > 0) where = where.and(CONNECTOR_ID.eq(connectorId));
        return db.select(LONG_ID).from(SESSION).where(where).fetch(r -> r.value1());
    }

    public long countRunning(TenantScope scope) {
        return db.fetchCount(SESSION, STATE.eq("ACTIVE").and(scoped(scope, OPERATOR_ID, STATION_ID)));
    }

    /**
     * The newest {@code limit} running sessions in scope with energy, power and state of charge from the readings of
     * the last {@code window} (older readings are not read, so a large fleet costs one bounded query).
     */
    public List<RunningSession> running(TenantScope scope, int limit, Instant readingsSince) {
        var sessions = db.select(INT_ID, CHARGER_ID, CONNECTOR_ID, OPERATOR_ID, STATION_ID, ID_TAG, STARTED, METER_START)
                .from(SESSION).where(STATE.eq("ACTIVE")).and(scoped(scope, OPERATOR_ID, STATION_ID))
                .orderBy(STARTED.desc()).limit(limit).fetch();
        if (sessions.isEmpty()) return List.of();
        Map<Integer, Map<String, MeterSample>> latest = new HashMap<>();
        db.select(SESSION_ID, SAMPLED, SAMPLES).from(METER_READING)
                .where(SESSION_ID.in(sessions.map(r -> r.value1()))).and(SAMPLED.ge(readingsSince))
                .forEach(r -> {
                    for (MeterSample sample : MeterSampleCodec.decode(r.get(SAMPLED), r.get(SAMPLES))) {
                        if (READ.contains(sample.measurand()) && (sample.phase() == null || sample.phase().isEmpty())
                                && sample.numeric() != null) {
                            latest.computeIfAbsent(r.get(SESSION_ID), k -> new HashMap<>()).merge(sample.measurand(), sample,
                                    (a, b) -> a.timestamp().isAfter(b.timestamp()) ? a : b);
                        }
                    }
                });
        return sessions.map(s -> {
            Map<String, MeterSample> readings = latest.getOrDefault(s.value1(), Map.of());
            MeterSample register = readings.get(ENERGY_REGISTER);
            Long energy = register == null ? null
                    : Math.max(0, wh(register.numeric(), register.unit()) - s.value8());
            MeterSample power = readings.get(POWER);
            BigDecimal kw = power == null ? null
                    : ("kW".equals(power.unit()) ? power.numeric() : power.numeric().movePointLeft(3)).setScale(3, java.math.RoundingMode.HALF_UP);
            MeterSample soc = readings.get(SOC);
            Instant last = readings.values().stream().map(MeterSample::timestamp).max(Instant::compareTo).orElse(null);
            return new RunningSession(s.value1(), s.value2(), s.value3(), s.value4(), s.value5(), s.value6(), s.value7(),
                    s.value8(), energy, kw, soc == null ? null : soc.numeric().stripTrailingZeros(), last);
        });
    }

    private static long wh(BigDecimal value, String unit) {
        return ("kWh".equals(unit) ? value.movePointRight(3) : value).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** Orders in scope that stopped at or after {@code since}, with their energy (at most {@code limit}, newest first). */
    public List<Stopped> stoppedSince(TenantScope scope, Instant since, int limit) {
        return db.select(STOPPED, ENERGY).from(ORDER).where(scoped(scope, OPERATOR_ID, STATION_ID)).and(STOPPED.ge(since))
                .and(ENERGY.isNotNull()).orderBy(STOPPED.desc()).limit(limit).fetch(r -> new Stopped(r.value1(), r.value2()));
    }

    /** A connector (id > 0) now, with its code and plug when the operator described it. */
    public record ConnectorNow(String chargerId, int connectorId, String status, String errorCode, Instant since, boolean online,
                               String code, String standard, BigDecimal maxPowerKw) {}

    private static final Table<Record> SPEC = DSL.table(DSL.name("connector_spec"));

    /** The connectors of the given chargers in scope (at most 500 chargers a call), by charger then connector. */
    public List<ConnectorNow> connectors(TenantScope scope, java.util.Collection<String> chargerIds) {
        if (chargerIds.isEmpty()) return List.of();
        return connectorsWhere(scoped(scope, col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID))
                .and(col(CONNECTOR, CHARGER_ID).in(chargerIds)));
    }

    /** The connectors of a station's chargers in scope. */
    public List<ConnectorNow> stationConnectors(TenantScope scope, long stationId) {
        return connectorsWhere(scoped(scope, col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID))
                .and(col(CHARGER, STATION_ID).eq(stationId)));
    }

    private List<ConnectorNow> connectorsWhere(org.jooq.Condition where) {
        return db.select(col(CONNECTOR, CHARGER_ID), col(CONNECTOR, CONNECTOR_ID), col(CONNECTOR, STATUS), col(CONNECTOR, str("error_code")),
                        col(CONNECTOR, time("status_at")), col(CHARGER, bool("online")), col(SPEC, str("code")), col(SPEC, str("standard")),
                        col(SPEC, decimal("max_power_kw")))
                .from(CONNECTOR).join(CHARGER).on(col(CHARGER, ID).eq(col(CONNECTOR, CHARGER_ID)))
                .leftJoin(SPEC).on(col(SPEC, CHARGER_ID).eq(col(CONNECTOR, CHARGER_ID)).and(col(SPEC, CONNECTOR_ID).eq(col(CONNECTOR, CONNECTOR_ID))))
                .where(where).and(col(CONNECTOR, CONNECTOR_ID).gt(0))
                .orderBy(col(CONNECTOR, CHARGER_ID), col(CONNECTOR, CONNECTOR_ID))
                .fetch(r -> new ConnectorNow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Boolean.TRUE.equals(r.value6()),
                        r.value7(), r.value8(), r.value9() == null ? null : r.value9().stripTrailingZeros()));
    }

    /** Names of stations by id. */
    public Map<Long, String> stationNames(java.util.Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) return names;
        db.select(LONG_ID, NAME).from(STATION).where(LONG_ID.in(ids)).forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }
}
