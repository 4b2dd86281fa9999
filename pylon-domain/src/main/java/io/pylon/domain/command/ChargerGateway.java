package io.pylon.domain.command;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Port: sends a command to a connected charger. The future completes with the charger's answer, or
 * exceptionally with a {@link CommandFailure} (offline fails at once; timeout after the configured time).
 */
public interface ChargerGateway {
    CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command);

    boolean isConnected(String chargerId);

    /**
     * Closes this node's connection of the charger if it was opened before {@code before}: the charger has since
     * connected to another node, and a charger has one connection in the whole cluster, as it has on one node.
     *
     * @return whether a connection was closed
     */
    default boolean closeIfOpenedBefore(String chargerId, Instant before) {
        return false;
    }
}
