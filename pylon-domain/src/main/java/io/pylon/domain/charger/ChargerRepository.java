package io.pylon.domain.charger;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: where chargers, their connectors and status history are kept. */
public interface ChargerRepository {

    Optional<Charger> find(String id);

    /** Inserts a new charger; false if the id is taken. */
    boolean insert(Charger charger);

    void update(Charger charger);

    boolean delete(String id);

    Page<Charger> list(ChargerFilter filter, PageRequest page);

    /** Keeps the boot data; a charger that boots is connected, so it is marked online too. */
    void recordBoot(String id, BootInfo boot, Instant at);

    /**
     * Stores the latest state of a connector (only if newer than what is stored) and appends it to the history,
     * atomically and durably before it returns (an adapter may commit many reports at once).
     */
    void recordStatus(String chargerId, StatusReport report, Instant receivedAt);

    /**
     * Stores a connector status as {@link #recordStatus} does together with the event it causes, in one commit
     * (distributed mode, where an event is a row written with what caused it), when this store can: many of them
     * may then share one group commit. False when it cannot, and then nothing was stored: the caller runs
     * {@link #recordStatus} and publishes the event in a transaction of its own.
     */
    default boolean recordStatusWithEvent(String chargerId, StatusReport report, Instant receivedAt,
            io.pylon.domain.event.DomainEvent event) {
        return false;
    }

    List<ConnectorState> connectors(String chargerId);

    List<StatusReport> statusHistory(String chargerId, int connectorId, int limit);

    /** Status reports of a connector that happened at or after {@code from}, oldest first, at most {@code limit}. */
    List<StatusReport> statusHistorySince(String chargerId, int connectorId, Instant from, int limit);

    /** Online: held by this node from now. Offline: only if this node (or none) held it — it may be on another node already. */
    void setOnline(String id, boolean online, Instant at);

    /** Bulk update of last-seen times (heartbeats are many; they are flushed in batches). */
    void touch(Map<String, Instant> lastSeen);

    /**
     * Marks offline every charger held by this node (or by none) that is not in {@code connected}; used at
     * start-up and by a node that lost its sockets. Chargers held by other nodes are left alone.
     */
    void markOfflineExcept(Collection<String> connected);

    void setFirmwareStatus(String id, String status, Instant at);

    void setDiagnosticsStatus(String id, String status, Instant at);

    void setLocalListVersion(String id, int version);

    void appendEvent(ChargerEvent event);

    List<ChargerEvent> events(String chargerId, int limit);
}
