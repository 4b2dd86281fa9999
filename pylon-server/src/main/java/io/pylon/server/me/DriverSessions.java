package io.pylon.server.me;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderFilter;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionRepository;
import io.pylon.domain.session.SessionState;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A driver's sessions, whatever started them (app, card or VIN): a session is the driver's when its order names
 * them, as the order was opened at start with the driver of the token that started it.
 */
@Component
public class DriverSessions {

    /** A session with its order. */
    public record Owned(ChargingSession session, Order order) {}

    /** More sessions than one driver runs at once. */
    private static final int MAX_ACTIVE = 20;

    private final OrderRepository orders;
    private final SessionRepository sessions;

    public DriverSessions(OrderRepository orders, SessionRepository sessions) {
        this.orders = orders;
        this.sessions = sessions;
    }

    /** The driver's sessions still running, newest first. */
    public List<Owned> active(Driver driver) {
        var charging = orders.list(Me.scope(driver), new OrderFilter(null, null, driver.id(), OrderState.CHARGING, null, null),
                new PageRequest(0, MAX_ACTIVE));
        return charging.items().stream()
                .flatMap(o -> sessions.find(o.sessionId()).filter(s -> s.state() == SessionState.ACTIVE)
                        .map(s -> new Owned(s, o)).stream())
                .toList();
    }

    /** The session if it is the driver's; another driver's session is as missing as one that does not exist. */
    public Optional<Owned> own(Driver driver, long sessionId) {
        return orders.bySession(sessionId)
                .filter(o -> Long.valueOf(driver.id()).equals(o.driverId()) && Long.valueOf(driver.operatorId()).equals(o.operatorId()))
                .flatMap(o -> sessions.find(sessionId).map(s -> new Owned(s, o)));
    }
}
