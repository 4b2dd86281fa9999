package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.sensor.ProtectedConnector;
import io.pylon.domain.sensor.Sensor;
import io.pylon.domain.sensor.SensorKind;
import io.pylon.domain.sensor.SensorLevel;
import io.pylon.domain.sensor.SensorReading;
import io.pylon.domain.sensor.SensorState;
import io.pylon.domain.sensor.Thresholds;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Environment sensors (V20): the registry ({@code sensor}, {@code sensor_charger}), each sensor's latest state
 * ({@code sensor_state}, written only if nobody wrote it since it was read) and its raw readings ({@code sensor_reading},
 * one row per sensor and reading time, so a redelivered message is stored once).
 */
@Repository
public class JooqSensors {

    /** A stored reading with the time it arrived. */
    public record StoredReading(Instant ts, Instant receivedAt, Boolean water, BigDecimal temperature, BigDecimal humidity,
                                Boolean smoke, Integer battery) {}

    private static final Table<Record> SENSOR = DSL.table(DSL.name("sensor"));
    private static final Table<Record> SENSOR_CHARGER = DSL.table(DSL.name("sensor_charger"));
    private static final Table<Record> SENSOR_STATE = DSL.table(DSL.name("sensor_state"));
    private static final Table<Record> SENSOR_READING = DSL.table(DSL.name("sensor_reading"));
    private static final Field<String> KIND = str("kind");
    private static final Field<BigDecimal> TEMP_WARNING = decimal("temp_warning");
    private static final Field<BigDecimal> TEMP_CRITICAL = decimal("temp_critical");
    private static final Field<BigDecimal> TEMP_HYSTERESIS = decimal("temp_hysteresis");
    private static final Field<BigDecimal> HUM_WARNING = decimal("humidity_warning");
    private static final Field<BigDecimal> HUM_CRITICAL = decimal("humidity_critical");
    private static final Field<BigDecimal> HUM_HYSTERESIS = decimal("humidity_hysteresis");
    private static final Field<Integer> OFFLINE_TIMEOUT = integer("offline_timeout_s");
    private static final Field<String> SENSOR_ID = str("sensor_id");
    private static final Field<Long> VERSION = bigint("version");
    private static final Field<Instant> LAST_TS = time("last_ts");
    private static final Field<Instant> LAST_SEEN = time("last_seen_at");
    private static final Field<Instant> DEADLINE = time("offline_deadline");
    private static final Field<Boolean> WATER = bool("water");
    private static final Field<Boolean> SMOKE = bool("smoke");
    private static final Field<BigDecimal> TEMPERATURE = decimal("temperature");
    private static final Field<BigDecimal> HUMIDITY = decimal("humidity");
    private static final Field<Integer> BATTERY = integer("battery");
    private static final Field<String> TEMP_LEVEL = str("temperature_level");
    private static final Field<String> HUM_LEVEL = str("humidity_level");
    private static final Field<Boolean> OFFLINE = bool("offline");
    private static final Field<String> LINK = str("link");
    private static final Field<Instant> TS = time("ts");
    private static final Field<Instant> RECEIVED = time("received_at");

    private static final List<Field<?>> SENSOR_FIELDS = List.of(ID, OPERATOR_ID, STATION_ID, KIND, NAME, TEMP_WARNING, TEMP_CRITICAL,
            TEMP_HYSTERESIS, HUM_WARNING, HUM_CRITICAL, HUM_HYSTERESIS, OFFLINE_TIMEOUT, CREATED_AT, UPDATED_AT);
    private static final List<Field<?>> STATE_FIELDS = List.of(SENSOR_ID, VERSION, LAST_TS, LAST_SEEN, DEADLINE, WATER, SMOKE,
            TEMPERATURE, HUMIDITY, BATTERY, TEMP_LEVEL, HUM_LEVEL, OFFLINE, LINK);

    private final DSLContext db;
    private final TransactionTemplate transactions;

    public JooqSensors(DSLContext db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    // ------------------------------------------------------------------ registry

    /** A sensor of any tenant (the MQTT adapter's lookup). */
    public Optional<Sensor> find(String id) {
        return find(TenantScope.platform(), id);
    }

    /** A sensor visible in {@code scope}; another tenant's is absent. */
    public Optional<Sensor> find(TenantScope scope, String id) {
        return db.select(SENSOR_FIELDS).from(SENSOR).where(ID.eq(id)).and(scoped(scope, OPERATOR_ID, STATION_ID))
                .fetchOptional(r -> sensor(r, protects(id)));
    }

    /** Whether the id is taken by any tenant's sensor (ids are the devices' MQTT ids, so they are global). */
    public boolean exists(String id) {
        return db.fetchExists(SENSOR, ID.eq(id));
    }

    /** Sensors in scope ordered by id; null filters match everything. */
    public Page<Sensor> list(TenantScope scope, Long stationId, SensorKind kind, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        if (kind != null) where = where.and(KIND.eq(kind.name()));
        long total = db.fetchCount(SENSOR, where);
        List<Record> rows = db.select(SENSOR_FIELDS).from(SENSOR).where(where).orderBy(ID).limit(page.size()).offset(page.offset())
                .fetch().map(r -> (Record) r);
        Map<String, List<ProtectedConnector>> protects = protects(rows.stream().map(r -> r.get(ID)).toList());
        return new Page<>(rows.stream().map(r -> sensor(r, protects.getOrDefault(r.get(ID), List.of()))).toList(),
                page.page(), page.size(), total);
    }

    /** Stores a new sensor with its protections and an initial state (offline if silent until {@code deadline}). */
    public void insert(Sensor s, Instant deadline) {
        transactions.executeWithoutResult(tx -> {
            db.insertInto(SENSOR).set(ID, s.id()).set(OPERATOR_ID, s.operatorId()).set(STATION_ID, s.stationId())
                    .set(configuration(s)).set(CREATED_AT, s.createdAt()).set(UPDATED_AT, s.updatedAt()).execute();
            insertProtects(s);
            SensorState initial = SensorState.initial(s.id(), deadline);
            db.insertInto(SENSOR_STATE).set(SENSOR_ID, s.id()).set(VERSION, 0L).set(stateValues(initial)).execute();
        });
    }

    /** Replaces a sensor's station, name, protections, limits and timeout. */
    public void update(Sensor s) {
        transactions.executeWithoutResult(tx -> {
            db.update(SENSOR).set(STATION_ID, s.stationId()).set(configuration(s)).set(UPDATED_AT, s.updatedAt())
                    .where(ID.eq(s.id())).execute();
            db.deleteFrom(SENSOR_CHARGER).where(SENSOR_ID.eq(s.id())).execute();
            insertProtects(s);
        });
    }

    /** Deletes a sensor with its state and readings; false if it did not exist. */
    public boolean delete(String id) {
        return db.deleteFrom(SENSOR).where(ID.eq(id)).execute() == 1;
    }

    /** The station of each of these chargers that exists (any tenant's: callers compare with the sensor's station). */
    public Map<String, Long> chargerStations(Collection<String> chargerIds) {
        Map<String, Long> stations = new HashMap<>();
        if (chargerIds.isEmpty()) return stations;
        db.select(ID, STATION_ID).from(CHARGER).where(ID.in(chargerIds)).forEach(r -> stations.put(r.value1(), r.value2()));
        return stations;
    }

    private void insertProtects(Sensor s) {
        for (ProtectedConnector p : s.protects()) {
            db.insertInto(SENSOR_CHARGER).set(SENSOR_ID, s.id()).set(CHARGER_ID, p.chargerId()).set(CONNECTOR_ID, p.connectorId()).execute();
        }
    }

    private List<ProtectedConnector> protects(String sensorId) {
        return protects(List.of(sensorId)).getOrDefault(sensorId, List.of());
    }

    private Map<String, List<ProtectedConnector>> protects(Collection<String> sensorIds) {
        Map<String, List<ProtectedConnector>> bySensor = new HashMap<>();
        if (sensorIds.isEmpty()) return bySensor;
        db.select(SENSOR_ID, CHARGER_ID, CONNECTOR_ID).from(SENSOR_CHARGER).where(SENSOR_ID.in(sensorIds))
                .orderBy(SENSOR_ID, CHARGER_ID, CONNECTOR_ID)
                .forEach(r -> bySensor.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new ProtectedConnector(r.value2(), r.value3())));
        return bySensor;
    }

    private static Map<Field<?>, Object> configuration(Sensor s) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(KIND, s.kind().name());
        values.put(NAME, s.name());
        values.put(TEMP_WARNING, s.temperature() == null ? null : s.temperature().warning());
        values.put(TEMP_CRITICAL, s.temperature() == null ? null : s.temperature().critical());
        values.put(TEMP_HYSTERESIS, s.temperature() == null ? null : s.temperature().hysteresis());
        values.put(HUM_WARNING, s.humidity() == null ? null : s.humidity().warning());
        values.put(HUM_CRITICAL, s.humidity() == null ? null : s.humidity().critical());
        values.put(HUM_HYSTERESIS, s.humidity() == null ? null : s.humidity().hysteresis());
        values.put(OFFLINE_TIMEOUT, (int) s.offlineTimeout().toSeconds());
        return values;
    }

    private static Sensor sensor(Record r, List<ProtectedConnector> protects) {
        return new Sensor(r.get(ID), r.get(OPERATOR_ID), r.get(STATION_ID), SensorKind.valueOf(r.get(KIND)), r.get(NAME), protects,
                thresholds(r.get(TEMP_WARNING), r.get(TEMP_CRITICAL), r.get(TEMP_HYSTERESIS)),
                thresholds(r.get(HUM_WARNING), r.get(HUM_CRITICAL), r.get(HUM_HYSTERESIS)),
                Duration.ofSeconds(r.get(OFFLINE_TIMEOUT)), r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    private static Thresholds thresholds(BigDecimal warning, BigDecimal critical, BigDecimal hysteresis) {
        return warning == null || critical == null ? null : new Thresholds(scaled(warning), scaled(critical), scaled(hysteresis));
    }

    // ------------------------------------------------------------------ state

    public Optional<SensorState> state(String sensorId) {
        return db.select(STATE_FIELDS).from(SENSOR_STATE).where(SENSOR_ID.eq(sensorId)).fetchOptional(JooqSensors::state);
    }

    /** The states of these sensors, by sensor id. */
    public Map<String, SensorState> states(Collection<String> sensorIds) {
        Map<String, SensorState> states = new HashMap<>();
        if (sensorIds.isEmpty()) return states;
        db.select(STATE_FIELDS).from(SENSOR_STATE).where(SENSOR_ID.in(sensorIds)).forEach(r -> states.put(r.get(SENSOR_ID), state(r)));
        return states;
    }

    /**
     * Writes {@code next} if the stored state is still at {@code next.version()}; the stored version then goes one up.
     * False if another writer (another node, the offline watch) changed it meanwhile, or the sensor is gone.
     */
    public boolean saveState(SensorState next) {
        return db.update(SENSOR_STATE).set(stateValues(next)).set(VERSION, next.version() + 1)
                .where(SENSOR_ID.eq(next.sensorId())).and(VERSION.eq(next.version())).execute() == 1;
    }

    /** Sensors with no offline alarm whose deadline passed before {@code now}, oldest deadline first. */
    public List<String> silentSince(Instant now, int limit) {
        return db.select(SENSOR_ID).from(SENSOR_STATE).where(OFFLINE.isFalse()).and(DEADLINE.lt(now)).orderBy(DEADLINE)
                .limit(limit).fetch(r -> r.value1());
    }

    private static Map<Field<?>, Object> stateValues(SensorState s) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(LAST_TS, s.lastTs());
        values.put(LAST_SEEN, s.lastSeenAt());
        values.put(DEADLINE, s.offlineDeadline());
        values.put(WATER, s.water());
        values.put(SMOKE, s.smoke());
        values.put(TEMPERATURE, s.temperature());
        values.put(HUMIDITY, s.humidity());
        values.put(BATTERY, s.battery());
        values.put(TEMP_LEVEL, s.temperatureLevel().name());
        values.put(HUM_LEVEL, s.humidityLevel().name());
        values.put(OFFLINE, s.offline());
        values.put(LINK, s.link() == null ? null : s.link().name());
        return values;
    }

    private static SensorState state(Record r) {
        String link = r.get(LINK);
        return new SensorState(r.get(SENSOR_ID), r.get(VERSION), r.get(LAST_TS), r.get(LAST_SEEN), r.get(DEADLINE), r.get(WATER),
                r.get(SMOKE), scaled(r.get(TEMPERATURE)), scaled(r.get(HUMIDITY)), r.get(BATTERY), SensorLevel.valueOf(r.get(TEMP_LEVEL)),
                SensorLevel.valueOf(r.get(HUM_LEVEL)), Boolean.TRUE.equals(r.get(OFFLINE)), link == null ? null : SensorState.Link.valueOf(link));
    }

    // ------------------------------------------------------------------ readings

    /** Stores a reading; false if this sensor has one with the same time already (a redelivery). */
    public boolean insertReading(String sensorId, SensorReading r, Instant receivedAt) {
        if (db.fetchExists(SENSOR_READING, SENSOR_ID.eq(sensorId).and(TS.eq(r.ts())))) return false;
        try {
            return db.insertInto(SENSOR_READING).set(SENSOR_ID, sensorId).set(TS, r.ts()).set(RECEIVED, receivedAt).set(WATER, r.water())
                    .set(SMOKE, r.smoke()).set(TEMPERATURE, r.temperature()).set(HUMIDITY, r.humidity()).set(BATTERY, r.battery())
                    .execute() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Readings of a sensor by its own time, newest first, within [from, to) where given. */
    public List<StoredReading> readings(String sensorId, Instant from, Instant to, int limit) {
        Condition where = SENSOR_ID.eq(sensorId);
        if (from != null) where = where.and(TS.ge(from));
        if (to != null) where = where.and(TS.lt(to));
        return db.select(TS, RECEIVED, WATER, TEMPERATURE, HUMIDITY, SMOKE, BATTERY).from(SENSOR_READING).where(where)
                .orderBy(TS.desc()).limit(limit)
                .fetch(r -> new StoredReading(r.value1(), r.value2(), r.value3(), scaled(r.value4()), scaled(r.value5()), r.value6(), r.value7()));
    }

    /** Deletes up to {@code batch} readings older than {@code before}; answers how many went. */
    public int purgeReadings(Instant before, int batch) {
        List<Long> ids = db.select(LONG_ID).from(SENSOR_READING).where(TS.lt(before)).orderBy(TS).limit(batch).fetch(r -> r.value1());
        return ids.isEmpty() ? 0 : db.deleteFrom(SENSOR_READING).where(LONG_ID.in(ids)).execute();
    }

    /** Values as stored: two decimals. */
    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
