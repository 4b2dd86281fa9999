package io.pylon.domain.session;

import java.util.List;

/** Port: hears every batch of meter readings a charger reported, after they were handed to storage. */
@FunctionalInterface
public interface MeterListener {

    void readings(List<MeterReading> readings);

    MeterListener NONE = readings -> {};
}
