package io.pylon.domain.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers whether an id token may charge: unknown → INVALID; an operator-set status wins;
 * a passed expiry → EXPIRED; a blocked or expired parent blocks its children.
 */
public final class Authorizer {

    private final IdTokenRepository tokens;
    private final Clock clock;

    public Authorizer(IdTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public Authorization authorize(String idTag) {
        Optional<IdToken> token = tokens.find(idTag);
        if (token.isEmpty()) {
            return Authorization.invalid();
        }
        return authorize(token.get(), clock.instant());
    }

    /** The answer for a token already read (also used to build local lists). */
    public Authorization authorize(IdToken token, Instant now) {
        AuthorizationStatus status = own(token, now);
        if (status == AuthorizationStatus.ACCEPTED && token.parentIdTag() != null) {
            AuthorizationStatus parent = tokens.find(token.parentIdTag()).map(p -> own(p, now))
                    .orElse(AuthorizationStatus.ACCEPTED);
            if (parent != AuthorizationStatus.ACCEPTED) {
                status = AuthorizationStatus.BLOCKED;
            }
        }
        return new Authorization(status, token.expiry(), token.parentIdTag());
    }

    private static AuthorizationStatus own(IdToken token, Instant now) {
        return switch (token.status()) {
            case BLOCKED -> AuthorizationStatus.BLOCKED;
            case INVALID -> AuthorizationStatus.INVALID;
            case EXPIRED -> AuthorizationStatus.EXPIRED;
            case ACCEPTED -> token.expiry() != null && !token.expiry().isAfter(now)
                    ? AuthorizationStatus.EXPIRED : AuthorizationStatus.ACCEPTED;
        };
    }
}
