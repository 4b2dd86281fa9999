package io.pylon.server.ykc;

import io.pylon.server.config.PylonProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Piles keep local time (CP56Time2a has no zone): the platform clock in the piles' zone, and back. */
@Component
public class YkcClock {

    private final Clock clock;
    private final ZoneId zone;

    public YkcClock(Clock clock, PylonProperties properties) {
        this.clock = clock;
        this.zone = properties.ykc().timeZone();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Now on the piles' wall clock, to the millisecond. */
    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), zone);
    }

    public Instant instant(LocalDateTime pileTime) {
        return pileTime.atZone(zone).toInstant();
    }
}
