package io.pylon.server.trust;

import io.pylon.domain.billing.SessionUsage;
import io.pylon.domain.metering.MeteringService;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.session.ChargingSession;
import io.pylon.server.persistence.JooqBillingContexts;
import java.time.Instant;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Billing input with the signed meter readings in place of the charger's, when the session's signed data verifies. */
@Primary
@Component
public class SignedUsageSource implements OrderService.UsageSource {

    private final JooqBillingContexts reported;
    private final MeteringService metering;

    public SignedUsageSource(JooqBillingContexts reported, MeteringService metering) {
        this.reported = reported;
        this.metering = metering;
    }

    @Override
    public SessionUsage of(ChargingSession session) {
        return metering.billable(session, reported.of(session));
    }

    @Override
    public Instant pluggedOutAfter(String chargerId, int connectorId, Instant from) {
        return reported.pluggedOutAfter(chargerId, connectorId, from);
    }
}
