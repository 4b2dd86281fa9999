package io.pylon.server.me;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.EnergyPoint;
import io.pylon.domain.billing.RunningEstimate;
import io.pylon.domain.billing.SessionUsage;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ConnectorState;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.MeterValueStore;
import io.pylon.domain.session.SessionState;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderState;
import io.pylon.server.persistence.JooqCoupons;
import io.pylon.server.persistence.JooqEquipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A driver's session as it runs: energy, power and state of charge from the latest meter readings, duration,
 * connector status, and the cost so far estimated with the station's tariff ({@link RunningEstimate}). Polled by
 * the app (there is no push stream); a stopped session shows its order's amount instead of an estimate. While the
 * order charges, the coupon chosen for it is shown.
 */
@Component
public class LiveSessions {

    /** Most readings read for one view (a 3-day session sampled every 15 s is ~17,000). */
    static final int MAX_READINGS = 50_000;

    private final MeterValueStore meterValues;
    private final BillingContext.Source contexts;
    private final ChargerRepository chargers;
    private final JooqEquipment equipment;
    private final JooqCoupons coupons;
    private final Clock clock;

    public LiveSessions(MeterValueStore meterValues, BillingContext.Source contexts, ChargerRepository chargers,
                        JooqEquipment equipment, JooqCoupons coupons, Clock clock) {
        this.meterValues = meterValues;
        this.contexts = contexts;
        this.chargers = chargers;
        this.equipment = equipment;
        this.coupons = coupons;
        this.clock = clock;
    }

    public LiveSessionView view(DriverSessions.Owned owned) {
        ChargingSession s = owned.session();
        boolean running = s.state() == SessionState.ACTIVE;
        List<MeterSample> samples = meterValues.forSession(s.id(), MAX_READINGS).stream().map(MeterReading::sample)
                .filter(m -> m.timestamp() != null).toList();
        List<EnergyPoint> energy = samples.stream().map(m -> m.energyRegisterWh() == null ? null
                : new EnergyPoint(m.timestamp(), m.energyRegisterWh())).filter(Objects::nonNull).toList();
        SessionUsage soFar = RunningEstimate.usageSoFar(s.startedAt(), s.meterStartWh(), energy);
        Instant end = running ? clock.instant() : s.stoppedAt();
        long energyWh = running ? soFar.meteredWh() : s.energyWh();
        var connectorStatus = chargers.connectors(s.chargerId()).stream().filter(c -> c.connectorId() == s.connectorId())
                .findFirst().map(ConnectorState::status).orElse(null);
        String code = equipment.specs(s.chargerId()).stream().filter(c -> c.connectorId() == s.connectorId()).findFirst()
                .map(c -> c.code()).orElse(null);
        var order = owned.order();
        return new LiveSessionView(s.id(), order.id(), s.state(), s.authStatus(), s.chargerId(), s.connectorId(), code,
                s.stationId(), connectorStatus, s.startedAt(), s.stoppedAt(),
                Math.max(0, Duration.between(s.startedAt(), end).toSeconds()), s.meterStartWh(), energyWh,
                latest(samples, LiveSessions::powerKw), latest(samples, LiveSessions::socPercent),
                energy.stream().map(EnergyPoint::at).max(Comparator.naturalOrder()).orElse(null),
                running ? estimate(s, soFar) : null, order.state(), order.bill() == null ? null : order.payable(),
                chosenCoupon(order), order.awaitingPlugOut() ? order.idleFrom() : null);
    }

    /** The coupon chosen for a charging order, as the driver sees it now. */
    private MyCoupon chosenCoupon(Order order) {
        if (order.state() != OrderState.CHARGING || order.operatorId() == null) return null;
        return coupons.choice(order.id())
                .flatMap(id -> coupons.coupon(TenantScope.operator(order.operatorId()), id, clock.instant()))
                .map(MyCoupon::of).orElse(null);
    }

    private LiveSessionView.Estimate estimate(ChargingSession s, SessionUsage soFar) {
        BillingContext context = contexts.of(s.chargerId(), s.stationId(), s.operatorId());
        Optional<Bill> bill;
        try {
            bill = context.tariff().flatMap(t -> RunningEstimate.bill(t, context.zone(), context.calendar(), soFar));
        } catch (IllegalArgumentException e) {
            bill = Optional.empty(); // meter data that cannot be billed yet; the stop decides
        }
        return bill.map(b -> LiveSessionView.Estimate.of(b, soFar.stoppedAt())).orElse(null);
    }

    /** The value of the latest sample the reader understands. */
    private static BigDecimal latest(List<MeterSample> samples, Function<MeterSample, BigDecimal> reader) {
        return samples.stream().filter(m -> reader.apply(m) != null).max(Comparator.comparing(MeterSample::timestamp))
                .map(reader).orElse(null);
    }

    /** Active power drawn by the car in kW, from a whole-connector sample in W or kW. */
    static BigDecimal powerKw(MeterSample m) {
        if (!"Power.Active.Import".equals(m.measurand()) || m.phase() != null && !m.phase().isEmpty()) return null;
        BigDecimal value = m.numeric();
        if (value == null) return null;
        BigDecimal kw = "kW".equals(m.unit()) ? value : value.movePointLeft(3);
        return kw.setScale(3, RoundingMode.HALF_UP);
    }

    /** State of charge in percent, if the charger reports it (DC chargers usually do). */
    static BigDecimal socPercent(MeterSample m) {
        return "SoC".equals(m.measurand()) ? m.numeric() : null;
    }
}
