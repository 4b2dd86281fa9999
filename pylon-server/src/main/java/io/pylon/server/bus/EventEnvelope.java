package io.pylon.server.bus;

import io.pylon.domain.event.DomainEvent;

/**
 * A domain event as it travels between nodes: the event, its unique id (consumers drop an id they have seen)
 * and the node where it happened.
 */
public record EventEnvelope(String eventId, String originNode, DomainEvent event) {}
