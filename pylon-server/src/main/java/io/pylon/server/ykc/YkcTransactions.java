package io.pylon.server.ykc;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Looks up the YKC transactions of a pile: serials are only ever read within the pile that owns them. */
@Component
public class YkcTransactions {

    private final YkcStore store;
    private final YkcSessions sessions;

    public YkcTransactions(YkcStore store, YkcSessions sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    YkcSessions sessions() {
        return sessions;
    }

    /** The pile's transaction of that serial, if it has one. */
    public Optional<YkcStore.Transaction> of(String pile, String serial) {
        if (serial == null || serial.chars().allMatch(c -> c == '0')) return Optional.empty();
        return store.transaction(serial).filter(t -> t.chargerId().equals(pile));
    }

    /** The pile's transaction of that serial while its session is open (no record yet). */
    public Optional<YkcStore.Transaction> running(String pile, String serial) {
        return of(pile, serial).filter(t -> t.sessionId() != null && t.recordAt() == null);
    }
}
