package io.pylon.server.ocpp;

import io.pylon.domain.charger.ChargerRepository;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each charger's last-seen time in memory and writes it in batches: every few seconds, the chargers heard
 * from since their time was last written, if that was at least {@link #PRECISION} ago (a charger that is heard from every
 * two seconds costs one row update a minute, not thirty). The stored {@code last_seen} is therefore at most
 * {@code PRECISION} plus one flush interval behind; online/offline is tracked separately, at once.
 */
@Component
public class LastSeenTracker {
    static final Duration PRECISION = Duration.ofSeconds(60);

    private final ConcurrentMap<String, Instant> dirty = new ConcurrentHashMap<>();
    private final Map<String, Instant> written = new ConcurrentHashMap<>();
    private final ChargerRepository chargers;
    private final Clock clock;

    public LastSeenTracker(ChargerRepository chargers, Clock clock) {
        this.chargers = chargers;
        this.clock = clock;
    }

    public void seen(String chargerId) {
        dirty.put(chargerId, clock.instant());
    }

    @Scheduled(fixedDelayString = "${pylon.ocpp.last-seen-flush:5s}")
    public void flush() {
        flush(false);
    }

    /** Writes every pending time, however recent (at shutdown). */
    @PreDestroy
    public void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        if (dirty.isEmpty()) return;
        Map<String, Instant> batch = new HashMap<>();
        Instant now = clock.instant();
        for (Map.Entry<String, Instant> e : dirty.entrySet()) {
            Instant before = written.get(e.getKey());
            if (all || before == null || !now.isBefore(before.plus(PRECISION))) {
                batch.put(e.getKey(), e.getValue());
            }
        }
        if (batch.isEmpty()) return;
        chargers.touch(batch);
        batch.forEach((id, at) -> {
            written.put(id, at);
            dirty.remove(id, at); // a newer time that arrived meanwhile stays pending
        });
    }
}
