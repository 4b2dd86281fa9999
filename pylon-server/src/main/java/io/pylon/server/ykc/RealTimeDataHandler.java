package io.pylon.server.ykc;

import io.pylon.domain.billing.BillFlag;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.SessionService;
import io.pylon.ykc.message.RealTimeData;
import io.pylon.ykc.message.YkcMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 0x13 real-time data: the gun's status becomes a connector status when it changes (idle with a vehicle
 * plugged = Preparing); while a session runs, its energy (Wh since the start, the session's register), voltage,
 * current and SoC become meter samples of that session. Two idle reports during a session mean the pile lost it:
 * the session is closed with the energy last reported and its order flagged {@link BillFlag#CHARGER_REPORTED_IDLE}.
 * In a parallel (two-gun) session only the leading gun's reports are the session's; the other gun's give its status.
 */
@Component("ykcRealTimeDataHandler")
public class RealTimeDataHandler implements YkcHandler {

    private static final Logger log = LoggerFactory.getLogger(RealTimeDataHandler.class);
    static final int IDLE_REPORTS_TO_ABANDON = 2;
    static final String IDLE_DURING_SESSION = "IdleDuringSession";

    private final ChargerService chargers;
    private final SessionService sessions;
    private final YkcTransactions transactions;
    private final OrderService orders;
    private final YkcClock clock;

    public RealTimeDataHandler(ChargerService chargers, SessionService sessions, YkcTransactions transactions,
                               OrderService orders, YkcClock clock) {
        this.chargers = chargers;
        this.sessions = sessions;
        this.transactions = transactions;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Set<Integer> types() {
        return Set.of(RealTimeData.REPORT);
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        RealTimeData.Report r = (RealTimeData.Report) message;
        if (!Piles.ours(connection, r.pile(), message.type()) || r.gun() < 1) return;
        Instant now = clock.now();
        YkcConnection.GunState gun = connection.gun(r.gun());
        ConnectorStatus status = status(r);
        if (gun.status == null || gun.status != status.ordinal()) {
            chargers.status(connection.pile(), new StatusReport(r.gun(), status, r.faults() == 0 ? "NoError" : "OtherError",
                    r.faults() == 0 ? null : "YKC fault bits " + Integer.toHexString(r.faults()), null, null, now));
            gun.status = status.ordinal();
        }
        Optional<YkcStore.Transaction> running = transactions.running(connection.pile(), r.transaction());
        if (running.isEmpty() || running.get().connectorId() != r.gun()) {
            gun.idleReportsInSession = 0; // the following gun of a parallel session: the leading gun reports the session
            return;
        }
        long sessionId = running.get().sessionId();
        if (r.charging()) {
            transactions.sessions().charging(r.transaction());
            gun.idleReportsInSession = 0;
            sessions.meterValues(connection.pile(), r.gun(), sessionId, samples(r, now));
        } else if (r.status() == RealTimeData.IDLE && ++gun.idleReportsInSession >= IDLE_REPORTS_TO_ABANDON) {
            gun.idleReportsInSession = 0;
            log.info("Pile {}: gun {} idle during transaction {}; closing its session", connection.pile(), r.gun(), r.transaction());
            transactions.sessions().close(connection.pile(), sessionId, wh(r.energy()), now, IDLE_DURING_SESSION);
            orders.flag(sessionId, BillFlag.CHARGER_REPORTED_IDLE);
        }
    }

    static ConnectorStatus status(RealTimeData.Report r) {
        return switch (r.status()) {
            case RealTimeData.OFFLINE -> ConnectorStatus.UNAVAILABLE;
            case RealTimeData.FAULT -> ConnectorStatus.FAULTED;
            case RealTimeData.CHARGING -> ConnectorStatus.CHARGING;
            default -> r.plugged() ? ConnectorStatus.PREPARING : ConnectorStatus.AVAILABLE;
        };
    }

    static long wh(BigDecimal kwh) {
        return kwh.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static List<MeterSample> samples(RealTimeData.Report r, Instant at) {
        List<MeterSample> samples = new ArrayList<>(6);
        samples.add(sample(at, "Energy.Active.Import.Register", "Wh", Long.toString(wh(r.energy()))));
        samples.add(sample(at, "Voltage", "V", r.voltage().toPlainString()));
        samples.add(sample(at, "Current.Import", "A", r.current().toPlainString()));
        if (r.soc() > 0) samples.add(sample(at, "SoC", "Percent", Integer.toString(r.soc())));
        // The gun's and the battery's hottest point, for the alarm rules (YKC sends them offset by 50; -50 means none).
        if (r.gunTemperature() > -50) samples.add(located(sample(at, "Temperature", "Celsius", Integer.toString(r.gunTemperature())), "Cable"));
        if (r.batteryMaxTemperature() > -50) {
            samples.add(located(sample(at, "Temperature", "Celsius", Integer.toString(r.batteryMaxTemperature())), "EV"));
        }
        return samples;
    }

    private static MeterSample located(MeterSample s, String location) {
        return new MeterSample(s.timestamp(), s.measurand(), s.phase(), s.unit(), s.context(), location, s.format(), s.value());
    }

    private static MeterSample sample(Instant at, String measurand, String unit, String value) {
        return new MeterSample(at, measurand, null, unit, "Sample.Periodic", "Outlet", "Raw", value);
    }
}
