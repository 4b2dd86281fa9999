package io.pylon.domain.thermal;

/**
 * When a zone is a pre-warning (WARNING), an alarm (CRITICAL) or an evacuation (EVACUATION). Three independent criteria,
 * the worst of them grades the zone:
 * <ul>
 *   <li><b>absolute temperature</b>: the zone's {@code percentile}-th percentile (100 = its hottest pixel) against
 *       {@code warnC} / {@code alarmC} / {@code evacuateC};</li>
 *   <li><b>rate of rise</b> of that temperature in °C per minute (least squares over the detector's sliding window)
 *       against {@code riseWarn} / {@code riseAlarm} / {@code riseEvacuate}, counted only while the zone is at least
 *       {@code riseFloorC} warm (a car driving in or a door opening makes a cold zone jump, not a battery);</li>
 *   <li><b>hot area</b>: the share of the zone's pixels at or above {@code hotC} against {@code hotAreaWarn} /
 *       {@code hotAreaAlarm} / {@code hotAreaEvacuate} (0…1).</li>
 * </ul>
 * Each criterion's three limits rise (or stay equal) from warning to evacuation.
 */
public record Thresholds(double percentile, double warnC, double alarmC, double evacuateC, double riseWarn, double riseAlarm,
                         double riseEvacuate, double riseFloorC, double hotC, double hotAreaWarn, double hotAreaAlarm,
                         double hotAreaEvacuate) {

    /**
     * Defaults for a car's battery seen from the ceiling of an underground car park: a pack surface above 55 °C is
     * unusual, above 70 °C dangerous, 90 °C is runaway; a sustained 20 °C/min rise is runaway as well, and so is 40 % of
     * the battery's area at 70 °C or more (the heat is spreading, whatever the percentile says).
     */
    public static final Thresholds DEFAULT = new Thresholds(98, 55, 70, 90, 3, 10, 20, 40, 70, 0.05, 0.15, 0.40);

    public Thresholds {
        if (!(percentile >= 50 && percentile <= 100)) throw new IllegalArgumentException("percentile: must be within 50…100");
        rising("warnC/alarmC/evacuateC", warnC, alarmC, evacuateC);
        rising("riseWarn/riseAlarm/riseEvacuate", riseWarn, riseAlarm, riseEvacuate);
        rising("hotAreaWarn/hotAreaAlarm/hotAreaEvacuate", hotAreaWarn, hotAreaAlarm, hotAreaEvacuate);
        if (riseWarn <= 0) throw new IllegalArgumentException("riseWarn: must be above 0 °C/min");
        if (hotAreaWarn <= 0 || hotAreaEvacuate > 1) throw new IllegalArgumentException("hotArea*: shares must be within 0 (excluded) … 1");
        for (double c : new double[] {warnC, alarmC, evacuateC, riseFloorC, hotC}) {
            if (!(c >= ThermalFrame.MIN_DECI_C / 10.0 && c <= ThermalFrame.MAX_DECI_C / 10.0)) {
                throw new IllegalArgumentException("temperatures: limits must be within −100…2000 °C");
            }
        }
    }

    private static void rising(String names, double warn, double alarm, double evacuate) {
        if (!(warn <= alarm && alarm <= evacuate)) {
            throw new IllegalArgumentException(names + ": must rise from warning to evacuation (got " + warn + ", " + alarm + ", " + evacuate + ")");
        }
    }

    /** These thresholds with the values a patch gives (a vehicle type's override, or a change of the defaults). */
    public Thresholds with(Patch p) {
        if (p == null) return this;
        return new Thresholds(or(p.percentile, percentile), or(p.warnC, warnC), or(p.alarmC, alarmC), or(p.evacuateC, evacuateC),
                or(p.riseWarn, riseWarn), or(p.riseAlarm, riseAlarm), or(p.riseEvacuate, riseEvacuate), or(p.riseFloorC, riseFloorC),
                or(p.hotC, hotC), or(p.hotAreaWarn, hotAreaWarn), or(p.hotAreaAlarm, hotAreaAlarm), or(p.hotAreaEvacuate, hotAreaEvacuate));
    }

    private static double or(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    /** Some thresholds; null fields keep the value they patch (e.g. a bus only needs a higher {@code hotC}). */
    public record Patch(Double percentile, Double warnC, Double alarmC, Double evacuateC, Double riseWarn, Double riseAlarm,
                        Double riseEvacuate, Double riseFloorC, Double hotC, Double hotAreaWarn, Double hotAreaAlarm,
                        Double hotAreaEvacuate) {

        public static final Patch NONE = new Patch(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
