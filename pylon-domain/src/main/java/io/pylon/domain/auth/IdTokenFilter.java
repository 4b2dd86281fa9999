package io.pylon.domain.auth;

/** Listing filter; null fields do not filter. */
public record IdTokenFilter(IdTokenStatus status, Long driverId, TokenKind kind) {
    public static IdTokenFilter none() {
        return new IdTokenFilter(null, null, null);
    }
}
