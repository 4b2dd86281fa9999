package io.pylon.domain.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers whether an id token may charge: unknown → INVALID; an operator-set status wins;
 * a passed expiry → EXPIRED; a blocked or expired parent blocks its children; a blocked driver's
 * tokens answer BLOCKED; another operator's token answers INVALID (tenants never share cards).
 */
public final class Authorizer {

    private final IdTokenRepository tokens;
    private final ChargerOwners owners;
    private final Clock clock;
    private volatile io.pylon.domain.alarm.ChargerLockouts lockouts = io.pylon.domain.alarm.ChargerLockouts.NONE;

    public Authorizer(IdTokenRepository tokens, ChargerOwners owners, Clock clock) {
        this.tokens = tokens;
        this.owners = owners;
        this.clock = clock;
    }

    /** From now on, every start at a charger an alarm has locked out is refused (BLOCKED), whatever the token. */
    public void refuseWhen(io.pylon.domain.alarm.ChargerLockouts lockouts) {
        this.lockouts = lockouts;
    }

    /** Whether an alarm has locked this charger out. */
    public boolean lockedOut(String chargerId) {
        return lockouts.lockedOut(chargerId);
    }

    /** The answer for an id tag presented at this charger; BLOCKED while an alarm locks the charger out. */
    public Authorization authorize(String chargerId, String idTag) {
        if (lockouts.lockedOut(chargerId)) {
            return new Authorization(AuthorizationStatus.BLOCKED, null, null);
        }
        return authorizeAt(owners.operatorOf(chargerId), idTag);
    }

    /** The answer at a charger of this operator (null = unassigned charger: only platform-wide tokens count). */
    public Authorization authorizeAt(Long chargerOperatorId, String idTag) {
        Optional<IdToken> token = tokens.find(idTag);
        if (token.isEmpty() || !sameOperator(token.get().operatorId(), chargerOperatorId)) {
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

    private static boolean sameOperator(Long tokenOperator, Long chargerOperator) {
        return tokenOperator == null || tokenOperator.equals(chargerOperator);
    }

    private static AuthorizationStatus own(IdToken token, Instant now) {
        if (token.driverBlocked()) {
            return AuthorizationStatus.BLOCKED;
        }
        return switch (token.status()) {
            case BLOCKED -> AuthorizationStatus.BLOCKED;
            case INVALID -> AuthorizationStatus.INVALID;
            case EXPIRED -> AuthorizationStatus.EXPIRED;
            case ACCEPTED -> token.expiry() != null && !token.expiry().isAfter(now)
                    ? AuthorizationStatus.EXPIRED : AuthorizationStatus.ACCEPTED;
        };
    }
}
