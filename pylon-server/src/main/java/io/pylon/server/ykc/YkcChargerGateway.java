package io.pylon.server.ykc;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Sends protocol-neutral commands to piles connected over YKC ({@link YkcCommands} maps each to its frames).
 * Commands YKC has no frame for answer NotSupported.
 */
@Component
public class YkcChargerGateway implements ChargerGateway {

    private final YkcConnections connections;
    private final YkcCommands commands;

    public YkcChargerGateway(YkcConnections connections, YkcCommands commands) {
        this.connections = connections;
        this.commands = commands;
    }

    @Override
    public CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command) {
        YkcConnection connection = connections.find(chargerId).orElse(null);
        if (connection == null) {
            return CompletableFuture.failedFuture(new CommandFailure(CommandFailure.Kind.OFFLINE, "Pile " + chargerId + " is offline"));
        }
        return commands.send(connection, command);
    }

    @Override
    public boolean isConnected(String chargerId) {
        return connections.find(chargerId).isPresent();
    }

    @Override
    public boolean closeIfOpenedBefore(String chargerId, java.time.Instant before) {
        YkcConnection connection = connections.find(chargerId).filter(c -> c.openedAt().isBefore(before)).orElse(null);
        if (connection == null) return false;
        connection.close();
        return true;
    }
}
