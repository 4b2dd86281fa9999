package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.billing.EnergyPoint;
import io.pylon.domain.billing.OfflineBillingMode;
import io.pylon.domain.billing.SessionUsage;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.order.IdleWindow;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterValueStore;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.TariffRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * What billing needs to know about a session's place: the station's time zone and tariff, the operator's
 * currency and holidays, the charger's offline billing mode; and the session's energy register readings.
 */
@Component
public class JooqBillingContexts implements BillingContext.Source, OrderService.UsageSource {

    /** Most meter readings read to bill one session (a 3-day session sampled every 15 s is ~17,000). */
    static final int MAX_READINGS = 50_000;
    /** Most status reports read for one session's idle window (a flapping connector reports a few hundred). */
    static final int MAX_STATUSES = 2_000;
    private static final Field<String> TIME_ZONE = str("time_zone");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<String> OFFLINE_BILLING = str("offline_billing");

    private final DSLContext db;
    private final TariffRepository tariffs;
    private final MeterValueStore meterValues;
    private final Tenancy tenancy;
    private final ChargerRepository chargers;

    public JooqBillingContexts(DSLContext db, TariffRepository tariffs, MeterValueStore meterValues, Tenancy tenancy,
                               ChargerRepository chargers) {
        this.db = db;
        this.tariffs = tariffs;
        this.meterValues = meterValues;
        this.tenancy = tenancy;
        this.chargers = chargers;
    }

    @Override
    public BillingContext of(String chargerId, Long stationId, Long operatorId) {
        Long operator = operatorId != null ? operatorId : tenancy.defaultOperatorId();
        var op = operator == null ? null : db.select(CURRENCY, TIME_ZONE).from(OPERATOR).where(LONG_ID.eq(operator)).fetchOne();
        Currency currency = op == null ? Currency.getInstance("CNY") : Currency.getInstance(op.value1());
        ZoneId zone = stationId == null ? (op == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(op.value2()))
                : ZoneId.of(db.select(TIME_ZONE).from(STATION).where(LONG_ID.eq(stationId)).fetchOne(org.jooq.Record1::value1));
        String mode = db.select(OFFLINE_BILLING).from(CHARGER).where(ID.eq(chargerId)).fetchOne(org.jooq.Record1::value1);
        HolidayCalendar calendar = operator == null ? HolidayCalendar.ALL_WORKDAYS : tariffs.calendar(operator);
        return new BillingContext(zone, currency, stationId == null ? Optional.empty() : tariffs.forStation(stationId),
                calendar, mode == null ? OfflineBillingMode.ONLINE_BILLING : OfflineBillingMode.valueOf(mode));
    }

    @Override
    public SessionUsage of(ChargingSession s) {
        List<EnergyPoint> points = meterValues.forSession(s.id(), MAX_READINGS).stream().map(MeterReading::sample)
                .map(sample -> {
                    Long wh = sample.energyRegisterWh();
                    return wh == null || sample.timestamp() == null ? null : new EnergyPoint(sample.timestamp(), wh);
                }).filter(Objects::nonNull).toList();
        IdleWindow idle = IdleWindow.of(s, chargers.statusHistorySince(s.chargerId(), s.connectorId(), s.startedAt(),
                MAX_STATUSES));
        return new SessionUsage(s.startedAt(), s.meterStartWh(), s.stoppedAt(), s.meterStopWh(), points,
                idle.chargingFinishedAt(), idle.pluggedOutAt());
    }

    @Override
    public Instant pluggedOutAfter(String chargerId, int connectorId, Instant from) {
        return IdleWindow.pluggedOutAfter(chargers.statusHistorySince(chargerId, connectorId, from, MAX_STATUSES), from);
    }
}
