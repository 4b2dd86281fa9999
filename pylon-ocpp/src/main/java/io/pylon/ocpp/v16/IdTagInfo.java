package io.pylon.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 IdTagInfo: status is Accepted, Blocked, Expired, Invalid or ConcurrentTx. */
public record IdTagInfo(String status, Instant expiryDate, String parentIdTag) {}
