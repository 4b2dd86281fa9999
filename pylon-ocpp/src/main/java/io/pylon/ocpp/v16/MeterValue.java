package io.pylon.ocpp.v16;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 MeterValue: one timestamp, one or more sampled values. */
public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {}
