package io.pylon.server.sensor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the sensor adapter reports to Prometheus: {@code pylon_sensors_rejected_total{reason}} (messages refused, see
 * {@link SensorRejection}) and {@code pylon_sensors_readings_total{outcome}} (accepted, out_of_order, duplicate, gone,
 * failed). A refused message is logged too, at most once per reason every ten seconds, so a babbling device cannot fill
 * the log.
 */
@Component
public class SensorMetrics {

    private static final Logger log = LoggerFactory.getLogger(SensorMetrics.class);
    private static final long LOG_EVERY_MS = 10_000;

    private final MeterRegistry registry;
    private final Map<SensorRejection, Counter> rejected = new EnumMap<>(SensorRejection.class);
    private final Map<String, Counter> readings = new ConcurrentHashMap<>();
    private final Map<SensorRejection, Long> lastLogged = new ConcurrentHashMap<>();

    public SensorMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (SensorRejection reason : SensorRejection.values()) {
            rejected.put(reason, Counter.builder("pylon.sensors.rejected").description("Sensor messages refused")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    public void rejected(SensorRejection reason, String topic, String detail) {
        rejected.get(reason).increment();
        long now = System.currentTimeMillis();
        Long last = lastLogged.get(reason);
        if (last == null || now - last >= LOG_EVERY_MS) {
            lastLogged.put(reason, now);
            log.warn("Sensor message on {} refused ({}): {}", topic, reason.tag(), detail);
        } else {
            log.debug("Sensor message on {} refused ({}): {}", topic, reason.tag(), detail);
        }
    }

    public void reading(String outcome) {
        readings.computeIfAbsent(outcome, o -> Counter.builder("pylon.sensors.readings").description("Sensor readings received")
                .tag("outcome", o.toLowerCase(Locale.ROOT)).register(registry)).increment();
    }
}
