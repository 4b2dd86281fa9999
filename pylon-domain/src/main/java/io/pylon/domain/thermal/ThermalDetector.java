package io.pylon.domain.thermal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges thermal frames bay by bay: measures each zone ({@link ZoneStats}), keeps its rate of rise ({@link RiseWindow}),
 * grades it ({@link ZoneReading#grade}) and decides what the bay's alarm must do ({@link BayDecision.Action}): raise it
 * when a level held for the confirmation frames is worse than what was raised, refresh it while the bay stays hot,
 * resolve it after the cool-down. Time is the camera's (the frames' timestamps), never the wall clock.
 *
 * <p>State lives in memory, per bay, on the node that receives the camera's frames. Safe from many threads: frames of
 * different bays run in parallel, frames of one bay one at a time.
 */
public final class ThermalDetector {

    private final DetectorSettings settings;
    private final Map<Long, BayState> bays = new ConcurrentHashMap<>();

    public ThermalDetector(DetectorSettings settings) {
        this.settings = settings;
    }

    /**
     * One decision per bay the camera watches.
     *
     * @throws IllegalArgumentException if the frame does not cover a bay's area (then no bay's state changed)
     */
    public List<BayDecision> analyse(ThermalFrame frame, List<BayWatch> watches) {
        for (BayWatch watch : watches) {
            if (!watch.area().fits(frame.width(), frame.height())) {
                throw new IllegalArgumentException("frame " + frame.width() + "×" + frame.height() + " does not cover bay "
                        + watch.bayId() + " (" + watch.area() + ")");
            }
            for (BayWatch.Zone zone : watch.zones()) {
                if (!zone.area().fits(frame.width(), frame.height())) {
                    throw new IllegalArgumentException("frame " + frame.width() + "×" + frame.height() + " does not cover zone "
                            + zone.name() + " of bay " + watch.bayId() + " (" + zone.area() + ")");
                }
            }
        }
        List<BayDecision> decisions = new ArrayList<>(watches.size());
        for (BayWatch watch : watches) {
            BayState state = bays.computeIfAbsent(watch.bayId(), id -> new BayState());
            synchronized (state) {
                decisions.add(state.analyse(frame, watch));
            }
        }
        return decisions;
    }

    /** The last decision made for a bay on this node, if any frame of it was seen. */
    public Optional<BayDecision> latest(long bayId) {
        BayState state = bays.get(bayId);
        if (state == null) return Optional.empty();
        synchronized (state) {
            return Optional.ofNullable(state.latest);
        }
    }

    /** Drops what is known of a bay (deleted, or its camera or zones changed so much that its history means nothing). */
    public void forget(long bayId) {
        bays.remove(bayId);
    }

    private final class BayState {
        private final Map<Long, RiseWindow> windows = new HashMap<>();
        private final ThermalLevel[] recent = new ThermalLevel[settings.confirmFrames()];
        private int frames;
        private Instant lastAt;
        /** The level raised and not resolved; NORMAL when none. */
        private ThermalLevel open = ThermalLevel.NORMAL;
        /** After a restart an alarm raised before may be open: the first cool-down resolves it anyway. */
        private boolean mayBeOpen = true;
        private Instant normalSince;
        private Instant lastRaised;
        private BayDecision latest;

        BayDecision analyse(ThermalFrame frame, BayWatch watch) {
            Instant at = frame.at();
            if (lastAt != null && !at.isAfter(lastAt)) {
                return new BayDecision(watch.bayId(), at, open, BayDecision.Action.STALE, List.of());
            }
            lastAt = at;
            List<ZoneReading> readings = new ArrayList<>(watch.zones().size());
            ThermalLevel raw = ThermalLevel.NORMAL;
            for (BayWatch.Zone zone : watch.zones()) {
                Thresholds t = zone.thresholds();
                ZoneStats stats = ZoneStats.measure(frame, zone.area(), t.percentile(), t.hotC());
                RiseWindow window = windows.computeIfAbsent(zone.zoneId(), id -> new RiseWindow(settings.riseWindow().toMillis(),
                        settings.minRiseSpan().toMillis(), settings.windowCapacity()));
                window.add(at.toEpochMilli(), stats.percentileC());
                ZoneReading reading = ZoneReading.grade(zone.zoneId(), zone.name(), stats, window.ratePerMinute(), t);
                readings.add(reading);
                raw = ThermalLevel.worst(raw, reading.level());
            }
            ThermalLevel confirmed = confirm(raw);
            BayDecision.Action action = decide(at, raw, confirmed);
            ThermalLevel level = action == BayDecision.Action.REFRESH ? open : confirmed;
            latest = new BayDecision(watch.bayId(), at, level, action, List.copyOf(readings));
            return latest;
        }

        /** The mildest of the last {@code confirmFrames} levels: what has held that long. */
        private ThermalLevel confirm(ThermalLevel raw) {
            recent[frames++ % recent.length] = raw;
            if (frames < recent.length) return ThermalLevel.NORMAL;
            ThermalLevel held = ThermalLevel.EVACUATION;
            for (ThermalLevel l : recent) held = ThermalLevel.mildest(held, l);
            return held;
        }

        private BayDecision.Action decide(Instant at, ThermalLevel raw, ThermalLevel confirmed) {
            if (confirmed.worseThan(open)) {
                open = confirmed;
                mayBeOpen = false;
                normalSince = null;
                lastRaised = at;
                return BayDecision.Action.RAISE;
            }
            if (raw == ThermalLevel.NORMAL) {
                if (open == ThermalLevel.NORMAL && !mayBeOpen) return BayDecision.Action.NONE;
                if (normalSince == null) normalSince = at;
                if (at.toEpochMilli() - normalSince.toEpochMilli() < settings.coolDown().toMillis()) return BayDecision.Action.NONE;
                open = ThermalLevel.NORMAL;
                mayBeOpen = false;
                normalSince = null;
                return BayDecision.Action.RESOLVE;
            }
            normalSince = null;
            if (open != ThermalLevel.NORMAL && at.toEpochMilli() - lastRaised.toEpochMilli() >= settings.refreshEvery().toMillis()) {
                lastRaised = at;
                return BayDecision.Action.REFRESH;
            }
            return BayDecision.Action.NONE;
        }
    }
}
