package io.pylon.domain.alarm;

/** Port: where detectors hand observations for the alarm rules to evaluate. Cheap and non-blocking for the caller. */
@FunctionalInterface
public interface TelemetrySink {

    void accept(Telemetry telemetry);

    TelemetrySink NONE = t -> {};
}
