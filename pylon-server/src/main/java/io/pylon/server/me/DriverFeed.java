package io.pylon.server.me;

import io.pylon.domain.driver.Driver;
import io.pylon.domain.event.DomainEvent;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.payment.CallbackOutcome;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.bus.LocalEventBus;
import io.pylon.server.live.LiveHub;
import io.pylon.server.live.LiveHub.DriverKey;
import io.pylon.server.live.LiveHub.Named;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.persistence.JooqPayments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What a driver hears on {@code GET /api/v1/me/events}, sent through the staff feed's {@link LiveHub} (its sender
 * thread, time-out and shutdown): {@code session} ({@link LiveSessionView}) for each of the driver's running sessions
 * every {@code pylon.live.driver-interval}, at once when one of their sessions starts or stops, and for a stopped
 * session whenever its order changes (billed, paid, awaiting plug-out) until the order is final; {@code payment}
 * ({@link MeWalletController.MyPaymentView}) when a provider's callback settles one of their top-ups. Only the
 * driver's own sessions and payments, found by the driver of the order or payment, ever reach their stream.
 */
@Component
public class DriverFeed {

    /** Order states after which nothing about the session changes for the driver. */
    static final Set<OrderState> FINAL = EnumSet.of(OrderState.SETTLED, OrderState.REFUNDED, OrderState.ABNORMAL);

    private final LiveHub hub;
    private final DriverSessions sessions;
    private final LiveSessions live;
    private final JooqDrivers drivers;
    private final OrderRepository orders;
    private final JooqPayments payments;
    /** Per listening driver, the sessions followed until their order is final, with what was last sent of each. */
    private final Map<DriverKey, Map<Long, String>> followed = new ConcurrentHashMap<>();

    public DriverFeed(LiveHub hub, DriverSessions sessions, LiveSessions live, JooqDrivers drivers, OrderRepository orders,
                      JooqPayments payments, LocalEventBus bus) {
        this.hub = hub;
        this.sessions = sessions;
        this.live = live;
        this.drivers = drivers;
        this.orders = orders;
        this.payments = payments;
        bus.subscribe(this::sessionChanged);
    }

    /**
     * Opens the driver's stream, following besides their running sessions those of {@code follow} that are theirs
     * (others' ids are ignored, as if missing); sends the running and followed sessions at once.
     */
    public SseEmitter open(Driver driver, Collection<Long> follow, Duration timeout) {
        DriverKey key = key(driver);
        Map<Long, String> mine = followed.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        for (long id : follow) {
            if (sessions.own(driver, id).isPresent()) mine.putIfAbsent(id, "");
        }
        return hub.openDriver(key, timeout, () -> events(key, true));
    }

    @Scheduled(fixedDelayString = "${pylon.live.driver-interval:2s}")
    void tick() {
        Set<DriverKey> listening = hub.listeningDrivers();
        followed.keySet().retainAll(listening);
        for (DriverKey key : listening) hub.toDriver(key, () -> events(key, false));
    }

    /**
     * A session started or stopped: its driver, if listening, hears of it now rather than at the next tick. The bus
     * thread only hands it over; the order is read on the hub's sender thread.
     */
    private void sessionChanged(DomainEvent event) {
        long sessionId = switch (event) {
            case DomainEvent.SessionStarted s -> s.sessionId();
            case DomainEvent.SessionStopped s -> s.sessionId();
            default -> -1;
        };
        if (sessionId < 0 || hub.listeningDrivers().isEmpty()) return;
        hub.onSender(() -> orders.bySession(sessionId).filter(o -> o.driverId() != null && o.operatorId() != null)
                .map(o -> new DriverKey(o.operatorId(), o.driverId()))
                .filter(key -> hub.listeningDrivers().contains(key))
                .ifPresent(key -> {
                    followed.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).putIfAbsent(sessionId, "");
                    hub.toDriver(key, () -> events(key, false));
                }));
    }

    /** A provider's callback settled a top-up: its driver sees the result (and, by it, their new balance). */
    @EventListener
    public void paymentSettled(CallbackOutcome outcome) {
        long paymentId = switch (outcome) {
            case CallbackOutcome.Credited c -> c.paymentId();
            case CallbackOutcome.Failed f -> f.paymentId();
            case CallbackOutcome.Rejected r -> -1;
        };
        if (paymentId < 0) return;
        payments.find(paymentId).filter(p -> hub.listeningDrivers().contains(new DriverKey(p.operatorId(), p.driverId())))
                .ifPresent(p -> hub.toDriver(new DriverKey(p.operatorId(), p.driverId()), () -> payments.find(paymentId)
                        .map(now -> List.of(new Named("payment", MeWalletController.MyPaymentView.of(now, Map.of()))))
                        .orElse(List.of())));
    }

    /**
     * The driver's running sessions, and their followed sessions that changed since last sent ({@code all}: whether
     * changed or not). Runs on the hub's sender thread only.
     */
    List<Named> events(DriverKey key, boolean all) {
        Driver driver = drivers.find(TenantScope.operator(key.operatorId()), key.driverId()).orElse(null);
        if (driver == null) return List.of();
        Map<Long, String> mine = followed.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        List<Named> out = new ArrayList<>();
        Set<Long> running = new HashSet<>();
        for (DriverSessions.Owned owned : sessions.active(driver)) {
            LiveSessionView view = live.view(owned);
            out.add(new Named("session", view));
            running.add(view.sessionId());
            mine.put(view.sessionId(), signature(view)); // followed on: its stop is sent even if the event is missed
        }
        for (long id : List.copyOf(mine.keySet())) {
            if (running.contains(id)) continue;
            var owned = sessions.own(driver, id);
            if (owned.isEmpty()) {
                mine.remove(id);
                continue;
            }
            LiveSessionView view = live.view(owned.get());
            String signature = signature(view);
            if (all || !signature.equals(mine.get(id))) out.add(new Named("session", view));
            if (view.orderState() != null && FINAL.contains(view.orderState())) mine.remove(id);
            else mine.put(id, signature);
        }
        return out;
    }

    /** What, of a stopped session, the driver waits to see change. */
    private static String signature(LiveSessionView v) {
        return v.state() + "|" + v.orderState() + "|" + v.payable() + "|" + v.awaitingPlugOutSince();
    }

    private static DriverKey key(Driver driver) {
        return new DriverKey(driver.operatorId(), driver.id());
    }
}
