package io.pylon.domain.session;

import io.pylon.domain.auth.Authorization;

/** The answer to a start: the session id and how its id token was authorised. */
public record StartOutcome(long sessionId, Authorization authorization, boolean duplicate) {}
