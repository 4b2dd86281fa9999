package io.pylon.server.ykc;

import io.pylon.domain.auth.Authorization;
import io.pylon.domain.session.SessionService;
import io.pylon.domain.session.StartOutcome;
import io.pylon.domain.session.StartRequest;
import io.pylon.domain.session.StopOutcome;
import io.pylon.domain.session.StopRequest;
import io.pylon.server.config.PylonProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * YKC transactions on the protocol-neutral session path: serials made by the platform, a session opened
 * through {@link SessionService#start} (authorisation, order, wallet hold — the same as an OCPP
 * StartTransaction) and closed through {@link SessionService#stop}. A session whose pile has not reported
 * charging within the start timeout is closed with no energy ({@link #expireUnconfirmed}).
 */
@Component
public class YkcSessions {

    private static final Logger log = LoggerFactory.getLogger(YkcSessions.class);
    private static final DateTimeFormatter SERIAL_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    static final String START_TIMEOUT = "StartTimeout";

    private final SessionService sessions;
    private final YkcStore store;
    private final YkcClock clock;
    private final Duration startTimeout;
    private final AtomicInteger counter = new AtomicInteger();
    /** Serial → when the pile must have reported charging, for sessions not yet seen charging. */
    private final Map<String, Instant> unconfirmed = new ConcurrentHashMap<>();

    public YkcSessions(SessionService sessions, YkcStore store, YkcClock clock, PylonProperties properties) {
        this.sessions = sessions;
        this.store = store;
        this.clock = clock;
        this.startTimeout = properties.ykc().startTimeout();
    }

    /** The outcome of opening a session: its id, or the authorisation that refused it. */
    public record Opened(String serial, Long sessionId, Authorization authorization) {
        public boolean accepted() {
            return sessionId != null && authorization.accepted();
        }
    }

    /**
     * A new platform serial, stored: pile (14) + gun (2) + yyMMddHHmmss (12) + counter (4) — 32 digits, as the
     * protocol lays it out.
     */
    public String newSerial(String pile, int gun, String idTag, YkcStore.Origin origin) {
        for (int attempt = 0; ; attempt++) {
            String serial = pile + String.format("%02d", gun) + clock.localNow().format(SERIAL_TIME)
                    + String.format("%04d", counter.incrementAndGet() % 10_000);
            if (store.insert(new YkcStore.Transaction(serial, pile, gun, idTag, null, origin, clock.now(), null))) {
                return serial;
            }
            if (attempt > 10_000) throw new IllegalStateException("no free transaction serial for " + pile);
        }
    }

    /**
     * Opens the session of a serial (started now, or at {@code startedAt} for a record made offline). A refused
     * start (unknown card, no credit, a session already running) leaves no open session behind.
     */
    public Opened open(String serial, String pile, int gun, String idTag, Instant startedAt, boolean expectCharging) {
        Authorization auth = sessions.authorize(pile, idTag);
        if (!auth.accepted() && expectCharging) {
            return new Opened(serial, null, auth);
        }
        StartOutcome outcome = sessions.start(new StartRequest(pile, gun, idTag, 0, null, startedAt));
        store.linkSession(serial, outcome.sessionId());
        if (!outcome.authorization().accepted() && expectCharging && !outcome.duplicate()) {
            sessions.stop(new StopRequest(pile, outcome.sessionId(), 0, startedAt, "DeAuthorized", null, List.of()));
            return new Opened(serial, null, outcome.authorization());
        }
        if (expectCharging) {
            unconfirmed.put(serial, clock.now().plus(startTimeout));
        }
        return new Opened(serial, outcome.sessionId(), outcome.authorization());
    }

    YkcClock clock() {
        return clock;
    }

    /** The pile reported the serial charging. */
    public void charging(String serial) {
        unconfirmed.remove(serial);
    }

    /** Closes a session with the pile's final figures; replays change nothing (see {@link SessionService#stop}). */
    public StopOutcome close(String pile, long sessionId, long energyWh, Instant at, String reason) {
        return sessions.stop(new StopRequest(pile, sessionId, energyWh, at, reason, null, List.of()));
    }

    /**
     * Sessions whose pile never reported charging within the start timeout are closed with no energy (their
     * order is billed at zero and the wallet hold released).
     *
     * @return how many were closed
     */
    public int expireUnconfirmed() {
        Instant now = clock.now();
        int closed = 0;
        for (Map.Entry<String, Instant> e : unconfirmed.entrySet()) {
            if (e.getValue().isAfter(now) || !unconfirmed.remove(e.getKey(), e.getValue())) continue;
            Optional<YkcStore.Transaction> t = store.transaction(e.getKey());
            if (t.isEmpty() || t.get().sessionId() == null || t.get().recordAt() != null) continue;
            log.info("Pile {}: transaction {} never reported charging, closing its session", t.get().chargerId(), e.getKey());
            close(t.get().chargerId(), t.get().sessionId(), 0, now, START_TIMEOUT);
            closed++;
        }
        return closed;
    }
}
