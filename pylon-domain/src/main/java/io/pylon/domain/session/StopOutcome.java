package io.pylon.domain.session;

import io.pylon.domain.auth.Authorization;

/** The answer to a stop. {@code authorization} is null when the stop named no id tag. */
public record StopOutcome(Result result, Authorization authorization) {
    public enum Result { STOPPED, ALREADY_STOPPED, UNKNOWN_SESSION }
}
