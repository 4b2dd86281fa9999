package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.parking.Bay;
import io.pylon.domain.parking.BayState;
import io.pylon.domain.parking.PlateColour;
import io.pylon.domain.parking.Transition;
import io.pylon.domain.parking.Visit;
import io.pylon.domain.tenant.TenantScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Parking bays with their live state ({@code parking_bay}, V19), the history of each ({@code bay_history}), the
 * visits that ended ({@code parking_visit}) and barrier gates ({@code parking_gate}).
 */
@Repository
public class JooqParking {

    /**
     * A bay: the connector it stands in front of, its parking lock ({@code lockKind} NONE, YKC or MQTT with
     * {@code lockId}) and the lock's last known state, its live state, and whether a camera watches it.
     */
    public record BayRow(long id, long operatorId, long stationId, String name, String chargerId, int connectorId,
                         String lockKind, String lockId, String lockState, Instant lockStateAt, Bay bay, boolean watched,
                         Instant createdAt, Instant updatedAt) {}

    /** One line of a bay's history: a state change, or a lock command, with the state after it. */
    public record BayHistoryEntry(long id, Instant at, BayState state, String plate, String cause) {}

    /** A visit that ended; {@code feeState} NONE, PENDING (order not billed yet) or DONE. */
    public record VisitRow(long id, long bayId, long operatorId, long stationId, String chargerId, int connectorId,
                           Visit visit, Long orderId, String feeState) {}

    /** A barrier gate; {@code nevOnly}: its entry opens for NEV plates only. */
    public record ParkingGate(String id, long operatorId, long stationId, String name, boolean nevOnly, String state,
                       Instant stateAt, Instant createdAt, Instant updatedAt) {}

    static final Table<Record> BAY = DSL.table(DSL.name("parking_bay"));
    private static final Table<Record> HISTORY = DSL.table(DSL.name("bay_history"));
    private static final Table<Record> VISIT = DSL.table(DSL.name("parking_visit"));
    private static final Table<Record> GATE = DSL.table(DSL.name("parking_gate"));
    private static final Field<String> LOCK_KIND = str("lock_kind");
    private static final Field<String> LOCK_ID = str("lock_id");
    private static final Field<String> LOCK_STATE = str("lock_state");
    private static final Field<Instant> LOCK_STATE_AT = time("lock_state_at");
    private static final Field<String> STATE = str("state");
    private static final Field<Instant> SINCE = time("state_since");
    private static final Field<String> PLATE = str("plate");
    private static final Field<String> COLOUR = str("plate_colour");
    private static final Field<Instant> ARRIVED = time("arrived_at");
    private static final Field<Instant> STARTED = time("charging_started_at");
    private static final Field<Instant> FINISHED = time("charging_finished_at");
    private static final Field<Long> BAY_ID = bigint("bay_id");
    private static final Field<Instant> AT = time("at");
    private static final Field<String> CAUSE = str("cause");
    private static final Field<Instant> LEFT = time("left_at");
    private static final Field<Long> STAY_S = bigint("stay_seconds");
    private static final Field<Long> CHARGE_S = bigint("charge_seconds");
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<String> FEE_STATE = str("fee_state");
    private static final Field<Boolean> NEV_ONLY = bool("nev_only");
    private static final Field<Instant> STATE_AT = time("state_at");
    private static final Field<Boolean> WATCHED = DSL.field(DSL.exists(DSL.selectOne().from(JooqCameras.CAMERA_BAY)
            .where(col(JooqCameras.CAMERA_BAY, JooqCameras.BAY_ID).eq(col(BAY, LONG_ID))))).as("watched");
    private static final List<Field<?>> COLUMNS = List.of(col(BAY, LONG_ID), col(BAY, OPERATOR_ID), col(BAY, STATION_ID),
            col(BAY, NAME), col(BAY, CHARGER_ID), col(BAY, CONNECTOR_ID), col(BAY, LOCK_KIND), col(BAY, LOCK_ID),
            col(BAY, LOCK_STATE), col(BAY, LOCK_STATE_AT), col(BAY, STATE), col(BAY, SINCE), col(BAY, PLATE), col(BAY, COLOUR),
            col(BAY, ARRIVED), col(BAY, STARTED), col(BAY, FINISHED), WATCHED, col(BAY, CREATED_AT), col(BAY, UPDATED_AT));
    private static final List<Field<?>> VISIT_COLUMNS = List.of(LONG_ID, BAY_ID, OPERATOR_ID, STATION_ID, CHARGER_ID, CONNECTOR_ID,
            PLATE, COLOUR, ARRIVED, STARTED, FINISHED, LEFT, ORDER_ID, FEE_STATE);
    private static final List<Field<?>> GATE_COLUMNS = List.of(ID, OPERATOR_ID, STATION_ID, NAME, NEV_ONLY, STATE, STATE_AT,
            CREATED_AT, UPDATED_AT);

    private final DSLContext db;

    public JooqParking(DSLContext db) {
        this.db = db;
    }

    // ---- bays

    /** A new bay, FREE since {@code now}; DuplicateKeyException when its connector, name or lock id is taken. */
    public long insertBay(long operatorId, long stationId, String name, String chargerId, int connectorId, String lockKind,
                          String lockId, Instant now) {
        return db.insertInto(BAY).set(OPERATOR_ID, operatorId).set(STATION_ID, stationId).set(NAME, name)
                .set(CHARGER_ID, chargerId).set(CONNECTOR_ID, connectorId).set(LOCK_KIND, lockKind).set(LOCK_ID, lockId)
                .set(STATE, BayState.FREE.name()).set(SINCE, now).set(CREATED_AT, now).set(UPDATED_AT, now)
                .returningResult(LONG_ID).fetchOne(org.jooq.Record1::value1);
    }

    /** Renames a bay or changes its lock; DuplicateKeyException when the name or lock id is taken. */
    public void updateBay(long id, String name, String lockKind, String lockId, Instant now) {
        db.update(BAY).set(NAME, name).set(LOCK_KIND, lockKind).set(LOCK_ID, lockId).set(UPDATED_AT, now)
                .where(LONG_ID.eq(id)).execute();
    }

    public boolean deleteBay(long id) {
        return db.deleteFrom(BAY).where(LONG_ID.eq(id)).execute() == 1;
    }

    public Optional<BayRow> bay(TenantScope scope, long id) {
        return select(col(BAY, LONG_ID).eq(id).and(scoped(scope, col(BAY, OPERATOR_ID), col(BAY, STATION_ID))))
                .stream().findFirst();
    }

    public Page<BayRow> bays(TenantScope scope, Long stationId, BayState state, PageRequest page) {
        Condition where = scoped(scope, col(BAY, OPERATOR_ID), col(BAY, STATION_ID));
        if (stationId != null) where = where.and(col(BAY, STATION_ID).eq(stationId));
        if (state != null) where = where.and(col(BAY, STATE).eq(state.name()));
        long total = db.fetchCount(BAY, where);
        return new Page<>(db.select(COLUMNS).from(BAY).where(where).orderBy(col(BAY, STATION_ID), col(BAY, NAME))
                .limit(page.size()).offset(page.offset()).fetch(JooqParking::toBay), page.page(), page.size(), total);
    }

    public Optional<BayRow> bayAt(String chargerId, int connectorId) {
        return select(col(BAY, CHARGER_ID).eq(chargerId).and(col(BAY, CONNECTOR_ID).eq(connectorId))).stream().findFirst();
    }

    public Optional<BayRow> bayNamed(long stationId, String name) {
        return select(col(BAY, STATION_ID).eq(stationId).and(col(BAY, NAME).eq(name))).stream().findFirst();
    }

    public Optional<BayRow> bayWithLock(long operatorId, String lockId) {
        return select(col(BAY, OPERATOR_ID).eq(operatorId).and(col(BAY, LOCK_ID).eq(lockId))).stream().findFirst();
    }

    public List<BayRow> baysOf(List<Long> ids) {
        return ids.isEmpty() ? List.of() : select(col(BAY, LONG_ID).in(ids));
    }

    /** The chargers that have a bay at some connector (status reports of the others are not looked at further). */
    public List<String> chargersWithBays() {
        return db.selectDistinct(CHARGER_ID).from(BAY).fetch(org.jooq.Record1::value1);
    }

    /** Occupied bays with an id above {@code afterId}, by id: pages of the periodic look at grace periods and long stays. */
    public List<BayRow> occupied(long afterId, int limit) {
        return db.select(COLUMNS).from(BAY).where(col(BAY, STATE).ne(BayState.FREE.name())).and(col(BAY, LONG_ID).gt(afterId))
                .orderBy(col(BAY, LONG_ID)).limit(limit).fetch(JooqParking::toBay);
    }

    /** The bay, locked until the end of the current transaction (state changes of one bay happen one at a time). */
    public BayRow lock(long id) {
        db.select(LONG_ID).from(BAY).where(LONG_ID.eq(id)).forUpdate().fetch();
        return select(col(BAY, LONG_ID).eq(id)).getFirst();
    }

    /** Stores a bay's new state and its transitions in the history. */
    public void saveState(long id, Bay b, List<Transition> transitions, Instant now) {
        db.update(BAY).set(STATE, b.state().name()).set(SINCE, b.since()).set(PLATE, b.plate())
                .set(COLOUR, b.colour() == null ? null : b.colour().name()).set(ARRIVED, b.arrivedAt())
                .set(STARTED, b.chargingStartedAt()).set(FINISHED, b.chargingFinishedAt()).set(UPDATED_AT, now)
                .where(LONG_ID.eq(id)).execute();
        for (Transition t : transitions) {
            history(id, t.at(), t.to(), t.to() == BayState.FREE ? null : b.plate(), t.cause());
        }
    }

    public void history(long bayId, Instant at, BayState state, String plate, String cause) {
        db.insertInto(HISTORY).set(BAY_ID, bayId).set(AT, at).set(STATE, state.name()).set(PLATE, plate)
                .set(CAUSE, cause.length() > 200 ? cause.substring(0, 200) : cause).execute();
    }

    /** A bay's history, newest first. */
    public Page<BayHistoryEntry> historyOf(long bayId, PageRequest page) {
        Condition where = BAY_ID.eq(bayId);
        long total = db.fetchCount(HISTORY, where);
        return new Page<>(db.select(LONG_ID, AT, STATE, PLATE, CAUSE).from(HISTORY).where(where).orderBy(AT.desc(), LONG_ID.desc())
                .limit(page.size()).offset(page.offset()).fetch(r -> new BayHistoryEntry(r.value1(), r.value2(),
                        BayState.valueOf(r.value3()), r.value4(), r.value5())), page.page(), page.size(), total);
    }

    public void lockState(long bayId, String state, Instant at) {
        db.update(BAY).set(LOCK_STATE, state).set(LOCK_STATE_AT, at).where(LONG_ID.eq(bayId)).execute();
    }

    private List<BayRow> select(Condition where) {
        return db.select(COLUMNS).from(BAY).where(where).fetch(JooqParking::toBay);
    }

    private static BayRow toBay(Record r) {
        String colour = r.get(col(BAY, COLOUR));
        Bay bay = new Bay(BayState.valueOf(r.get(col(BAY, STATE))), r.get(col(BAY, SINCE)), r.get(col(BAY, PLATE)),
                colour == null ? null : PlateColour.valueOf(colour), r.get(col(BAY, ARRIVED)), r.get(col(BAY, STARTED)),
                r.get(col(BAY, FINISHED)));
        return new BayRow(r.get(col(BAY, LONG_ID)), r.get(col(BAY, OPERATOR_ID)), r.get(col(BAY, STATION_ID)),
                r.get(col(BAY, NAME)), r.get(col(BAY, CHARGER_ID)), r.get(col(BAY, CONNECTOR_ID)), r.get(col(BAY, LOCK_KIND)),
                r.get(col(BAY, LOCK_ID)), r.get(col(BAY, LOCK_STATE)), r.get(col(BAY, LOCK_STATE_AT)), bay,
                Boolean.TRUE.equals(r.get(WATCHED)), r.get(col(BAY, CREATED_AT)), r.get(col(BAY, UPDATED_AT)));
    }

    // ---- visits

    /** Keeps a visit that ended. */
    public long insertVisit(BayRow bay, Visit v, String feeState, Instant now) {
        return db.insertInto(VISIT).set(BAY_ID, bay.id()).set(OPERATOR_ID, bay.operatorId()).set(STATION_ID, bay.stationId())
                .set(CHARGER_ID, bay.chargerId()).set(CONNECTOR_ID, bay.connectorId()).set(PLATE, v.plate())
                .set(COLOUR, v.colour() == null ? null : v.colour().name()).set(ARRIVED, v.arrivedAt())
                .set(STARTED, v.chargingStartedAt()).set(FINISHED, v.chargingFinishedAt()).set(LEFT, v.leftAt())
                .set(STAY_S, Math.max(0, v.stay().toSeconds())).set(CHARGE_S, v.charge().toSeconds())
                .set(FEE_STATE, feeState).set(CREATED_AT, now).returningResult(LONG_ID).fetchOne(org.jooq.Record1::value1);
    }

    public void visitFee(long visitId, Long orderId, String feeState) {
        db.update(VISIT).set(ORDER_ID, orderId).set(FEE_STATE, feeState).where(LONG_ID.eq(visitId)).execute();
    }

    /** Visits stored before {@code before} whose idle fee is not billed yet (their order was not billed), oldest first. */
    public List<VisitRow> pendingVisits(Instant before, int limit) {
        return db.select(VISIT_COLUMNS).from(VISIT).where(FEE_STATE.eq("PENDING")).and(CREATED_AT.lt(before)).orderBy(LEFT)
                .limit(limit).fetch(JooqParking::toVisit);
    }

    private static VisitRow toVisit(Record r) {
        String colour = r.get(COLOUR);
        Visit v = new Visit(r.get(PLATE), colour == null ? null : PlateColour.valueOf(colour), r.get(ARRIVED), r.get(STARTED),
                r.get(FINISHED), r.get(LEFT));
        return new VisitRow(r.get(LONG_ID), r.get(BAY_ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(CHARGER_ID),
                r.get(CONNECTOR_ID), v, r.get(ORDER_ID), r.get(FEE_STATE));
    }

    /** "Short charge, long stay" figures of a station's visits that ended in [from, to). */
    public record VisitStats(long visits, long charged, Duration averageCharge, Duration averageStay, long shortChargeLongStay) {}

    /**
     * Counts visits, those that charged, their average charge and stay times, and those that stayed more than
     * {@code factor} times as long as they charged.
     */
    public VisitStats stats(long stationId, Instant from, Instant to, int factor) {
        Condition where = STATION_ID.eq(stationId).and(LEFT.ge(from)).and(LEFT.lt(to));
        Condition charged = STARTED.isNotNull();
        var r = db.select(DSL.count(), DSL.count(DSL.when(charged, 1)),
                        DSL.avg(DSL.when(charged, CHARGE_S)), DSL.avg(DSL.when(charged, STAY_S)),
                        DSL.count(DSL.when(charged.and(STAY_S.gt(CHARGE_S.mul((long) factor))), 1)))
                .from(VISIT).where(where).fetchOne();
        return new VisitStats(r.value1(), r.value2(), seconds(r.value3()), seconds(r.value4()), r.value5());
    }

    private static Duration seconds(java.math.BigDecimal average) {
        return average == null ? Duration.ZERO : Duration.ofSeconds(average.setScale(0, java.math.RoundingMode.HALF_UP).longValue());
    }

    // ---- gates

    /** False when the id is taken. */
    public boolean insertGate(ParkingGate g, Instant now) {
        try {
            db.insertInto(GATE).set(ID, g.id()).set(OPERATOR_ID, g.operatorId()).set(STATION_ID, g.stationId())
                    .set(NAME, g.name()).set(NEV_ONLY, g.nevOnly()).set(CREATED_AT, now).set(UPDATED_AT, now).execute();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public void updateGate(String id, String name, boolean nevOnly, Instant now) {
        db.update(GATE).set(NAME, name).set(NEV_ONLY, nevOnly).set(UPDATED_AT, now).where(ID.eq(id)).execute();
    }

    public boolean deleteGate(String id) {
        return db.deleteFrom(GATE).where(ID.eq(id)).execute() == 1;
    }

    public Optional<ParkingGate> gate(TenantScope scope, String id) {
        return db.select(GATE_COLUMNS).from(GATE).where(ID.eq(id)).and(scoped(scope, OPERATOR_ID, STATION_ID))
                .fetchOptional(JooqParking::toGate);
    }

    public List<ParkingGate> gates(TenantScope scope, Long stationId) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        return db.select(GATE_COLUMNS).from(GATE).where(where).orderBy(ID).limit(PageRequest.MAX_SIZE).fetch(JooqParking::toGate);
    }

    public void gateState(String id, String state, Instant at) {
        db.update(GATE).set(STATE, state).set(STATE_AT, at).where(ID.eq(id)).execute();
    }

    private static ParkingGate toGate(Record r) {
        return new ParkingGate(r.get(ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(NAME), r.get(NEV_ONLY), r.get(STATE),
                r.get(STATE_AT), r.get(CREATED_AT), r.get(UPDATED_AT));
    }

    /** The operator's code, which names it in MQTT topics. */
    public String operatorCode(long operatorId) {
        return db.select(str("code")).from(OPERATOR).where(LONG_ID.eq(operatorId)).fetchOne(org.jooq.Record1::value1);
    }

    /** The operator id of an operator code, if one has it. */
    public Optional<Long> operatorByCode(String code) {
        return db.select(LONG_ID).from(OPERATOR).where(str("code").eq(code)).fetchOptional(org.jooq.Record1::value1);
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String part : text.split(",")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }
}
