package io.pylon.domain.anomaly;

import java.util.Optional;

/** Port: where anomalies and the on-site inspection queue are kept. */
public interface AnomalyStore {

    /** Stores an anomaly; empty if one with the same dedup key exists (then nothing changes). */
    Optional<Anomaly> record(Anomaly anomaly);

    /** Queues the charger for an on-site inspection unless a visit is already open; true if newly queued. */
    boolean queueInspection(Anomaly cause);
}
