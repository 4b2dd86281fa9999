package io.pylon.domain.thermal;

/**
 * One zone in one frame: what was measured and how bad it is.
 *
 * @param percentileC the temperature graded against the absolute limits (the zone's configured percentile)
 * @param risePerMinute rate of rise of {@code percentileC}, °C/min; NaN until the window is long enough
 * @param reason the criteria that reached the level, in words (null when NORMAL)
 */
public record ZoneReading(long zoneId, String zone, double maxC, double percentileC, double risePerMinute, double hotShare,
                          ThermalLevel level, String reason) {

    /** Grades a zone's measurements against its thresholds: the worst of the three criteria. */
    public static ZoneReading grade(long zoneId, String zone, ZoneStats s, double rise, Thresholds t) {
        ThermalLevel absolute = grade(s.percentileC(), t.warnC(), t.alarmC(), t.evacuateC());
        ThermalLevel rising = Double.isNaN(rise) || s.percentileC() < t.riseFloorC() ? ThermalLevel.NORMAL
                : grade(rise, t.riseWarn(), t.riseAlarm(), t.riseEvacuate());
        ThermalLevel area = grade(s.hotShare(), t.hotAreaWarn(), t.hotAreaAlarm(), t.hotAreaEvacuate());
        ThermalLevel worst = ThermalLevel.worst(absolute, ThermalLevel.worst(rising, area));
        String reason = null;
        if (worst != ThermalLevel.NORMAL) {
            StringBuilder b = new StringBuilder(zone).append(':');
            if (absolute != ThermalLevel.NORMAL) {
                b.append(String.format(java.util.Locale.ROOT, " %.1f °C (P%s) ≥ %s %.1f °C;", s.percentileC(), pct(t.percentile()), name(absolute),
                        limit(absolute, t.warnC(), t.alarmC(), t.evacuateC())));
            }
            if (rising != ThermalLevel.NORMAL) {
                b.append(String.format(java.util.Locale.ROOT, " rising %.1f °C/min ≥ %s %.1f °C/min;", rise, name(rising),
                        limit(rising, t.riseWarn(), t.riseAlarm(), t.riseEvacuate())));
            }
            if (area != ThermalLevel.NORMAL) {
                b.append(String.format(java.util.Locale.ROOT, " %.0f %% of the zone ≥ %.1f °C ≥ %s %.0f %%;", s.hotShare() * 100, t.hotC(), name(area),
                        limit(area, t.hotAreaWarn(), t.hotAreaAlarm(), t.hotAreaEvacuate()) * 100));
            }
            b.setLength(b.length() - 1);
            reason = b.toString();
        }
        return new ZoneReading(zoneId, zone, s.maxC(), s.percentileC(), rise, s.hotShare(), worst, reason);
    }

    static ThermalLevel grade(double value, double warn, double alarm, double evacuate) {
        if (value >= evacuate) return ThermalLevel.EVACUATION;
        if (value >= alarm) return ThermalLevel.CRITICAL;
        if (value >= warn) return ThermalLevel.WARNING;
        return ThermalLevel.NORMAL;
    }

    private static double limit(ThermalLevel level, double warn, double alarm, double evacuate) {
        return switch (level) {
            case EVACUATION -> evacuate;
            case CRITICAL -> alarm;
            default -> warn;
        };
    }

    private static String name(ThermalLevel level) {
        return switch (level) {
            case EVACUATION -> "evacuation";
            case CRITICAL -> "alarm";
            default -> "pre-warning";
        };
    }

    private static String pct(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }
}
