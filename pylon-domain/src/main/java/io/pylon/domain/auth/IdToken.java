package io.pylon.domain.auth;

import java.time.Instant;

/**
 * An id token: RFID/IC card, app token or vehicle VIN, at most 20 characters (OCPP IdToken).
 *
 * @param expiry        after this instant the token answers EXPIRED; null = never
 * @param parentIdTag   group token: tokens with the same parent count as one for concurrent sessions
 * @param operatorId    the operator it belongs to; it answers INVALID at another operator's chargers
 *                      (null = platform-wide token made before tenancy)
 * @param driverId      the driver it is bound to, or null
 * @param logicalNumber for cards, the number printed on the card (the id tag is the chip's physical number)
 * @param driverBlocked whether its driver is blocked (read with the token; a blocked driver's tokens answer BLOCKED)
 */
public record IdToken(String idTag, IdTokenStatus status, Instant expiry, String parentIdTag, String description,
                      Instant createdAt, Instant updatedAt, Long operatorId, Long driverId, TokenKind kind,
                      String logicalNumber, Instant lostAt, boolean driverBlocked) {

    public static final int MAX_LENGTH = 20;

    public IdToken {
        kind = kind == null ? TokenKind.RFID : kind;
    }

    /** A token of an operator not bound to any driver. */
    public IdToken(String idTag, IdTokenStatus status, Instant expiry, String parentIdTag, String description,
                   Instant createdAt, Instant updatedAt, Long operatorId) {
        this(idTag, status, expiry, parentIdTag, description, createdAt, updatedAt, operatorId, null, TokenKind.RFID,
                null, null, false);
    }

    public IdToken with(IdTokenStatus newStatus, Instant newLostAt, Instant now) {
        return new IdToken(idTag, newStatus, expiry, parentIdTag, description, createdAt, now, operatorId, driverId, kind,
                logicalNumber, newLostAt, driverBlocked);
    }

    public IdToken boundTo(Long newDriverId, Instant now) {
        return new IdToken(idTag, status, expiry, parentIdTag, description, createdAt, now, operatorId, newDriverId, kind,
                logicalNumber, lostAt, driverBlocked);
    }
}
