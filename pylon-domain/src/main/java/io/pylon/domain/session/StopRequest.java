package io.pylon.domain.session;

import java.time.Instant;
import java.util.List;

/** A charger reports it stopped a session, with optional transaction data samples. */
public record StopRequest(String chargerId, long transactionId, long meterStopWh, Instant timestamp,
                          String reason, String idTag, List<MeterSample> transactionData) {}
