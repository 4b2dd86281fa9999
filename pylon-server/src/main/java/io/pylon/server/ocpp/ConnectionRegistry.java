package io.pylon.server.ocpp;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** The chargers connected to this node. A second connection with the same id replaces the first. */
@Component
public class ConnectionRegistry {

    private final ConcurrentMap<String, OcppSession> sessions = new ConcurrentHashMap<>();

    /** Registers a session; the one it replaces (if any) is closed. */
    void register(OcppSession session) {
        OcppSession previous = sessions.put(session.chargerId(), session);
        if (previous != null && previous != session) {
            previous.close(WebSocketCloseStatus.POLICY_VIOLATION);
        }
    }

    /** Removes the session if it is still the current one; true if it was. */
    boolean unregister(OcppSession session) {
        return sessions.remove(session.chargerId(), session);
    }

    public Optional<OcppSession> find(String chargerId) {
        return Optional.ofNullable(sessions.get(chargerId)).filter(OcppSession::isOpen);
    }

    public Collection<OcppSession> all() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }
}
