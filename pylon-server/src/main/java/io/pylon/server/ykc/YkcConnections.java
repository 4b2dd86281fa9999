package io.pylon.server.ykc;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** The piles logged in on this node. A second login of the same pile replaces (and closes) the first connection. */
@Component
public class YkcConnections {

    private final ConcurrentMap<String, YkcConnection> byPile = new ConcurrentHashMap<>();

    void register(YkcConnection connection) {
        YkcConnection previous = byPile.put(connection.pile(), connection);
        if (previous != null && previous != connection) {
            previous.close();
        }
    }

    boolean unregister(YkcConnection connection) {
        return connection.pile() != null && byPile.remove(connection.pile(), connection);
    }

    public Optional<YkcConnection> find(String pile) {
        return Optional.ofNullable(byPile.get(pile)).filter(YkcConnection::isOpen);
    }

    public Collection<YkcConnection> all() {
        return byPile.values();
    }

    public int size() {
        return byPile.size();
    }
}
