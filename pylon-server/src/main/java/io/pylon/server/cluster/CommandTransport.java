package io.pylon.server.cluster;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import java.util.concurrent.CompletableFuture;

/**
 * Carries a command to the node that holds a charger's connection and brings the charger's answer back.
 * The far node executes it with its own local {@link ChargerGateway} (given by {@link #serve}).
 */
public interface CommandTransport {

    /**
     * Sends the command to {@code nodeId}. Completes with the charger's answer, or exceptionally with a
     * {@link CommandFailure} (TIMEOUT when the node does not answer in time) or an IllegalArgumentException
     * when the far node found the command invalid.
     */
    CompletableFuture<CommandResult> send(String nodeId, String chargerId, ChargerCommand command);

    /** The gateway that executes commands other nodes route here. */
    void serve(ChargerGateway local);

    /** In-process mode: one node, no way to reach another; a charger held elsewhere counts as offline. */
    CommandTransport NONE = new CommandTransport() {
        @Override
        public CompletableFuture<CommandResult> send(String nodeId, String chargerId, ChargerCommand command) {
            return CompletableFuture.failedFuture(new CommandFailure(CommandFailure.Kind.OFFLINE,
                    "Charger " + chargerId + " is connected to node " + nodeId + ", which this node cannot reach (pylon.bus=inprocess)"));
        }

        @Override
        public void serve(ChargerGateway local) {
        }
    };
}
