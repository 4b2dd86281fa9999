package io.pylon.domain.thermal;

import java.time.Duration;

/**
 * How the detector judges a sequence of frames.
 *
 * @param riseWindow     how far back the rate of rise looks (camera time)
 * @param minRiseSpan    the samples must span at least this long before a rate is computed
 * @param windowCapacity at most this many samples per zone are kept (a camera faster than capacity / window has a
 *                       shorter window)
 * @param confirmFrames  a level must hold for this many consecutive frames of a bay before an alarm is raised or
 *                       upgraded to it (1 = at once); one noisy frame does not evacuate a car park
 * @param coolDown       an alarm is resolved once every zone of its bay has been normal this long (camera time)
 * @param refreshEvery   while a bay stays above normal its alarm is raised again this often (keeps it seen, re-opens it
 *                       if a person cleared it while the bay is still hot, repeats the neighbours' stop)
 */
public record DetectorSettings(Duration riseWindow, Duration minRiseSpan, int windowCapacity, int confirmFrames,
                               Duration coolDown, Duration refreshEvery) {

    public static final DetectorSettings DEFAULT = new DetectorSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), 512, 2,
            Duration.ofMinutes(5), Duration.ofSeconds(60));

    public DetectorSettings {
        if (riseWindow.isNegative() || riseWindow.isZero() || minRiseSpan.isNegative() || minRiseSpan.compareTo(riseWindow) > 0) {
            throw new IllegalArgumentException("rise window must be > 0 and the minimum span within it");
        }
        if (windowCapacity < 3 || windowCapacity > 100_000) throw new IllegalArgumentException("window capacity must be 3…100000");
        if (confirmFrames < 1 || confirmFrames > 100) throw new IllegalArgumentException("confirm frames must be 1…100");
        if (coolDown.isNegative() || refreshEvery.isNegative() || refreshEvery.isZero()) {
            throw new IllegalArgumentException("cool-down must be ≥ 0 and refresh > 0");
        }
    }
}
