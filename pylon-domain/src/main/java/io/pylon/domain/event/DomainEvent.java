package io.pylon.domain.event;

import io.pylon.domain.charger.ConnectorStatus;
import java.time.Instant;

/**
 * Something that happened to a charger that other parts of the platform (and other nodes) hear of.
 * Every event belongs to one charger: events of one charger are delivered in the order they were
 * caused; events of different chargers in no particular order.
 */
public sealed interface DomainEvent {

    /** The charger the event is about; the ordering key. */
    String chargerId();

    /** When it happened (the charger's time where it gave one, else receipt). */
    Instant occurredAt();

    /** A connector's status was stored (connector 0 = the whole charger). */
    record ConnectorStatusChanged(String chargerId, int connectorId, ConnectorStatus status, String errorCode,
                                  Instant occurredAt) implements DomainEvent {}

    /**
     * A node accepted the charger's connection (OCPP WebSocket open, or YKC login). In a cluster, a node that
     * still holds an older connection of the same charger closes it.
     */
    record ChargerConnected(String chargerId, Instant occurredAt) implements DomainEvent {}

    /** A session was accepted and is running. */
    record SessionStarted(String chargerId, long sessionId, int connectorId, String idTag, long meterStartWh,
                          Instant occurredAt) implements DomainEvent {}

    /** A session stopped (once per session, never for a retransmitted stop). */
    record SessionStopped(String chargerId, long sessionId, int connectorId, Long meterStopWh, String reason,
                          Instant occurredAt) implements DomainEvent {}
}
