package io.pylon.domain.auth;

import java.time.Instant;

/** The platform's answer about one id token, with what the charger may cache. */
public record Authorization(AuthorizationStatus status, Instant expiry, String parentIdTag) {

    public static Authorization invalid() {
        return new Authorization(AuthorizationStatus.INVALID, null, null);
    }

    public boolean accepted() {
        return status == AuthorizationStatus.ACCEPTED;
    }
}
