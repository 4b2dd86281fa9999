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
    private static final List<Field<?>> COLUMNS = List.of(OPERATOR_ID, STATION_ID, DAY, CURRENCY, SESSIONS, ENERGY, SHARP,
            PEAK, FLAT, VALLEY, ELECTRICITY, SERVICE, IDLE, SESSION_FEE, DISCOUNT, REFUNDED, SECONDS);

    private final DSLContext db;

    public DailyRollups(DSLContext db) {
        this.db = db;
    }

    void add(ChargingSession s, Bill bill, LocalDate day) {
        long seconds = s.stoppedAt() == null ? 0 : Math.max(0, Duration.between(s.startedAt(), s.stoppedAt()).toSeconds());
        long[] bands = new long[Band.values().length];
        bill.lines().forEach(l -> bands[l.band().ordinal()] += l.energyWh());
        db.insertInto(DAILY).set(OPERATOR_ID, s.operatorId()).set(STATION_ID, s.stationId()).set(DAY, day)
                .set(CURRENCY, bill.currency().getCurrencyCode()).set(SESSIONS, 1L).set(ENERGY, bill.energyWh())
                .set(SHARP, bands[Band.SHARP.ordinal()]).set(PEAK, bands[Band.PEAK.ordinal()])
                .set(FLAT, bands[Band.FLAT.ordinal()]).set(VALLEY, bands[Band.VALLEY.ordinal()])
                .set(ELECTRICITY, bill.electricityTotal().amount()).set(SERVICE, bill.serviceTotal().amount())
                .set(IDLE, bill.idleFee().amount().amount()).set(SESSION_FEE, bill.sessionFee().amount())
                .set(DISCOUNT, bill.serviceDiscount().amount()).set(REFUNDED, BigDecimal.ZERO).set(SECONDS, seconds)
                .onConflict(key(DAILY, "operator_id", "station_id", "report_day")).doUpdate()
                .set(SESSIONS, col(DAILY, SESSIONS).plus(1L)).set(ENERGY, col(DAILY, ENERGY).plus(bill.energyWh()))
                .set(SHARP, col(DAILY, SHARP).plus(bands[Band.SHARP.ordinal()])).set(PEAK, col(DAILY, PEAK).plus(bands[Band.PEAK.ordinal()]))
                .set(FLAT, col(DAILY, FLAT).plus(bands[Band.FLAT.ordinal()])).set(VALLEY, col(DAILY, VALLEY).plus(bands[Band.VALLEY.ordinal()]))
                .set(ELECTRICITY, col(DAILY, ELECTRICITY).plus(bill.electricityTotal().amount()))
                .set(SERVICE, col(DAILY, SERVICE).plus(bill.serviceTotal().amount()))
                .set(IDLE, col(DAILY, IDLE).plus(bill.idleFee().amount().amount())).set(SESSION_FEE, col(DAILY, SESSION_FEE).plus(bill.sessionFee().amount()))
                .set(DISCOUNT, col(DAILY, DISCOUNT).plus(bill.serviceDiscount().amount())).set(SECONDS, col(DAILY, SECONDS).plus(seconds))
                .execute();
    }

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
    }

    /** Station-days in scope within [from, to], oldest first. */
    public List<Day> days(TenantScope scope, Long stationId, LocalDate from, LocalDate to) {
        Condition where = scoped(scope, OPERATOR_ID, STATION_ID).and(DAY.between(from, to));
        if (stationId != null) where = where.and(STATION_ID.eq(stationId));
        return db.select(COLUMNS).from(DAILY).where(where).orderBy(DAY, OPERATOR_ID, STATION_ID).fetch(r -> new Day(
                r.get(OPERATOR_ID), r.get(STATION_ID), r.get(DAY), r.get(CURRENCY), r.get(SESSIONS), r.get(ENERGY),
                r.get(SHARP), r.get(PEAK), r.get(FLAT), r.get(VALLEY), scale(r.get(ELECTRICITY)), scale(r.get(SERVICE)),
                scale(r.get(IDLE)), scale(r.get(SESSION_FEE)), scale(r.get(DISCOUNT)), scale(r.get(REFUNDED)), r.get(SECONDS)));
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
