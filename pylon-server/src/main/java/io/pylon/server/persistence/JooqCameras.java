package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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

/**
 * Cameras and edge-AI boxes ({@code camera_device}, V19) with the bays each watches ({@code camera_bay}), and the
 * events they send ({@code camera_event}), kept once per (sending device, event id).
 */
@Repository
public class JooqCameras {

    /** Where a camera's live video and pictures are (URLs on the operator's own media server), any of them null. */
    public record CameraStreams(String rtsp, String hls, String webrtc, String flv) {}

    /**
     * A camera or edge-AI box. {@code status} is what it last reported (NORMAL, OFFLINE, BLOCKED); {@code gateId} the
     * barrier gate it reads plates for, or null.
     */
    public record Camera(String id, long operatorId, long stationId, String kind, String name, CameraStreams streams,
                         String snapshotUrl, String gateId, List<Long> bayIds, String status, Instant statusAt,
                         Instant lastEventAt, Instant createdAt, Instant updatedAt) {}

    /** What the ingestion endpoint needs to authenticate a device. */
    public record Credentials(String id, long operatorId, long stationId, String kind, String keyHash) {}

    /** An event as kept; {@code outcome} says what the platform did about it. */
    public record CameraEvent(long id, String deviceId, String eventId, String cameraId, long operatorId, long stationId,
                        String type, Instant occurredAt, Long bayId, String plate, String plateColour, String direction,
                        String snapshot, BigDecimal confidence, String detail, String outcome, Instant receivedAt) {}

    /** Filters of the event list; null = any. {@code from}/{@code to} bound the time it happened, [from, to). */
    public record EventFilter(Long stationId, String cameraId, String type, Long bayId, String plate, Instant from, Instant to) {}

    static final Table<Record> CAMERA = DSL.table(DSL.name("camera_device"));
    static final Table<Record> CAMERA_BAY = DSL.table(DSL.name("camera_bay"));
    private static final Table<Record> EVENT = DSL.table(DSL.name("camera_event"));
    private static final Field<String> KIND = str("kind");
    private static final Field<String> RTSP = str("rtsp_url");
    private static final Field<String> HLS = str("hls_url");
    private static final Field<String> WEBRTC = str("webrtc_url");
    private static final Field<String> FLV = str("flv_url");
    private static final Field<String> SNAPSHOT_URL = str("snapshot_url");
    private static final Field<String> GATE_ID = str("gate_id");
    private static final Field<String> KEY_HASH = str("key_hash");
    private static final Field<Instant> STATUS_AT = time("status_at");
    private static final Field<Instant> LAST_EVENT = time("last_event_at");
    static final Field<String> CAMERA_ID = str("camera_id");
    static final Field<Long> BAY_ID = bigint("bay_id");
    private static final Field<String> DEVICE_ID = str("device_id");
    private static final Field<String> EVENT_ID = str("event_id");
    private static final Field<String> TYPE = str("type");
    private static final Field<Instant> OCCURRED = time("occurred_at");
    private static final Field<String> PLATE = str("plate");
    private static final Field<String> COLOUR = str("plate_colour");
    private static final Field<String> DIRECTION = str("direction");
    private static final Field<String> SNAPSHOT = str("snapshot");
    private static final Field<BigDecimal> CONFIDENCE = decimal("confidence");
    private static final Field<String> DETAIL = str("detail");
    private static final Field<String> OUTCOME = str("outcome");
    private static final Field<Instant> RECEIVED = time("received_at");
    private static final List<Field<?>> COLUMNS = List.of(ID, OPERATOR_ID, STATION_ID, KIND, NAME, RTSP, HLS, WEBRTC, FLV,
            SNAPSHOT_URL, GATE_ID, STATUS, STATUS_AT, LAST_EVENT, CREATED_AT, UPDATED_AT);
    private static final List<Field<?>> EVENT_COLUMNS = List.of(LONG_ID, DEVICE_ID, EVENT_ID, CAMERA_ID, OPERATOR_ID, STATION_ID,
            TYPE, OCCURRED, BAY_ID, PLATE, COLOUR, DIRECTION, SNAPSHOT, CONFIDENCE, DETAIL, OUTCOME, RECEIVED);

    private final DSLContext db;

    public JooqCameras(DSLContext db) {
        this.db = db;
    }

    /** Stores a new device with its bays; false when the id is taken. */
    public boolean insert(Camera c, String keyHash, Instant now) {
        try {
            db.insertInto(CAMERA).set(values(c)).set(ID, c.id()).set(OPERATOR_ID, c.operatorId()).set(KEY_HASH, keyHash)
                    .set(STATUS, "NORMAL").set(CREATED_AT, now).set(UPDATED_AT, now).execute();
        } catch (DuplicateKeyException e) {
            return false;
        }
        setBays(c.id(), c.bayIds());
        return true;
    }

    public void update(Camera c, Instant now) {
        db.update(CAMERA).set(values(c)).set(UPDATED_AT, now).where(ID.eq(c.id())).execute();
        setBays(c.id(), c.bayIds());
    }

    private static Map<Field<?>, Object> values(Camera c) {
        Map<Field<?>, Object> v = new HashMap<>();
        v.put(STATION_ID, c.stationId());
        v.put(KIND, c.kind());
        v.put(NAME, c.name());
        v.put(RTSP, c.streams().rtsp());
        v.put(HLS, c.streams().hls());
        v.put(WEBRTC, c.streams().webrtc());
        v.put(FLV, c.streams().flv());
        v.put(SNAPSHOT_URL, c.snapshotUrl());
        v.put(GATE_ID, c.gateId());
        return v;
    }

    private void setBays(String cameraId, Collection<Long> bayIds) {
        db.deleteFrom(CAMERA_BAY).where(CAMERA_ID.eq(cameraId)).execute();
        for (Long bay : bayIds == null ? List.<Long>of() : bayIds.stream().distinct().toList()) {
            db.insertInto(CAMERA_BAY).set(CAMERA_ID, cameraId).set(BAY_ID, bay).execute();
        }
    }

    public void setKey(String id, String keyHash, Instant now) {
        db.update(CAMERA).set(KEY_HASH, keyHash).set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    public boolean delete(String id) {
        return db.deleteFrom(CAMERA).where(ID.eq(id)).execute() == 1;
    }

    public Optional<Camera> find(TenantScope scope, String id) {
        return db.select(COLUMNS).from(CAMERA).where(ID.eq(id)).and(scoped(scope, OPERATOR_ID, STATION_ID))
                .fetchOptional(this::toCamera);
    }

    public Optional<Credentials> credentials(String id) {
        return db.select(ID, OPERATOR_ID, STATION_ID, KIND, KEY_HASH).from(CAMERA).where(ID.eq(id))
                .fetchOptional(r -> new Credentials(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Page<Camera> list(TenantScope scope, Long stationId, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        long total = db.fetchCount(CAMERA, where);
        return new Page<>(db.select(COLUMNS).from(CAMERA).where(where).orderBy(ID).limit(page.size()).offset(page.offset())
                .fetch(this::toCamera), page.page(), page.size(), total);
    }

    /** The bays a camera watches. */
    public List<Long> bays(String cameraId) {
        return db.select(BAY_ID).from(CAMERA_BAY).where(CAMERA_ID.eq(cameraId)).orderBy(BAY_ID).fetch(org.jooq.Record1::value1);
    }

    /** Cameras that report for a barrier gate. */
    public List<String> camerasOfGate(long operatorId, String gateId) {
        return db.select(ID).from(CAMERA).where(OPERATOR_ID.eq(operatorId)).and(GATE_ID.eq(gateId)).fetch(org.jooq.Record1::value1);
    }

    /** Records the status a camera reported (NORMAL, OFFLINE, BLOCKED); answers the one before. */
    public String status(String id, String status, Instant at) {
        String before = db.select(STATUS).from(CAMERA).where(ID.eq(id)).fetchOne(org.jooq.Record1::value1);
        db.update(CAMERA).set(STATUS, status).set(STATUS_AT, at).where(ID.eq(id)).execute();
        return before;
    }

    /** Keeps an event once per (device, event id); empty when that device sent that event id before. */
    public Optional<Long> insertEvent(CameraEvent e) {
        try {
            Long id = db.insertInto(EVENT).set(DEVICE_ID, e.deviceId()).set(EVENT_ID, e.eventId()).set(CAMERA_ID, e.cameraId())
                    .set(OPERATOR_ID, e.operatorId()).set(STATION_ID, e.stationId()).set(TYPE, e.type()).set(OCCURRED, e.occurredAt())
                    .set(BAY_ID, e.bayId()).set(PLATE, e.plate()).set(COLOUR, e.plateColour()).set(DIRECTION, e.direction())
                    .set(SNAPSHOT, e.snapshot()).set(CONFIDENCE, e.confidence()).set(DETAIL, e.detail())
                    .set(RECEIVED, e.receivedAt()).returningResult(LONG_ID).fetchOne(r -> r.value1());
            db.update(CAMERA).set(LAST_EVENT, e.receivedAt()).where(ID.eq(e.deviceId())).execute();
            return Optional.ofNullable(id);
        } catch (DuplicateKeyException dup) {
            return Optional.empty();
        }
    }

    public Optional<CameraEvent> event(String deviceId, String eventId) {
        return db.select(EVENT_COLUMNS).from(EVENT).where(DEVICE_ID.eq(deviceId)).and(EVENT_ID.eq(eventId))
                .fetchOptional(JooqCameras::toEvent);
    }

    public void outcome(long id, String outcome) {
        db.update(EVENT).set(OUTCOME, outcome == null || outcome.length() <= 500 ? outcome : outcome.substring(0, 500))
                .where(LONG_ID.eq(id)).execute();
    }

    public Page<CameraEvent> events(TenantScope scope, EventFilter f, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (f.stationId() != null) where = where.and(STATION_ID.eq(f.stationId()));
        if (f.cameraId() != null) where = where.and(CAMERA_ID.eq(f.cameraId()));
        if (f.type() != null) where = where.and(TYPE.eq(f.type()));
        if (f.bayId() != null) where = where.and(BAY_ID.eq(f.bayId()));
        if (f.plate() != null) where = where.and(PLATE.eq(f.plate()));
        if (f.from() != null) where = where.and(OCCURRED.ge(f.from()));
        if (f.to() != null) where = where.and(OCCURRED.lt(f.to()));
        long total = db.fetchCount(EVENT, where);
        return new Page<>(db.select(EVENT_COLUMNS).from(EVENT).where(where).orderBy(OCCURRED.desc(), LONG_ID.desc())
                .limit(page.size()).offset(page.offset()).fetch(JooqCameras::toEvent), page.page(), page.size(), total);
    }

    private Camera toCamera(Record r) {
        return new Camera(r.get(ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(KIND), r.get(NAME),
                new CameraStreams(r.get(RTSP), r.get(HLS), r.get(WEBRTC), r.get(FLV)), r.get(SNAPSHOT_URL), r.get(GATE_ID),
                bays(r.get(ID)), r.get(STATUS), r.get(STATUS_AT), r.get(LAST_EVENT), r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    private static CameraEvent toEvent(Record r) {
        return new CameraEvent(r.get(LONG_ID), r.get(DEVICE_ID), r.get(EVENT_ID), r.get(CAMERA_ID), r.get(OPERATOR_ID),
                r.get(STATION_ID), r.get(TYPE), r.get(OCCURRED), r.get(BAY_ID), r.get(PLATE), r.get(COLOUR), r.get(DIRECTION),
                r.get(SNAPSHOT), r.get(CONFIDENCE) == null ? null : r.get(CONFIDENCE).stripTrailingZeros(), r.get(DETAIL),
                r.get(OUTCOME), r.get(RECEIVED));
    }

}
