package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.domain.thermal.Area;
import io.pylon.domain.thermal.Thresholds;
import java.time.Instant;
import java.util.Collection;
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
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thermal-safety registry (V18): cameras, the bays they watch (with explicit neighbours) and the zones of each bay
 * with their thresholds (JSON). Cameras and bays carry operator and station, so every read in a {@link TenantScope} sees
 * only its stations'.
 */
@Repository
public class JooqThermal {

    /** A thermal camera; {@code width}/{@code height} null when frames of any size are accepted. */
    public record Camera(String id, long operatorId, long stationId, String name, Integer width, Integer height, String keyHash,
                         Instant createdAt, Instant updatedAt) {}

    /** A charging bay; {@code neighbours} are the bays named by hand (those on either side of its row come on top). */
    public record Bay(long id, long operatorId, long stationId, String name, String cameraId, Area area, String chargerId,
                      int connectorId, String row, Integer position, String vehicleType, List<Long> neighbours,
                      Instant createdAt, Instant updatedAt) {}

    /** Where a battery sits in a bay, with its thresholds and their overrides per vehicle type. */
    public record Zone(long id, long bayId, String name, Area area, Thresholds thresholds, Map<String, Thresholds.Patch> overrides,
                       Instant createdAt, Instant updatedAt) {}

    private static final Table<Record> CAMERA = DSL.table(DSL.name("thermal_camera"));
    private static final Table<Record> BAY = DSL.table(DSL.name("thermal_bay"));
    private static final Table<Record> NEIGHBOUR = DSL.table(DSL.name("thermal_bay_neighbour"));
    private static final Table<Record> ZONE = DSL.table(DSL.name("thermal_zone"));
    private static final Field<Integer> WIDTH = integer("width");
    private static final Field<Integer> HEIGHT = integer("height");
    private static final Field<String> KEY_HASH = str("key_hash");
    private static final Field<String> CAMERA_ID = str("camera_id");
    private static final Field<Integer> AREA_X = integer("area_x");
    private static final Field<Integer> AREA_Y = integer("area_y");
    private static final Field<Integer> AREA_W = integer("area_width");
    private static final Field<Integer> AREA_H = integer("area_height");
    private static final Field<String> ROW = str("row_name");
    private static final Field<Integer> POSITION = integer("position");
    private static final Field<String> VEHICLE_TYPE = str("vehicle_type");
    private static final Field<Long> BAY_ID = bigint("bay_id");
    private static final Field<Long> NEIGHBOUR_ID = bigint("neighbour_id");
    private static final Field<String> THRESHOLDS = str("thresholds");
    private static final Field<String> OVERRIDES = str("overrides");
    private static final List<Field<?>> CAMERA_FIELDS = List.of(ID, OPERATOR_ID, STATION_ID, NAME, WIDTH, HEIGHT, KEY_HASH, CREATED_AT, UPDATED_AT);
    private static final List<Field<?>> BAY_FIELDS = List.of(LONG_ID, OPERATOR_ID, STATION_ID, NAME, CAMERA_ID, AREA_X, AREA_Y, AREA_W,
            AREA_H, CHARGER_ID, CONNECTOR_ID, ROW, POSITION, VEHICLE_TYPE, CREATED_AT, UPDATED_AT);
    private static final List<Field<?>> ZONE_FIELDS = List.of(LONG_ID, BAY_ID, NAME, AREA_X, AREA_Y, AREA_W, AREA_H, THRESHOLDS, OVERRIDES,
            CREATED_AT, UPDATED_AT);
    private static final TypeReference<LinkedHashMap<String, Thresholds.Patch>> OVERRIDES_TYPE = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    public JooqThermal(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    // ------------------------------------------------------------------ cameras

    /** False if the id is taken (by any operator). */
    public boolean insertCamera(Camera c) {
        if (db.fetchExists(CAMERA, ID.eq(c.id()))) return false;
        try {
            db.insertInto(CAMERA).set(ID, c.id()).set(OPERATOR_ID, c.operatorId()).set(STATION_ID, c.stationId()).set(NAME, c.name())
                    .set(WIDTH, c.width()).set(HEIGHT, c.height()).set(KEY_HASH, c.keyHash()).set(CREATED_AT, c.createdAt())
                    .set(UPDATED_AT, c.updatedAt()).execute();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException | org.jooq.exception.IntegrityConstraintViolationException e) {
            return false;
        }
    }

    public void updateCamera(String id, String name, Integer width, Integer height, Instant at) {
        db.update(CAMERA).set(NAME, name).set(WIDTH, width).set(HEIGHT, height).set(UPDATED_AT, at).where(ID.eq(id)).execute();
    }

    public void setCameraKey(String id, String keyHash, Instant at) {
        db.update(CAMERA).set(KEY_HASH, keyHash).set(UPDATED_AT, at).where(ID.eq(id)).execute();
    }

    /** Deletes a camera that watches no bay; false if it still does. */
    public boolean deleteCameraIfUnused(String id) {
        return db.deleteFrom(CAMERA).where(ID.eq(id)).andNotExists(db.selectOne().from(BAY).where(CAMERA_ID.eq(id))).execute() == 1;
    }

    public Optional<Camera> camera(TenantScope scope, String id) {
        return db.select(CAMERA_FIELDS).from(CAMERA).where(ID.eq(id)).and(scoped(scope, OPERATOR_ID, STATION_ID))
                .fetchOptional(JooqThermal::camera);
    }

    public Page<Camera> cameras(TenantScope scope, Long stationId, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        long total = db.fetchCount(CAMERA, where);
        return new Page<>(db.select(CAMERA_FIELDS).from(CAMERA).where(where).orderBy(ID).limit(page.size()).offset(page.offset())
                .fetch(JooqThermal::camera), page.page(), page.size(), total);
    }

    // ------------------------------------------------------------------ bays

    /** Stores a bay and its neighbours; the new id. */
    @Transactional
    public long insertBay(Bay b, Instant at) {
        long id = db.insertInto(BAY).set(bayValues(b)).set(OPERATOR_ID, b.operatorId()).set(STATION_ID, b.stationId())
                .set(CREATED_AT, at).set(UPDATED_AT, at).returningResult(LONG_ID).fetchOne(r -> r.value1());
        setNeighbours(id, b.neighbours());
        return id;
    }

    @Transactional
    public void updateBay(Bay b, Instant at) {
        db.update(BAY).set(bayValues(b)).set(UPDATED_AT, at).where(LONG_ID.eq(b.id())).execute();
        setNeighbours(b.id(), b.neighbours());
    }

    public void setVehicleType(long bayId, String vehicleType, Instant at) {
        db.update(BAY).set(VEHICLE_TYPE, vehicleType).set(UPDATED_AT, at).where(LONG_ID.eq(bayId)).execute();
    }

    /** Deletes a bay with its zones and every neighbour link to or from it. */
    @Transactional
    public void deleteBay(long id) {
        db.deleteFrom(ZONE).where(BAY_ID.eq(id)).execute();
        db.deleteFrom(NEIGHBOUR).where(BAY_ID.eq(id).or(NEIGHBOUR_ID.eq(id))).execute();
        db.deleteFrom(BAY).where(LONG_ID.eq(id)).execute();
    }

    public Optional<Bay> bay(TenantScope scope, long id) {
        return withNeighbours(db.select(BAY_FIELDS).from(BAY).where(LONG_ID.eq(id)).and(scoped(scope, OPERATOR_ID, STATION_ID))
                .fetch(this::bay)).stream().findFirst();
    }

    public Page<Bay> bays(TenantScope scope, Long stationId, String cameraId, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        if (cameraId != null) where = where.and(CAMERA_ID.eq(cameraId));
        long total = db.fetchCount(BAY, where);
        return new Page<>(withNeighbours(db.select(BAY_FIELDS).from(BAY).where(where).orderBy(LONG_ID).limit(page.size())
                .offset(page.offset()).fetch(this::bay)), page.page(), page.size(), total);
    }

    /** Every bay of a station (neighbours are looked for among them). */
    public List<Bay> baysOfStation(long stationId) {
        return withNeighbours(db.select(BAY_FIELDS).from(BAY).where(STATION_ID.eq(stationId)).orderBy(LONG_ID).fetch(this::bay));
    }

    /** Every bay a camera watches. */
    public List<Bay> baysOfCamera(String cameraId) {
        return withNeighbours(db.select(BAY_FIELDS).from(BAY).where(CAMERA_ID.eq(cameraId)).orderBy(LONG_ID).fetch(this::bay));
    }

    /** The bay mapped to a connector, if any (one bay per connector). */
    public Optional<Long> bayAt(String chargerId, int connectorId) {
        return db.select(LONG_ID).from(BAY).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId)).fetchOptional(r -> r.value1());
    }

    private void setNeighbours(long bayId, List<Long> neighbours) {
        db.deleteFrom(NEIGHBOUR).where(BAY_ID.eq(bayId)).execute();
        for (Long n : neighbours.stream().distinct().toList()) {
            db.insertInto(NEIGHBOUR).set(BAY_ID, bayId).set(NEIGHBOUR_ID, n).execute();
        }
    }

    private List<Bay> withNeighbours(List<Bay> bays) {
        if (bays.isEmpty()) return bays;
        Map<Long, List<Long>> links = new LinkedHashMap<>();
        db.select(BAY_ID, NEIGHBOUR_ID).from(NEIGHBOUR).where(BAY_ID.in(bays.stream().map(Bay::id).toList())).orderBy(NEIGHBOUR_ID)
                .forEach(r -> links.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value2()));
        return bays.stream().map(b -> new Bay(b.id(), b.operatorId(), b.stationId(), b.name(), b.cameraId(), b.area(), b.chargerId(),
                b.connectorId(), b.row(), b.position(), b.vehicleType(), List.copyOf(links.getOrDefault(b.id(), List.of())),
                b.createdAt(), b.updatedAt())).toList();
    }

    private static Map<Field<?>, Object> bayValues(Bay b) {
        Map<Field<?>, Object> map = new LinkedHashMap<>();
        map.put(NAME, b.name());
        map.put(CAMERA_ID, b.cameraId());
        map.put(AREA_X, b.area().x());
        map.put(AREA_Y, b.area().y());
        map.put(AREA_W, b.area().width());
        map.put(AREA_H, b.area().height());
        map.put(CHARGER_ID, b.chargerId());
        map.put(CONNECTOR_ID, b.connectorId());
        map.put(ROW, b.row());
        map.put(POSITION, b.position());
        map.put(VEHICLE_TYPE, b.vehicleType());
        return map;
    }

    // ------------------------------------------------------------------ zones

    public long insertZone(Zone z, Instant at) {
        return db.insertInto(ZONE).set(zoneValues(z)).set(BAY_ID, z.bayId()).set(CREATED_AT, at).set(UPDATED_AT, at)
                .returningResult(LONG_ID).fetchOne(r -> r.value1());
    }

    public void updateZone(Zone z, Instant at) {
        db.update(ZONE).set(zoneValues(z)).set(UPDATED_AT, at).where(LONG_ID.eq(z.id())).execute();
    }

    public void deleteZone(long id) {
        db.deleteFrom(ZONE).where(LONG_ID.eq(id)).execute();
    }

    /** The zones of these bays, by bay, in the order they were made. */
    public Map<Long, List<Zone>> zones(Collection<Long> bayIds) {
        Map<Long, List<Zone>> byBay = new LinkedHashMap<>();
        if (bayIds.isEmpty()) return byBay;
        db.select(ZONE_FIELDS).from(ZONE).where(BAY_ID.in(bayIds)).orderBy(LONG_ID).fetch(this::zone)
                .forEach(z -> byBay.computeIfAbsent(z.bayId(), k -> new java.util.ArrayList<>()).add(z));
        return byBay;
    }

    public List<Zone> zones(long bayId) {
        return zones(List.of(bayId)).getOrDefault(bayId, List.of());
    }

    private Map<Field<?>, Object> zoneValues(Zone z) {
        Map<Field<?>, Object> map = new LinkedHashMap<>();
        map.put(NAME, z.name());
        map.put(AREA_X, z.area().x());
        map.put(AREA_Y, z.area().y());
        map.put(AREA_W, z.area().width());
        map.put(AREA_H, z.area().height());
        map.put(THRESHOLDS, json.writeValueAsString(z.thresholds()));
        map.put(OVERRIDES, z.overrides().isEmpty() ? null : json.writeValueAsString(z.overrides()));
        return map;
    }

    // ------------------------------------------------------------------ rows

    private static Camera camera(Record r) {
        return new Camera(r.get(ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(NAME), r.get(WIDTH), r.get(HEIGHT), r.get(KEY_HASH),
                r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    private Bay bay(Record r) {
        return new Bay(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(NAME), r.get(CAMERA_ID), area(r), r.get(CHARGER_ID),
                r.get(CONNECTOR_ID), r.get(ROW), r.get(POSITION), r.get(VEHICLE_TYPE), List.of(), r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    private Zone zone(Record r) {
        String overrides = r.get(OVERRIDES);
        Map<String, Thresholds.Patch> map = overrides == null ? Map.of() : json.readValue(overrides, OVERRIDES_TYPE);
        return new Zone(r.get(LONG_ID), r.get(BAY_ID), r.get(NAME), area(r), json.readValue(r.get(THRESHOLDS), Thresholds.class), map,
                r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    private static Area area(Record r) {
        return new Area(r.get(AREA_X), r.get(AREA_Y), r.get(AREA_W), r.get(AREA_H));
    }
}
