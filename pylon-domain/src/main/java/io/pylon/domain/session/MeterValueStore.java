package io.pylon.domain.session;

import java.util.List;

/**
 * Port: the time series of meter readings. {@link #append} returns once the readings are durable;
 * a reading already stored (same charger, connector, time, measurand, phase, location, context) is
 * not stored twice, so a retransmitted message changes nothing.
 */
public interface MeterValueStore {
    void append(List<MeterReading> readings);

    List<MeterReading> forSession(long sessionId, int limit);
}
