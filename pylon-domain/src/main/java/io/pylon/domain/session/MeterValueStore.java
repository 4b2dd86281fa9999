package io.pylon.domain.session;

import java.util.List;

/**
 * Port: the time series of meter readings. {@link #append} returns once the readings are durable;
 * an instant already stored (same charger, connector, time and sampled values) is not stored twice, so a retransmitted message changes nothing.
 */
public interface MeterValueStore {
    void append(List<MeterReading> readings);

    /**
     * Like {@link #append}, for readings that will often be stored already: a StopTransaction's transaction data
     * repeats values the charger sent in MeterValues. A store may write these differently from new data.
     */
    default void appendRepeated(List<MeterReading> readings) {
        append(readings);
    }

    List<MeterReading> forSession(long sessionId, int limit);
}
