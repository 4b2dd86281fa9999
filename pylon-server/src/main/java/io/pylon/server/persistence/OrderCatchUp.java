package io.pylon.server.persistence;

import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.session.SessionRepository;
import io.pylon.server.config.BillingProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bills orders that a stop left open: a session's stop is stored before its bill, so a node that dies in
 * between (or a bill that failed) leaves a CHARGING order behind a COMPLETED session. Billing is idempotent,
 * so running this on several nodes at once bills each order once.
 */
@Component
public class OrderCatchUp {

    private static final Logger log = LoggerFactory.getLogger(OrderCatchUp.class);

    private final OrderRepository orders;
    private final SessionRepository sessions;
    private final OrderService service;
    private final BillingProperties billing;
    private final Clock clock;

    public OrderCatchUp(OrderRepository orders, SessionRepository sessions, OrderService service, BillingProperties billing,
                        Clock clock) {
        this.orders = orders;
        this.sessions = sessions;
        this.service = service;
        this.billing = billing;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pylon.billing.catch-up-interval:30s}", initialDelayString = "${pylon.billing.catch-up-interval:30s}")
    public void run() {
        for (Long orderId : orders.stranded(clock.instant().minus(billing.catchUpAfter()), 500)) {
            orders.find(orderId).flatMap(o -> sessions.find(o.sessionId())).ifPresent(session -> {
                try {
                    service.stopped(session);
                    log.info("Billed order {} of session {} on catch-up", orderId, session.id());
                } catch (RuntimeException e) {
                    log.warn("Billing order {} failed again", orderId, e);
                }
            });
        }
        try {
            int settled = service.settleIdle(billing.plugOutWait(), 500);
            if (settled > 0) log.info("Settled {} orders whose vehicle left (or whose wait for it ran out)", settled);
        } catch (RuntimeException e) {
            log.warn("Settling idle fees failed; retried on the next run", e);
        }
    }
}
