package io.pylon.domain.session;

/** A sample tied to where it was measured and, if known, the session it belongs to. */
public record MeterReading(String chargerId, int connectorId, Long sessionId, MeterSample sample) {}
