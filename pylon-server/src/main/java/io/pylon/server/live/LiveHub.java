package io.pylon.server.live;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.StatusListener;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.alarm.AlarmView;
import io.pylon.server.persistence.JooqLive;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed behind {@code GET /api/v1/live} and, for drivers, {@code GET /api/v1/me/events} (see
 * {@link #openDriver}; what a driver hears is decided by {@code io.pylon.server.me.DriverFeed}): every listener gets, within its tenant scope, connector status
 * changes as they are stored ({@code connector}), new and changed alarms ({@code alarm}), the running sessions every
 * {@code pylon.live.sessions-interval} ({@code sessions}) and the dashboard figures every
 * {@code pylon.live.counters-interval} ({@code counters}). Sending happens on one thread of its own with a bounded
 * queue, so a slow browser never holds up a charger's messages; a listener whose connection fails is dropped.
 */
@Component
public class LiveHub implements StatusListener, org.springframework.context.SmartLifecycle {

    /** Most running sessions in one {@code sessions} event. */
    public static final int MAX_SESSIONS = 200;
    /** Readings older than this are not read for running sessions. */
    static final Duration READINGS_WINDOW = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** One open stream: who listens and what they may see; {@code driver} is set for a driver's own stream. */
    record Listener(SseEmitter emitter, TenantScope scope, boolean money, DriverKey driver) {
        boolean staff() {
            return driver == null;
        }
    }

    /** A driver listening on the driver app's stream ({@code GET /api/v1/me/events}). */
    public record DriverKey(long operatorId, long driverId) {}

    /** One event of a driver's stream: its SSE name and JSON data. */
    public record Named(String name, Object data) {}

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "pylon-live");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());
    private final Map<String, JooqLive.Owner> owners = new ConcurrentHashMap<>();
    private final JooqLive live;
    private final DashboardQuery dashboard;
    private final Clock clock;

    public LiveHub(JooqLive live, DashboardQuery dashboard, ChargerService chargers, Clock clock) {
        this.live = live;
        this.dashboard = dashboard;
        this.clock = clock;
        chargers.listen(this);
    }

    /** Opens a stream for a listener and sends it the current figures and sessions at once. */
    public SseEmitter open(TenantScope scope, boolean money, Duration timeout) {
        Listener listener = register(new Listener(new SseEmitter(timeout.toMillis()), scope, money, null));
        sender.execute(() -> {
            send(listener, "counters", dashboard.of(scope, money));
            send(listener, "sessions", sessions(scope));
        });
        return listener.emitter();
    }

    /**
     * Opens a driver's own stream on the same sender thread and lifecycle as the staff streams. It carries only what
     * {@link #toDriver} sends to this driver: nothing of the staff events (connectors, alarms, sessions, counters).
     * {@code first} is computed on the sender thread and sent at once.
     */
    public SseEmitter openDriver(DriverKey driver, Duration timeout, java.util.function.Supplier<List<Named>> first) {
        Listener listener = register(new Listener(new SseEmitter(timeout.toMillis()), TenantScope.operator(driver.operatorId()),
                false, driver));
        sender.execute(() -> {
            try {
                comment(listener, "driver stream open"); // answers the request at once, even when nothing runs
                first.get().forEach(e -> send(listener, e.name(), e.data()));
            } catch (RuntimeException e) {
                log.warn("driver stream of {} not started: {}", driver, e.toString());
            }
        });
        return listener.emitter();
    }

    /** The drivers with a stream open now. */
    public Set<DriverKey> listeningDrivers() {
        return listeners.stream().map(Listener::driver).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /**
     * Computes a driver's events on the sender thread and sends them to that driver's open streams only (a driver may
     * have the app open twice); nothing is computed when the driver does not listen.
     */
    public void toDriver(DriverKey driver, java.util.function.Supplier<List<Named>> events) {
        if (listeners.stream().noneMatch(l -> driver.equals(l.driver()))) return;
        sender.execute(() -> {
            List<Named> computed;
            try {
                computed = events.get();
            } catch (RuntimeException e) {
                log.warn("driver events of {} not computed: {}", driver, e.toString());
                return;
            }
            for (Listener l : listeners) {
                if (driver.equals(l.driver())) computed.forEach(e -> send(l, e.name(), e.data()));
            }
        });
    }

    /** Runs a task on the sender thread (the one that computes and sends every event), e.g. a lookup of whom to tell. */
    public void onSender(Runnable task) {
        sender.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("live task failed: {}", e.toString());
            }
        });
    }

    private Listener register(Listener listener) {
        listeners.add(listener);
        listener.emitter().onCompletion(() -> listeners.remove(listener));
        listener.emitter().onTimeout(() -> listeners.remove(listener));
        listener.emitter().onError(e -> listeners.remove(listener));
        return listener;
    }

    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public void status(String chargerId, StatusReport report, Instant at) {
        if (noStaff()) return;
        sender.execute(() -> {
            JooqLive.Owner owner = owners.computeIfAbsent(chargerId, id -> live.owner(id).orElse(new JooqLive.Owner(null, null)));
            var event = new ConnectorEvent(chargerId, report.connectorId(), report.status().name(), report.errorCode(), report.info(),
                    at, owner.operatorId(), owner.stationId());
            fanOut("connector", event, owner.operatorId(), owner.stationId());
        });
    }

    /** Every change of an alarm the engine announces goes to the screens. */
    @org.springframework.context.event.EventListener
    public void alarmChanged(io.pylon.server.alarm.AlarmNotice notice) {
        alarm(notice.alarm());
    }

    /** Pushes a new or changed alarm to the listeners that may see it. */
    public void alarm(AlarmView alarm) {
        if (noStaff()) return;
        sender.execute(() -> fanOut("alarm", alarm, alarm.operatorId(), alarm.stationId()));
    }

    /** Chargers move between stations rarely; their owner is read again after this. */
    @Scheduled(fixedDelayString = "${pylon.live.owner-cache:60s}")
    void forgetOwners() {
        owners.clear();
    }

    @Scheduled(fixedDelayString = "${pylon.live.sessions-interval:2s}")
    void pushSessions() {
        forEachScope(scope -> sessions(scope), "sessions", false);
    }

    @Scheduled(fixedDelayString = "${pylon.live.counters-interval:10s}")
    void pushCounters() {
        forEachScope(scope -> dashboard.of(scope, true), "counters", true);
    }

    /** Computes once per distinct scope (and money visibility) and sends to its listeners, on the sender thread. */
    private void forEachScope(Function<TenantScope, Object> compute, String name, boolean moneyMatters) {
        if (noStaff()) return;
        sender.execute(() -> {
            Map<TenantScope, List<Listener>> byScope = listeners.stream().filter(Listener::staff)
                    .collect(Collectors.groupingBy(Listener::scope));
            byScope.forEach((scope, group) -> {
                try {
                    if (!moneyMatters) {
                        Object event = compute.apply(scope);
                        group.forEach(l -> send(l, name, event));
                    } else {
                        Dashboard full = (Dashboard) compute.apply(scope);
                        group.forEach(l -> send(l, name, l.money() ? full : withoutMoney(full)));
                    }
                } catch (RuntimeException e) {
                    log.warn("live {} for {} not computed: {}", name, scope, e.toString());
                }
            });
        });
    }

    private static Dashboard withoutMoney(Dashboard d) {
        return new Dashboard(d.at(), d.timeZone(), d.today(),
                new Dashboard.DayFigures(d.todayFigures().sessions(), d.todayFigures().energyWh(), null),
                new Dashboard.DayFigures(d.monthFigures().sessions(), d.monthFigures().energyWh(), null),
                d.connectors(), d.runningSessions(), d.openAlarms(), d.trend(), d.topStations());
    }

    SessionsEvent sessions(TenantScope scope) {
        Instant now = clock.instant();
        var running = live.running(scope, MAX_SESSIONS, now.minus(READINGS_WINDOW)).stream()
                .map(s -> new SessionsEvent.LiveSession(s.id(), s.chargerId(), s.connectorId(), s.stationId(), s.idTag(), s.startedAt(),
                        s.energyWh(), s.powerKw(), s.socPercent(), s.lastReadingAt())).toList();
        long count = running.size() < MAX_SESSIONS ? running.size() : live.countRunning(scope);
        return new SessionsEvent(now, count, running);
    }

    private void fanOut(String name, Object event, Long operatorId, Long stationId) {
        for (Listener l : listeners) {
            if (l.staff() && l.scope().includes(operatorId, stationId)) send(l, name, event);
        }
    }

    private boolean noStaff() {
        return listeners.stream().noneMatch(Listener::staff);
    }

    private void comment(Listener listener, String text) {
        try {
            listener.emitter().send(SseEmitter.event().comment(text));
        } catch (IOException | IllegalStateException e) {
            listeners.remove(listener);
            listener.emitter().completeWithError(e);
        }
    }

    private void send(Listener listener, String name, Object event) {
        try {
            listener.emitter().send(SseEmitter.event().name(name).data(event, org.springframework.http.MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            listeners.remove(listener);
            listener.emitter().completeWithError(e);
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown: open streams would otherwise hold it for its whole timeout. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void stop() {
        running = false;
        listeners.forEach(l -> l.emitter().complete());
        listeners.clear();
    }

    @PreDestroy
    void close() {
        stop();
        sender.shutdownNow();
    }
}
