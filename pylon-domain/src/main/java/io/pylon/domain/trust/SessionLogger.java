package io.pylon.domain.trust;

import io.pylon.domain.metering.MeteringService;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderListener;

/** Writes every order whose bill is final to the transparency log, with its session's signed meter data. */
public final class SessionLogger implements OrderListener {

    private final TransparencyLog log;
    private final MeteringService metering;

    public SessionLogger(TransparencyLog log, MeteringService metering) {
        this.log = log;
        this.metering = metering;
    }

    @Override
    public void closed(Order order) {
        log.append(Records.session(order, metering.outcome(order.sessionId())));
    }
}
