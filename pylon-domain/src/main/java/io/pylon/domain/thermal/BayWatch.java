package io.pylon.domain.thermal;

import java.util.List;

/**
 * What a camera watches of one bay: the bay's rectangle of the frame and its zones, each with the thresholds in force
 * (the zone's defaults with the override of the bay's current vehicle type applied).
 */
public record BayWatch(long bayId, Area area, List<Zone> zones) {

    public BayWatch {
        zones = List.copyOf(zones);
    }

    /** A zone of the bay (where the battery sits: front, middle, rear …) with the thresholds that apply now. */
    public record Zone(long zoneId, String name, Area area, Thresholds thresholds) {}
}
