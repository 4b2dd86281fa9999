package io.pylon.server.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pylon.domain.event.DomainEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where this node hears of domain events — its own and, with {@code pylon.bus=kafka}, every other node's — after
 * the transaction that caused them committed. Events of one charger arrive in order. An event delivered twice
 * (the outbox relay publishes at least once) is handed to subscribers once: ids seen recently are remembered.
 * Subscribers run on the delivering thread and must be quick (update a cache, push to a live view).
 */
@Component
public class LocalEventBus {

    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);
    /** Event ids remembered for dropping duplicates; far more than a relay can resend in one retry. */
    static final int REMEMBERED_IDS = 100_000;

    private final List<Consumer<DomainEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<EventEnvelope>> envelopeSubscribers = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final Counter delivered;
    private final Counter duplicates;

    public LocalEventBus(MeterRegistry metrics) {
        this.delivered = Counter.builder("pylon.bus.events.delivered").description("Domain events handed to this node's subscribers")
                .register(metrics);
        this.duplicates = Counter.builder("pylon.bus.events.duplicates").description("Domain events received again and dropped")
                .register(metrics);
    }

    /** Hears of every event from now on. */
    public void subscribe(Consumer<DomainEvent> subscriber) {
        subscribers.add(subscriber);
    }

    /** Hears of every event from now on, with the node it came from. */
    public void subscribeEnvelopes(Consumer<EventEnvelope> subscriber) {
        envelopeSubscribers.add(subscriber);
    }

    /** Hands the event to every subscriber unless its id was delivered before; true if it was new. */
    public boolean deliver(EventEnvelope envelope) {
        synchronized (seen) {
            if (seen.putIfAbsent(envelope.eventId(), Boolean.TRUE) != null) {
                duplicates.increment();
                return false;
            }
        }
        delivered.increment();
        for (Consumer<DomainEvent> subscriber : subscribers) {
            try {
                subscriber.accept(envelope.event());
            } catch (RuntimeException e) {
                log.warn("Event subscriber failed on {} {}", envelope.event().getClass().getSimpleName(), envelope.eventId(), e);
            }
        }
        for (Consumer<EventEnvelope> subscriber : envelopeSubscribers) {
            try {
                subscriber.accept(envelope);
            } catch (RuntimeException e) {
                log.warn("Event subscriber failed on {} {}", envelope.event().getClass().getSimpleName(), envelope.eventId(), e);
            }
        }
        return true;
    }
}
