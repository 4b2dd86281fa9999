package io.pylon.server.ocpp;

import io.pylon.domain.charger.ChargerRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each charger's last-seen time in memory and writes them in one batch every few seconds,
 * so heartbeats from tens of thousands of chargers cost a handful of statements, not one each.
 */
@Component
public class LastSeenTracker {

    private final ConcurrentMap<String, Instant> dirty = new ConcurrentHashMap<>();
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
        if (dirty.isEmpty()) return;
        Map<String, Instant> batch = new HashMap<>();
        for (String id : dirty.keySet()) {
            Instant at = dirty.remove(id);
            if (at != null) batch.put(id, at);
        }
        chargers.touch(batch);
    }
}
