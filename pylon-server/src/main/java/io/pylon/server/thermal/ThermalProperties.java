package io.pylon.server.thermal;

import io.pylon.domain.thermal.DetectorSettings;
import io.pylon.domain.thermal.ThermalLevel;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thermal safety ({@code pylon.thermal.*}, docs/thermal.md).
 *
 * @param riseWindow     how far back (camera time) the rate of rise looks
 * @param minRiseSpan    no rate until the frames in the window span this long (a burst of frames is not a trend)
 * @param windowCapacity frames kept per zone for the rate (a camera faster than capacity / window gets a shorter window)
 * @param confirmFrames  consecutive frames a level must hold before it raises or upgrades an alarm (one glitch never
 *                       evacuates a car park; 1 = at once)
 * @param coolDown       an alarm resolves once its bay has been normal this long; evacuations lock the charger out and
 *                       wait for a person instead
 * @param refreshEvery   a bay that stays hot raises its alarm again this often (re-opens it if cleared while hot, and
 *                       repeats the neighbours' stop during an evacuation)
 * @param stopAffectedAt from this grade on the affected bay's session is stopped (CRITICAL: at the alarm; EVACUATION:
 *                       only when evacuating); neighbours are stopped at EVACUATION only
 * @param layoutTtl      cameras, bays and zones are cached this long per node (changes made on this node apply at once)
 * @param maxBodyBytes   largest frame body accepted (JSON of 1280 × 1024 values fits in 16 MB)
 */
@ConfigurationProperties("pylon.thermal")
public record ThermalProperties(@DefaultValue("60s") Duration riseWindow, @DefaultValue("10s") Duration minRiseSpan,
                                @DefaultValue("512") int windowCapacity, @DefaultValue("2") int confirmFrames,
                                @DefaultValue("5m") Duration coolDown, @DefaultValue("60s") Duration refreshEvery,
                                @DefaultValue("CRITICAL") ThermalLevel stopAffectedAt, @DefaultValue("10s") Duration layoutTtl,
                                @DefaultValue("16777216") int maxBodyBytes) {

    public ThermalProperties {
        if (stopAffectedAt != ThermalLevel.CRITICAL && stopAffectedAt != ThermalLevel.EVACUATION) {
            throw new IllegalArgumentException("pylon.thermal.stop-affected-at must be CRITICAL or EVACUATION");
        }
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("pylon.thermal.max-body-bytes must be ≥ 1024");
    }

    public DetectorSettings detector() {
        return new DetectorSettings(riseWindow, minRiseSpan, windowCapacity, confirmFrames, coolDown, refreshEvery);
    }
}
