package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Daily figures per station ({@code report_daily}), incremented in the transaction that bills or refunds an
 * order, so they always agree with the orders. Reports read these rows, never the orders themselves.
 */
@Repository
public class DailyRollups {

    /** One station-day. Amounts in the operator's currency. */
    public record Day(long operatorId, long stationId, LocalDate day, String currency, long sessions, long energyWh,
                      long sharpWh, long peakWh, long flatWh, long valleyWh, BigDecimal electricity, BigDecimal service,
                      BigDecimal idleFee, BigDecimal sessionFee, BigDecimal discount, BigDecimal refunded,
                      long chargingSeconds) {}

    static final Table<Record> DAILY = DSL.table(DSL.name("report_daily"));
    private static final Field<LocalDate> DAY = DSL.field(DSL.name("report_day"), SQLDataType.LOCALDATE);
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<Long> SESSIONS = bigint("sessions");
    private static final Field<Long> ENERGY = bigint("energy_wh");
    private static final Field<Long> SHARP = bigint("sharp_wh");
    private static final Field<Long> PEAK = bigint("peak_wh");
    private static final Field<Long> FLAT = bigint("flat_wh");
    private static final Field<Long> VALLEY = bigint("valley_wh");
    private static final Field<BigDecimal> ELECTRICITY = decimal("electricity_amount");
    private static final Field<BigDecimal> SERVICE = decimal("service_amount");
    private static final Field<BigDecimal> IDLE = decimal("idle_fee");
    private static final Field<BigDecimal> SESSION_FEE = decimal("session_fee");
    private static final Field<BigDecimal> DISCOUNT = decimal("discount");
    private static final Field<BigDecimal> REFUNDED = decimal("refunded");
    private static final Field<Long> SECONDS = bigint("charging_seconds");

    private final DSLContext db;

    private final RacingInserts racing;

    public DailyRollups(DSLContext db, RacingInserts racing) {
        this.db = db;
        this.racing = racing;
    }

    /** The same figures per station and calendar month (first day of the month), kept with the days. */
    static final Table<Record> MONTHLY = DSL.table(DSL.name("report_monthly"));
    private static final Field<LocalDate> MONTH = DSL.field(DSL.name("report_month"), SQLDataType.LOCALDATE);

    void add(ChargingSession s, Bill bill, LocalDate day) {
        increment(DAILY, DAY, day, s, bill);
        increment(MONTHLY, MONTH, day.withDayOfMonth(1), s, bill);
    }

    private void increment(Table<Record> table, Field<LocalDate> periodField, LocalDate period, ChargingSession s, Bill bill) {
        long seconds = s.stoppedAt() == null ? 0 : Math.max(0, Duration.between(s.startedAt(), s.stoppedAt()).toSeconds());
        long[] bands = new long[Band.values().length];
        bill.lines().forEach(l -> bands[l.band().ordinal()] += l.energyWh());
        racing.run(() -> db.insertInto(table).set(OPERATOR_ID, s.operatorId()).set(STATION_ID, s.stationId()).set(periodField, period)
                .set(CURRENCY, bill.currency().getCurrencyCode()).set(SESSIONS, 1L).set(ENERGY, bill.energyWh())
                .set(SHARP, bands[Band.SHARP.ordinal()]).set(PEAK, bands[Band.PEAK.ordinal()])
                .set(FLAT, bands[Band.FLAT.ordinal()]).set(VALLEY, bands[Band.VALLEY.ordinal()])
                .set(ELECTRICITY, bill.electricityTotal().amount()).set(SERVICE, bill.serviceTotal().amount())
                .set(IDLE, bill.idleFee().amount().amount()).set(SESSION_FEE, bill.sessionFee().amount())
                .set(DISCOUNT, bill.serviceDiscount().amount()).set(REFUNDED, BigDecimal.ZERO).set(SECONDS, seconds)
                .onConflict(key(table, "operator_id", "station_id", periodField.getName())).doUpdate()
                .set(SESSIONS, col(table, SESSIONS).plus(1L)).set(ENERGY, col(table, ENERGY).plus(bill.energyWh()))
                .set(SHARP, col(table, SHARP).plus(bands[Band.SHARP.ordinal()])).set(PEAK, col(table, PEAK).plus(bands[Band.PEAK.ordinal()]))
                .set(FLAT, col(table, FLAT).plus(bands[Band.FLAT.ordinal()])).set(VALLEY, col(table, VALLEY).plus(bands[Band.VALLEY.ordinal()]))
                .set(ELECTRICITY, col(table, ELECTRICITY).plus(bill.electricityTotal().amount()))
                .set(SERVICE, col(table, SERVICE).plus(bill.serviceTotal().amount()))
                .set(IDLE, col(table, IDLE).plus(bill.idleFee().amount().amount())).set(SESSION_FEE, col(table, SESSION_FEE).plus(bill.sessionFee().amount()))
                .set(DISCOUNT, col(table, DISCOUNT).plus(bill.serviceDiscount().amount())).set(SECONDS, col(table, SECONDS).plus(seconds))
                .execute());
    }

    static final Table<Record> FAULT_DAILY = DSL.table(DSL.name("report_fault_daily"));
    private static final Field<Long> FAULTS = bigint("faults");

    /** A connector of the charger reported Faulted at {@code at}: one more fault on its station's local day. */
    void fault(String chargerId, java.time.Instant at) {
        var c = db.select(col(CHARGER, OPERATOR_ID), col(CHARGER, STATION_ID), col(STATION, str("time_zone"))).from(CHARGER)
                .join(STATION).on(col(STATION, LONG_ID).eq(col(CHARGER, STATION_ID))).where(col(CHARGER, ID).eq(chargerId))
                .and(col(CHARGER, OPERATOR_ID).isNotNull()).fetchOne();
        if (c == null) return; // not placed at a station: no station to count it for
        LocalDate day = at.atZone(java.time.ZoneId.of(c.value3())).toLocalDate();
        racing.run(() -> db.insertInto(FAULT_DAILY).set(OPERATOR_ID, c.value1()).set(STATION_ID, c.value2()).set(DAY, day)
                .set(FAULTS, 1L).onConflict(key(FAULT_DAILY, "operator_id", "station_id", "report_day")).doUpdate()
                .set(FAULTS, col(FAULT_DAILY, FAULTS).plus(1L)).execute());
    }

    /**
     * Fault counts in scope within [from, to] summed per period (day, or month as its first day) and per station, or
     * per operator ({@code stationId} 0) when {@code perStation} is false; summed in the database like {@link #totals}.
     */
    public List<Fault> faults(TenantScope scope, Long stationId, LocalDate from, LocalDate to, boolean monthly,
                              boolean perStation) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID).and(DAY.between(from, to));
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        Field<Integer> year = DSL.year(DAY);
        Field<Integer> month = DSL.month(DAY);
        List<Field<?>> keys = new java.util.ArrayList<>(List.of(OPERATOR_ID));
        if (perStation) keys.add(STATION_ID);
        if (monthly) {
            keys.add(year);
            keys.add(month);
        } else {
            keys.add(DAY);
        }
        List<Field<?>> select = new java.util.ArrayList<>(keys.stream()
                .map(k -> k == year ? year.as("period_year") : k == month ? month.as("period_month") : k).toList());
        select.add(DSL.sum(FAULTS).as("faults"));
        return db.select(select).from(FAULT_DAILY).where(where).groupBy(keys).fetch(r -> new Fault(r.get(OPERATOR_ID),
                perStation ? r.get(STATION_ID) : 0L,
                monthly ? LocalDate.of(r.get("period_year", Integer.class), r.get("period_month", Integer.class), 1) : r.get(DAY),
                r.get("faults", BigDecimal.class).longValueExact()));
    }

    /** Faulted reports of one station (0: all of the operator's) in one period (a date, or a month's first day). */
    public record Fault(long operatorId, long stationId, LocalDate day, long faults) {}

    /** A refund counts on the day of the order it refunds. */
    void refund(long orderId, BigDecimal amount) {
        addToDayOf(orderId, REFUNDED, amount);
    }

    /** An idle fee known after the order was billed (the vehicle left later) counts on the order's day too. */
    void idleFee(long orderId, BigDecimal amount) {
        addToDayOf(orderId, IDLE, amount);
    }

    private void addToDayOf(long orderId, Field<BigDecimal> field, BigDecimal amount) {
        Table<Record> order = DSL.table(DSL.name("charging_order"));
        var o = db.select(OPERATOR_ID, STATION_ID, time("started_at")).from(order).where(LONG_ID.eq(orderId)).fetchOne();
        if (o == null || o.value1() == null || o.value2() == null) return;
        String zone = db.select(str("time_zone")).from(STATION).where(LONG_ID.eq(o.value2())).fetchOne(org.jooq.Record1::value1);
        LocalDate day = o.value3().atZone(java.time.ZoneId.of(zone)).toLocalDate();
        db.update(DAILY).set(field, col(DAILY, field).plus(amount)).where(OPERATOR_ID.eq(o.value1())).and(STATION_ID.eq(o.value2()))
                .and(DAY.eq(day)).execute();
        db.update(MONTHLY).set(field, col(MONTHLY, field).plus(amount)).where(OPERATOR_ID.eq(o.value1()))
                .and(STATION_ID.eq(o.value2())).and(MONTH.eq(day.withDayOfMonth(1))).execute();
    }

    /**
     * The station-days in scope within [from, to] summed per period (a day, or a calendar month whose {@code day} is
     * its first day) and per station, or per operator ({@code stationId} null) when {@code perStation} is false.
     * Summed in the database, so a year of a large network travels as a few thousand rows.
     */
    public List<Day> totals(TenantScope scope, Long stationId, LocalDate from, LocalDate to, boolean monthly,
                            boolean perStation) {
        if (!monthly) return sums(DAILY, DAY, scope, stationId, from, to, false, perStation);
        // whole months from report_monthly, the days of a month cut by from or to from report_daily
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
        LocalDate lastWhole = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to : to.withDayOfMonth(1).minusDays(1);
        if (firstWhole.isAfter(lastWhole)) return sums(DAILY, DAY, scope, stationId, from, to, true, perStation);
        List<Day> parts = new java.util.ArrayList<>(sums(MONTHLY, MONTH, scope, stationId, firstWhole, lastWhole.withDayOfMonth(1),
                true, perStation));
        if (from.isBefore(firstWhole)) parts.addAll(sums(DAILY, DAY, scope, stationId, from, firstWhole.minusDays(1), true, perStation));
        if (to.isAfter(lastWhole)) parts.addAll(sums(DAILY, DAY, scope, stationId, lastWhole.plusDays(1), to, true, perStation));
        return parts; // the edge months and the whole months never share a period
    }

    private List<Day> sums(Table<Record> table, Field<LocalDate> dayField, TenantScope scope, Long stationId, LocalDate from,
                           LocalDate to, boolean monthly, boolean perStation) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID).and(dayField.between(from, to));
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        Field<Integer> year = DSL.year(dayField);
        Field<Integer> month = DSL.month(dayField);
        List<Field<?>> keys = new java.util.ArrayList<>(List.of(OPERATOR_ID, CURRENCY));
        if (perStation) keys.add(STATION_ID);
        if (monthly) {
            keys.add(year);
            keys.add(month);
        } else {
            keys.add(dayField);
        }
        List<Field<?>> select = new java.util.ArrayList<>(keys.stream()
                .map(k -> k == year ? year.as("period_year") : k == month ? month.as("period_month") : k).toList());
        List<Field<?>> sums = List.of(SESSIONS, ENERGY, SHARP, PEAK, FLAT, VALLEY, ELECTRICITY, SERVICE, IDLE, SESSION_FEE,
                DISCOUNT, REFUNDED, SECONDS);
        // a station's day (or month, read from the months) is one row already: summing it would only cost a sort
        boolean raw = perStation && (!monthly || table == MONTHLY);
        for (Field<?> f : sums) select.add(raw ? f.coerce(BigDecimal.class).as(f.getName()) : DSL.sum(f.coerce(BigDecimal.class)).as(f.getName()));
        var query = db.select(select).from(table).where(where);
        return (raw ? query : query.groupBy(keys)).fetch(r -> {
            LocalDate period = monthly ? LocalDate.of(r.get("period_year", Integer.class), r.get("period_month", Integer.class), 1) : r.get(dayField);
            return new Day(r.get(OPERATOR_ID), perStation ? r.get(STATION_ID) : 0L, period, r.get(CURRENCY),
                    whole(r, SESSIONS), whole(r, ENERGY), whole(r, SHARP), whole(r, PEAK), whole(r, FLAT), whole(r, VALLEY),
                    amount(r, ELECTRICITY), amount(r, SERVICE), amount(r, IDLE), amount(r, SESSION_FEE), amount(r, DISCOUNT),
                    amount(r, REFUNDED), whole(r, SECONDS));
        });
    }

    private static long whole(Record r, Field<?> f) {
        return r.get(f.getName(), BigDecimal.class).longValueExact();
    }

    private static BigDecimal amount(Record r, Field<?> f) {
        return scale(r.get(f.getName(), BigDecimal.class));
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
