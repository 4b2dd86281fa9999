package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.money.Money;
import io.pylon.domain.parking.FeeUnit;
import io.pylon.domain.parking.BayIdleCharge;
import io.pylon.domain.parking.BayIdleFee;
import io.pylon.domain.parking.ParkingSettings;
import io.pylon.domain.parking.PlateColour;
import io.pylon.domain.parking.PlateRule;
import io.pylon.domain.parking.Plates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/**
 * Stations' parking rules ({@code parking_settings}), the parking line of orders ({@code parking_fee}), and what the
 * parking module reads of orders and reservations.
 */
@Repository
public class JooqParkingFees {

    /**
     * The parking line of an order: idle time from {@code idleFrom} to {@code leftAt}, minutes billed after the grace
     * period, the amount; {@code state} CHARGED, DUE, NONE or PENDING (see V19).
     */
    public record ParkingFeeLine(long orderId, long visitId, long bayId, Long operatorId, Long stationId, String plate,
                          Instant idleFrom, Instant leftAt, BayIdleCharge charge, String state, Instant createdAt,
                          Instant settledAt) {}

    private static final Table<Record> SETTINGS = DSL.table(DSL.name("parking_settings"));
    private static final Table<Record> FEE = DSL.table(DSL.name("parking_fee"));
    private static final Table<Record> ORDER = DSL.table(DSL.name("charging_order"));
    private static final Field<Integer> GRACE = integer("grace_minutes");
    private static final Field<BigDecimal> PRICE = decimal("fee_price");
    private static final Field<String> UNIT = str("fee_unit");
    private static final Field<BigDecimal> CAP = decimal("fee_cap");
    private static final Field<String> COLOURS = str("ev_colours");
    private static final Field<String> ALLOWED = str("allowed_plates");
    private static final Field<Integer> LONG_STAY = integer("long_stay_minutes");
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<Long> VISIT_ID = bigint("visit_id");
    private static final Field<Long> BAY_ID = bigint("bay_id");
    private static final Field<String> PLATE = str("plate");
    private static final Field<Instant> IDLE_FROM = time("idle_from");
    private static final Field<Instant> LEFT = time("left_at");
    private static final Field<Long> IDLE_MIN = bigint("idle_minutes");
    private static final Field<Long> BILLED_MIN = bigint("billed_minutes");
    private static final Field<BigDecimal> AMOUNT = decimal("amount");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<Boolean> CAPPED = bool("capped");
    private static final Field<String> STATE = str("state");
    private static final Field<Instant> SETTLED = time("settled_at");
    private static final Field<Instant> STARTED_AT = time("started_at");
    private static final Field<Instant> EXPIRY = time("expiry");
    private static final List<Field<?>> FEE_COLUMNS = List.of(ORDER_ID, VISIT_ID, BAY_ID, OPERATOR_ID, STATION_ID, PLATE, IDLE_FROM,
            LEFT, IDLE_MIN, BILLED_MIN, AMOUNT, CURRENCY, CAPPED, STATE, CREATED_AT, SETTLED);

    private final DSLContext db;

    public JooqParkingFees(DSLContext db) {
        this.db = db;
    }

    // ---- settings

    public Optional<ParkingSettings> settings(long stationId) {
        return db.select(GRACE, PRICE, UNIT, CAP, COLOURS, ALLOWED, LONG_STAY).from(SETTINGS).where(STATION_ID.eq(stationId))
                .fetchOptional(r -> {
                    int grace = r.value1();
                    BayIdleFee fee = r.value2() == null ? null : new BayIdleFee(grace, r.value2().stripTrailingZeros(),
                            FeeUnit.valueOf(r.value3()), r.value4() == null ? null : r.value4().setScale(2, RoundingMode.HALF_UP));
                    Set<PlateColour> colours = EnumSet.noneOf(PlateColour.class);
                    JooqParking.split(r.value5()).forEach(c -> colours.add(PlateColour.valueOf(c)));
                    Set<String> allowed = Set.copyOf(JooqParking.split(r.value6()));
                    return new ParkingSettings(grace, fee, new PlateRule(colours, allowed),
                            r.value7() == null ? null : Duration.ofMinutes(r.value7()));
                });
    }

    public void saveSettings(long stationId, long operatorId, ParkingSettings s, Instant now) {
        BayIdleFee fee = s.idleFee();
        var values = new java.util.HashMap<Field<?>, Object>();
        values.put(OPERATOR_ID, operatorId);
        values.put(GRACE, s.graceMinutes());
        values.put(PRICE, fee == null ? null : fee.price());
        values.put(UNIT, fee == null ? null : fee.unit().name());
        values.put(CAP, fee == null ? null : fee.cap());
        values.put(COLOURS, s.plates().evColours().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        values.put(ALLOWED, s.plates().allowedPlates().stream().sorted().collect(Collectors.joining(",")));
        values.put(LONG_STAY, s.longStay() == null ? null : (int) s.longStay().toMinutes());
        values.put(UPDATED_AT, now);
        if (db.update(SETTINGS).set(values).where(STATION_ID.eq(stationId)).execute() == 0) {
            try {
                db.insertInto(SETTINGS).set(values).set(STATION_ID, stationId).execute();
            } catch (DuplicateKeyException e) {
                db.update(SETTINGS).set(values).where(STATION_ID.eq(stationId)).execute(); // created meanwhile
            }
        }
    }

    // ---- the parking line of orders

    /** Keeps an order's parking line; false when the order has one already (it is never charged twice). */
    public boolean insertFee(ParkingFeeLine f, Currency currency) {
        try {
            return db.insertInto(FEE).set(ORDER_ID, f.orderId()).set(VISIT_ID, f.visitId()).set(BAY_ID, f.bayId())
                    .set(OPERATOR_ID, f.operatorId()).set(STATION_ID, f.stationId()).set(PLATE, f.plate())
                    .set(IDLE_FROM, f.idleFrom()).set(LEFT, f.leftAt()).set(IDLE_MIN, f.charge().idleMinutes())
                    .set(BILLED_MIN, f.charge().billedMinutes()).set(AMOUNT, f.charge().amount().amount())
                    .set(CURRENCY, currency.getCurrencyCode()).set(CAPPED, f.charge().capped()).set(STATE, f.state())
                    .set(CREATED_AT, f.createdAt()).set(SETTLED, f.settledAt()).execute() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<ParkingFeeLine> fee(long orderId) {
        return db.select(FEE_COLUMNS).from(FEE).where(ORDER_ID.eq(orderId)).fetchOptional(JooqParkingFees::toFee);
    }

    /** Parking lines of these orders, by order id. */
    public java.util.Map<Long, ParkingFeeLine> fees(java.util.Collection<Long> orderIds) {
        if (orderIds.isEmpty()) return java.util.Map.of();
        return db.select(FEE_COLUMNS).from(FEE).where(ORDER_ID.in(orderIds)).fetch(JooqParkingFees::toFee).stream()
                .collect(Collectors.toMap(ParkingFeeLine::orderId, f -> f));
    }

    /** Moves a parking line from {@code from} to {@code to}; false when it was not in {@code from}. */
    public boolean feeState(long orderId, String from, String to, Instant settledAt) {
        return db.update(FEE).set(STATE, to).set(SETTLED, settledAt).where(ORDER_ID.eq(orderId)).and(STATE.eq(from)).execute() == 1;
    }

    public List<ParkingFeeLine> feesInState(String state, int limit) {
        return db.select(FEE_COLUMNS).from(FEE).where(STATE.eq(state)).orderBy(CREATED_AT).limit(limit).fetch(JooqParkingFees::toFee);
    }

    private static ParkingFeeLine toFee(Record r) {
        Currency currency = Currency.getInstance(r.get(CURRENCY));
        BayIdleCharge charge = new BayIdleCharge(r.get(IDLE_MIN), r.get(BILLED_MIN),
                Money.of(r.get(AMOUNT), currency, RoundingMode.UNNECESSARY), r.get(CAPPED));
        return new ParkingFeeLine(r.get(ORDER_ID), r.get(VISIT_ID), r.get(BAY_ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(PLATE),
                r.get(IDLE_FROM), r.get(LEFT), charge, r.get(STATE), r.get(CREATED_AT), r.get(SETTLED));
    }

    // ---- what parking reads of orders and reservations

    /** The latest order of a session at the connector that started in [from, to]. */
    public Optional<Long> orderAt(String chargerId, int connectorId, Instant from, Instant to) {
        return db.select(LONG_ID).from(ORDER).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId))
                .and(STARTED_AT.ge(from)).and(STARTED_AT.le(to)).orderBy(STARTED_AT.desc(), LONG_ID.desc()).limit(1)
                .fetchOptional(org.jooq.Record1::value1);
    }

    /**
     * The plates of the driver holding an active reservation of the connector at {@code at} (their vehicles), empty
     * when the driver registered none; {@link Optional#empty()} when the connector is not reserved.
     */
    public Optional<Set<String>> reservedFor(String chargerId, int connectorId, Instant at) {
        var reservation = db.select(ID_TAG).from(RESERVATION).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId))
                .and(STATUS.eq("ACTIVE")).and(EXPIRY.gt(at)).orderBy(CREATED_AT.desc()).limit(1).fetchOptional(org.jooq.Record1::value1);
        if (reservation.isEmpty()) return Optional.empty();
        Long driver = db.select(DRIVER_ID).from(ID_TOKEN).where(ID_TAG.eq(reservation.get())).fetchOptional(org.jooq.Record1::value1)
                .orElse(null);
        if (driver == null) return Optional.of(Set.of());
        Set<String> plates = new java.util.HashSet<>();
        for (String plate : db.select(PLATE).from(VEHICLE).where(DRIVER_ID.eq(driver)).fetch(org.jooq.Record1::value1)) {
            try {
                plates.add(Plates.normalise(plate));
            } catch (IllegalArgumentException e) {
                // a plate written in some other way cannot match a camera's read
            }
        }
        return Optional.of(Set.copyOf(plates));
    }
}
