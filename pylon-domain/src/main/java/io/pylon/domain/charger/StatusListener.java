package io.pylon.domain.charger;

import java.time.Instant;

/** Told of every connector status stored, after it is committed. Must not throw for ordinary failures. */
@FunctionalInterface
public interface StatusListener {

    /** @param at when it happened: the charger's timestamp, or receipt when it gave none */
    void status(String chargerId, StatusReport report, Instant at);
}
