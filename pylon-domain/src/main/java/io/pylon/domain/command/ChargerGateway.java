package io.pylon.domain.command;

import java.util.concurrent.CompletableFuture;

/**
 * Port: sends a command to a connected charger. The future completes with the charger's answer, or
 * exceptionally with a {@link CommandFailure} (offline fails at once; timeout after the configured time).
 */
public interface ChargerGateway {
    CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command);

    boolean isConnected(String chargerId);
}
