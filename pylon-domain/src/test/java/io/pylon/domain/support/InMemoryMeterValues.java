package io.pylon.domain.support;

import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterValueStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Meter readings in a set: a reading stored twice is stored once, as in the database. */
public final class InMemoryMeterValues implements MeterValueStore {
    private final Set<MeterReading> readings = new LinkedHashSet<>();

    public List<MeterReading> all() {
        return new ArrayList<>(readings);
    }

    @Override
    public void append(List<MeterReading> batch) {
        readings.addAll(batch);
    }

    @Override
    public List<MeterReading> forSession(long sessionId, int limit) {
        return readings.stream().filter(r -> r.sessionId() != null && r.sessionId() == sessionId).limit(limit).toList();
    }
}
