package io.pylon.domain.auth;

import java.time.Instant;

/**
 * An id token: RFID card number or app token, at most 20 characters (OCPP IdToken).
 *
 * @param expiry      after this instant the token answers EXPIRED; null = never
 * @param parentIdTag group token: tokens with the same parent count as one for concurrent sessions
 */
public record IdToken(String idTag, IdTokenStatus status, Instant expiry, String parentIdTag, String description,
                      Instant createdAt, Instant updatedAt) {

    public static final int MAX_LENGTH = 20;
}
