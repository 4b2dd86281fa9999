package io.pylon.server.bus;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.event.DomainEvents;
import io.pylon.domain.session.SessionService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Tells the domain services where their events go (the in-process bus, or the outbox for Kafka). */
@Component
class BusWiring implements SmartInitializingSingleton {

    private final DomainEvents events;
    private final ChargerService chargers;
    private final SessionService sessions;

    BusWiring(DomainEvents events, ChargerService chargers, SessionService sessions) {
        this.events = events;
        this.chargers = chargers;
        this.sessions = sessions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        chargers.publishTo(events);
        sessions.publishTo(events);
    }
}
