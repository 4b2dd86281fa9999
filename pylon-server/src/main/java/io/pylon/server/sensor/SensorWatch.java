package io.pylon.server.sensor;

import io.pylon.server.persistence.JooqSensors;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sensors that went silent (no reading within their offline timeout) get an offline alarm; raw readings past the
 * retention period are deleted. Every node runs both: the state's version check lets one node raise each alarm, and
 * deleting twice is harmless.
 */
@Component
public class SensorWatch {

    private static final Logger log = LoggerFactory.getLogger(SensorWatch.class);
    private static final int SILENT_PER_ROUND = 500;
    private static final int PURGE_BATCH = 5_000;
    private static final int PURGE_BATCHES_PER_ROUND = 200;

    private final JooqSensors sensors;
    private final SensorService service;
    private final SensorProperties properties;
    private final Clock clock;

    public SensorWatch(JooqSensors sensors, SensorService service, SensorProperties properties, Clock clock) {
        this.sensors = sensors;
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pylon.sensors.offline-check:5s}", initialDelayString = "${pylon.sensors.offline-check:5s}")
    public void silentSensors() {
        for (String sensorId : sensors.silentSince(clock.instant(), SILENT_PER_ROUND)) {
            try {
                service.silence(sensorId);
            } catch (RuntimeException e) {
                log.warn("Offline check of sensor {} failed: {}", sensorId, e.toString());
            }
        }
    }

    @Scheduled(fixedDelayString = "${pylon.sensors.retention-check:1h}", initialDelayString = "${pylon.sensors.retention-check:1h}")
    public void purgeOldReadings() {
        Instant before = clock.instant().minus(properties.retention());
        long purged = 0;
        for (int round = 0; round < PURGE_BATCHES_PER_ROUND; round++) {
            int n = sensors.purgeReadings(before, PURGE_BATCH);
            purged += n;
            if (n < PURGE_BATCH) break;
        }
        if (purged > 0) log.info("Deleted {} sensor readings older than {}", purged, before);
    }
}
