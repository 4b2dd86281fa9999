package io.pylon.domain.thermal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one frame means for one bay.
 *
 * @param level  the bay's confirmed level (its worst zone's, held for the confirmation frames)
 * @param action what the alarm must do now
 * @param zones  every zone's reading in this frame
 */
public record BayDecision(long bayId, Instant at, ThermalLevel level, Action action, List<ZoneReading> zones) {

    public enum Action {
        /** Nothing to tell the alarm engine. */
        NONE,
        /** Raise the bay's alarm at {@code level}, or upgrade the open one to it: it is new or worse. */
        RAISE,
        /** Still above normal: raise the alarm again at {@code level} (the open alarm is refreshed). */
        REFRESH,
        /** Every zone has been normal for the cool-down: resolve the bay's alarm. */
        RESOLVE,
        /** The frame is not newer than the last one seen for this bay: ignored. */
        STALE
    }

    /** The zone that is worst in this frame (the hottest at equal level). */
    public ZoneReading worst() {
        return zones.stream().max(Comparator.comparing(ZoneReading::level).thenComparingDouble(ZoneReading::percentileC)).orElse(null);
    }

    /** The zones' reasons, in words, for the alarm's message. */
    public String reasons() {
        StringBuilder b = new StringBuilder();
        for (ZoneReading z : zones) {
            if (z.reason() == null) continue;
            if (!b.isEmpty()) b.append(" | ");
            b.append(z.reason());
        }
        return b.toString();
    }
}
