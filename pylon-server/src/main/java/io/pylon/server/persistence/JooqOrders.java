package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillFlag;
import io.pylon.domain.billing.BillLine;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.billing.IdleCharge;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderFilter;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Orders with their bill lines and refunds in SQL. */
@Repository
public class JooqOrders implements OrderRepository {

    private static final Table<Record> ORDER = DSL.table(DSL.name("charging_order"));
    private static final Table<Record> LINE = DSL.table(DSL.name("order_line"));
    private static final Table<Record> REFUND = DSL.table(DSL.name("order_refund"));
    private static final Table<Record> DISCOUNT_LINE = DSL.table(DSL.name("order_discount"));
    private static final Field<Integer> LINE_NO = integer("line");
    private static final Field<String> SOURCE = str("source");
    private static final Field<String> REFERENCE = str("reference");
    private static final Field<Integer> SESSION_ID = integer("session_id");
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<String> STATE = str("state");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<Instant> STARTED_AT = time("started_at");
    private static final Field<Instant> STOPPED_AT = time("stopped_at");
    private static final Field<Long> ENERGY = bigint("energy_wh");
    private static final Field<Long> TARIFF_ID = bigint("tariff_id");
    private static final Field<Integer> TARIFF_VERSION = integer("tariff_version");
    private static final Field<BigDecimal> ELECTRICITY = decimal("electricity_amount");
    private static final Field<BigDecimal> SERVICE = decimal("service_amount");
    private static final Field<Long> IDLE_MINUTES = bigint("idle_minutes");
    private static final Field<BigDecimal> IDLE_FEE = decimal("idle_fee");
    private static final Field<BigDecimal> SESSION_FEE = decimal("session_fee");
    private static final Field<BigDecimal> DISCOUNT = decimal("discount");
    private static final Field<BigDecimal> TOTAL = decimal("total");
    private static final Field<BigDecimal> PAYABLE = decimal("payable");
    private static final Field<BigDecimal> REFUNDED = decimal("refunded");
    private static final Field<String> FLAGS = str("flags");
    private static final Field<String> ABNORMAL = str("abnormal_reason");
    private static final Field<Long> POINTS = bigint("points");
    private static final Field<BigDecimal> CARBON = decimal("carbon_saved_kg");
    private static final Field<Instant> SETTLED_AT = time("settled_at");
    private static final Field<Instant> IDLE_FROM = time("idle_from");
    private static final Field<Instant> PLUGGED_OUT = time("plugged_out_at");
    private static final Field<Long> IDLE_TOTAL = bigint("idle_total_minutes");
    private static final Field<String> BAND = str("band");
    private static final Field<BigDecimal> E_PRICE = decimal("electricity_price");
    private static final Field<BigDecimal> S_PRICE = decimal("service_price");
    private static final Field<String> KEY = str("idempotency_key");
    private static final Field<BigDecimal> AMOUNT = decimal("amount");
    private static final Field<String> REASON = str("reason");
    private static final Field<String> ACTOR = str("actor");
    private static final List<Field<?>> COLUMNS = List.of(LONG_ID, SESSION_ID, OPERATOR_ID, STATION_ID, CHARGER_ID,
            CONNECTOR_ID, ID_TAG, DRIVER_ID, STATE, CURRENCY, STARTED_AT, STOPPED_AT, ENERGY, TARIFF_ID, TARIFF_VERSION,
            IDLE_MINUTES, IDLE_FEE, SESSION_FEE, DISCOUNT, REFUNDED, FLAGS, ABNORMAL, POINTS, CARBON, CREATED_AT, SETTLED_AT,
            IDLE_FROM, PLUGGED_OUT, IDLE_TOTAL);
    private static final List<Field<?>> LINE_COLUMNS = List.of(ORDER_ID, BAND, ENERGY, E_PRICE, S_PRICE, ELECTRICITY, SERVICE);

    private final DSLContext db;
    private final DailyRollups rollups;

    public JooqOrders(DSLContext db, DailyRollups rollups) {
        this.db = db;
        this.rollups = rollups;
    }

    @Override
    public void open(ChargingSession s, Long driverId, Currency currency, Instant now) {
        db.insertInto(ORDER).set(SESSION_ID, (int) s.id()).set(OPERATOR_ID, s.operatorId()).set(STATION_ID, s.stationId())
                .set(CHARGER_ID, s.chargerId()).set(CONNECTOR_ID, s.connectorId()).set(ID_TAG, s.idTag())
                .set(DRIVER_ID, driverId).set(STATE, OrderState.CHARGING.name()).set(CURRENCY, currency.getCurrencyCode())
                .set(STARTED_AT, s.startedAt()).set(REFUNDED, BigDecimal.ZERO).set(POINTS, 0L)
                .set(CREATED_AT, now).set(UPDATED_AT, now)
                .onConflict(key(ORDER, "session_id")).doNothing().execute();
    }

    @Override
    public Optional<Order> find(long id) {
        return db.select(COLUMNS).from(ORDER).where(LONG_ID.eq(id)).fetchOptional(this::toOrder);
    }

    @Override
    public Optional<Order> bySession(long sessionId) {
        return db.select(COLUMNS).from(ORDER).where(SESSION_ID.eq((int) sessionId)).fetchOptional(this::toOrder);
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean finish(long orderId, ChargingSession s, Bill bill, long points, BigDecimal carbonKg,
                          java.time.LocalDate day, Instant idleFrom, Instant now) {
        int updated = db.update(ORDER).set(STATE, OrderState.FINISHED.name()).set(STOPPED_AT, s.stoppedAt())
                .set(ENERGY, bill.energyWh()).set(TARIFF_ID, bill.tariffId()).set(TARIFF_VERSION, bill.tariffVersion())
                .set(ELECTRICITY, bill.electricityTotal().amount()).set(SERVICE, bill.serviceTotal().amount())
                .set(IDLE_MINUTES, bill.idleFee().billedMinutes()).set(IDLE_FEE, bill.idleFee().amount().amount())
                .set(IDLE_TOTAL, bill.idleFee().idleMinutes()).set(IDLE_FROM, idleFrom)
                .set(SESSION_FEE, bill.sessionFee().amount()).set(DISCOUNT, bill.serviceDiscount().amount())
                .set(TOTAL, bill.total().amount()).set(PAYABLE, bill.payable().amount())
                .set(FLAGS, bill.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .set(POINTS, points).set(CARBON, carbonKg).set(UPDATED_AT, now)
                .where(LONG_ID.eq(orderId)).and(STATE.eq(OrderState.CHARGING.name())).execute();
        if (updated == 1) {
            for (BillLine line : bill.lines()) {
                db.insertInto(LINE).set(ORDER_ID, orderId).set(BAND, line.band().name()).set(ENERGY, line.energyWh())
                        .set(E_PRICE, line.electricityPrice()).set(S_PRICE, line.servicePrice())
                        .set(ELECTRICITY, line.electricityAmount().amount()).set(SERVICE, line.serviceAmount().amount())
                        .execute();
            }
            for (int i = 0; i < bill.discounts().size(); i++) {
                Discount d = bill.discounts().get(i);
                db.insertInto(DISCOUNT_LINE).set(ORDER_ID, orderId).set(LINE_NO, i + 1).set(SOURCE, d.source().name())
                        .set(REFERENCE, d.reference()).set(AMOUNT, d.amount().amount()).execute();
            }
            if (s.operatorId() != null && s.stationId() != null) {
                rollups.add(s, bill, day);
            }
        }
        return updated == 1;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean chargeIdle(long orderId, Bill bill, Instant pluggedOutAt, Instant now) {
        var before = db.select(IDLE_FEE, TOTAL, PAYABLE).from(ORDER).where(LONG_ID.eq(orderId)).forUpdate().fetchOne();
        int updated = db.update(ORDER).set(IDLE_MINUTES, bill.idleFee().billedMinutes())
                .set(IDLE_TOTAL, bill.idleFee().idleMinutes()).set(IDLE_FEE, bill.idleFee().amount().amount())
                .set(TOTAL, bill.total().amount()).set(PAYABLE, bill.payable().amount())
                .set(FLAGS, bill.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .set(PLUGGED_OUT, pluggedOutAt).setNull(IDLE_FROM).set(UPDATED_AT, now)
                .where(LONG_ID.eq(orderId)).and(STATE.eq(OrderState.FINISHED.name())).and(IDLE_FROM.isNotNull()).execute();
        if (updated == 1 && before != null) {
            BigDecimal added = bill.idleFee().amount().amount().subtract(before.value1() == null ? BigDecimal.ZERO : before.value1());
            if (added.signum() != 0) {
                rollups.idleFee(orderId, added);
            }
        }
        return updated == 1;
    }

    @Override
    public List<Order> awaitingPlugOut(String chargerId, int connectorId) {
        return db.select(COLUMNS).from(ORDER).where(CHARGER_ID.eq(chargerId)).and(CONNECTOR_ID.eq(connectorId))
                .and(IDLE_FROM.isNotNull()).and(STATE.eq(OrderState.FINISHED.name())).orderBy(IDLE_FROM)
                .fetch(this::toOrder);
    }

    @Override
    public List<Order> awaitingPlugOutDue(Instant waitedSince, int limit) {
        Table<Record> connector = DSL.table(DSL.name("connector"));
        var available = DSL.exists(DSL.selectOne().from(connector)
                .where(col(connector, CHARGER_ID).eq(col(ORDER, CHARGER_ID)))
                .and(col(connector, CONNECTOR_ID).eq(col(ORDER, CONNECTOR_ID)))
                .and(col(connector, str("status")).eq("AVAILABLE")));
        List<Long> ids = db.select(col(ORDER, LONG_ID)).from(ORDER).where(col(ORDER, IDLE_FROM).isNotNull())
                .and(col(ORDER, STATE).eq(OrderState.FINISHED.name()))
                .and(col(ORDER, IDLE_FROM).lt(waitedSince).or(available))
                .orderBy(col(ORDER, IDLE_FROM)).limit(limit).fetch(org.jooq.Record1::value1);
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    public boolean abnormal(long orderId, ChargingSession s, String reason, Instant now) {
        return db.update(ORDER).set(STATE, OrderState.ABNORMAL.name()).set(STOPPED_AT, s.stoppedAt())
                .set(ENERGY, s.energyWh()).set(ABNORMAL, reason.length() > 300 ? reason.substring(0, 300) : reason)
                .set(UPDATED_AT, now).where(LONG_ID.eq(orderId)).and(STATE.eq(OrderState.CHARGING.name())).execute() == 1;
    }

    @Override
    public boolean addFlag(long orderId, BillFlag flag, Instant now) {
        var row = db.select(FLAGS, STATE).from(ORDER).where(LONG_ID.eq(orderId)).fetchOne();
        if (row == null || OrderState.CHARGING.name().equals(row.value2()) || OrderState.ABNORMAL.name().equals(row.value2())) {
            return false;
        }
        java.util.Set<BillFlag> flags = java.util.EnumSet.noneOf(BillFlag.class);
        flags.addAll(flags(row.value1()));
        flags.add(flag);
        String text = flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return db.update(ORDER).set(FLAGS, text).set(UPDATED_AT, now).where(LONG_ID.eq(orderId)).execute() == 1;
    }

    @Override
    public void lock(long orderId) {
        db.select(LONG_ID).from(ORDER).where(LONG_ID.eq(orderId)).forUpdate().fetch();
    }

    @Override
    public boolean settled(long orderId, Instant now) {
        return db.update(ORDER).set(STATE, OrderState.SETTLED.name()).set(SETTLED_AT, now).set(UPDATED_AT, now)
                .where(LONG_ID.eq(orderId)).and(STATE.eq(OrderState.FINISHED.name())).execute() == 1;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public void recordRefund(long orderId, String key, BigDecimal amount, String reason, String actor, Instant now) {
        int inserted = db.insertInto(REFUND).set(ORDER_ID, orderId).set(KEY, key).set(AMOUNT, amount).set(REASON, reason)
                .set(ACTOR, actor).set(CREATED_AT, now).onConflict(key(REFUND, "order_id", "idempotency_key")).doNothing()
                .execute();
        if (inserted == 1) {
            rollups.refund(orderId, amount);
            Field<BigDecimal> after = REFUNDED.plus(amount);
            db.update(ORDER).set(REFUNDED, after)
                    .set(STATE, DSL.when(after.ge(PAYABLE), OrderState.REFUNDED.name()).otherwise(OrderState.SETTLED.name()))
                    .set(UPDATED_AT, now).where(LONG_ID.eq(orderId)).execute();
        }
    }

    @Override
    public List<Long> stranded(Instant before, int limit) {
        return db.select(col(ORDER, LONG_ID)).from(ORDER).join(SESSION).on(col(SESSION, INT_ID).eq(col(ORDER, SESSION_ID)))
                .where(col(ORDER, STATE).eq(OrderState.CHARGING.name())).and(col(SESSION, str("state")).eq("COMPLETED"))
                .and(col(SESSION, time("stopped_at")).lt(before)).limit(limit).fetch(org.jooq.Record1::value1);
    }

    @Override
    public Page<Order> list(TenantScope scope, OrderFilter f, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID);
        if (f.stationId() != null) where = where.and(STATION_ID.eq(f.stationId()));
        if (f.chargerId() != null) where = where.and(CHARGER_ID.eq(f.chargerId()));
        if (f.driverId() != null) where = where.and(DRIVER_ID.eq(f.driverId()));
        if (f.state() != null) where = where.and(STATE.eq(f.state().name()));
        if (f.from() != null) where = where.and(STARTED_AT.ge(f.from()));
        if (f.to() != null) where = where.and(STARTED_AT.lt(f.to()));
        long total = db.fetchCount(ORDER, where);
        return new Page<>(db.select(COLUMNS).from(ORDER).where(where).orderBy(STARTED_AT.desc(), LONG_ID.desc())
                .limit(page.size()).offset(page.offset()).fetch(this::toOrder), page.page(), page.size(), total);
    }

    private Order toOrder(Record r) {
        Currency currency = Currency.getInstance(r.get(CURRENCY));
        Bill bill = r.get(TARIFF_ID) == null ? null : new Bill(currency, r.get(TARIFF_ID), r.get(TARIFF_VERSION),
                lines(r.get(LONG_ID), currency),
                new IdleCharge(Math.max(r.get(IDLE_MINUTES), r.get(IDLE_TOTAL) == null ? 0 : r.get(IDLE_TOTAL)),
                        r.get(IDLE_MINUTES), money(r.get(IDLE_FEE), currency), false),
                money(r.get(SESSION_FEE), currency), discounts(r.get(LONG_ID), r.get(DISCOUNT), currency), flags(r.get(FLAGS)));
        return new Order(r.get(LONG_ID), r.get(SESSION_ID), r.get(OPERATOR_ID), r.get(STATION_ID), r.get(CHARGER_ID),
                r.get(CONNECTOR_ID), r.get(ID_TAG), r.get(DRIVER_ID), OrderState.valueOf(r.get(STATE)), currency,
                r.get(STARTED_AT), r.get(STOPPED_AT), r.get(ENERGY), bill, money(r.get(REFUNDED), currency), r.get(ABNORMAL),
                r.get(POINTS), r.get(CARBON) == null ? null : r.get(CARBON).setScale(3, java.math.RoundingMode.HALF_UP),
                r.get(CREATED_AT), r.get(SETTLED_AT), r.get(IDLE_FROM), r.get(PLUGGED_OUT));
    }

    private List<BillLine> lines(long orderId, Currency currency) {
        return db.select(LINE_COLUMNS).from(LINE).where(ORDER_ID.eq(orderId)).fetch(r -> new BillLine(
                Band.valueOf(r.get(BAND)), r.get(ENERGY), r.get(E_PRICE).setScale(5, java.math.RoundingMode.UNNECESSARY),
                r.get(S_PRICE).setScale(5, java.math.RoundingMode.UNNECESSARY), money(r.get(ELECTRICITY), currency),
                money(r.get(SERVICE), currency))).stream().sorted(java.util.Comparator.comparing(BillLine::band)).toList();
    }

    /** The order's discount lines as applied (membership, then coupon); {@code total} is their stored sum. */
    private List<Discount> discounts(long orderId, BigDecimal total, Currency currency) {
        if (total == null || total.signum() == 0) return List.of();
        return db.select(SOURCE, REFERENCE, AMOUNT).from(DISCOUNT_LINE).where(ORDER_ID.eq(orderId)).orderBy(LINE_NO)
                .fetch(r -> new Discount(Discount.Source.valueOf(r.get(SOURCE)), r.get(REFERENCE),
                        money(r.get(AMOUNT), currency)));
    }

    private static java.util.Set<BillFlag> flags(String text) {
        if (text == null || text.isEmpty()) return EnumSet.noneOf(BillFlag.class);
        return Arrays.stream(text.split(",")).map(BillFlag::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(BillFlag.class)));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount, currency, java.math.RoundingMode.UNNECESSARY);
    }
}
