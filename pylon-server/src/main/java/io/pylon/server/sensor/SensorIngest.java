package io.pylon.server.sensor;

import io.pylon.domain.sensor.Sensor;
import io.pylon.domain.sensor.SensorReading;
import io.pylon.domain.sensor.SensorState;
import io.pylon.server.mqtt.Mqtt;
import io.pylon.server.sensor.SensorMessages.Decoded;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The sensors' MQTT adapter: subscribes to {@code <prefix>/+/reading} and {@code <prefix>/+/status} on the shared
 * {@link Mqtt} connection, then decode → check → hand to {@link SensorService}. A message that cannot be used is counted
 * ({@code pylon.sensors.rejected}) and logged, and nothing else happens: no exception reaches the MQTT client.
 */
@Component
public class SensorIngest implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SensorIngest.class);

    private final Mqtt mqtt;
    private final SensorProperties properties;
    private final SensorService service;
    private final SensorMetrics metrics;
    private final Clock clock;

    public SensorIngest(Mqtt mqtt, SensorProperties properties, SensorService service, SensorMetrics metrics, Clock clock) {
        this.mqtt = mqtt;
        this.properties = properties;
        this.service = service;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!mqtt.enabled()) {
            log.info("Sensors: MQTT is off (set PYLON_MQTT_URL to receive sensor readings)");
            return;
        }
        mqtt.subscribe(properties.topicPrefix() + "/+/reading", this::handle);
        mqtt.subscribe(properties.topicPrefix() + "/+/status", this::handle);
    }

    /** One message from the broker. */
    void handle(String topic, byte[] payload) {
        Instant now = clock.instant();
        try {
            if (!(SensorMessages.topic(properties.topicPrefix(), topic) instanceof Decoded.Ok<SensorMessages.Topic>(var where))) {
                metrics.rejected(SensorRejection.BAD_TOPIC, topic, "not <prefix>/<sensorId>/reading|status");
                return;
            }
            if (payload.length > properties.maxPayloadBytes()) {
                metrics.rejected(SensorRejection.OVERSIZE, topic, payload.length + " bytes");
                return;
            }
            if (where.reading()) {
                reading(topic, where.sensorId(), payload, now);
            } else {
                status(topic, where.sensorId(), payload, now);
            }
        } catch (RuntimeException e) {
            metrics.reading("failed");
            log.warn("Sensor message on {} failed: {}", topic, e.toString());
        }
    }

    private void reading(String topic, String sensorId, byte[] payload, Instant now) {
        Decoded<JsonNode> json = SensorMessages.object(payload);
        if (json instanceof Decoded.Rejected<JsonNode>(var reason, var detail)) {
            metrics.rejected(reason, topic, detail);
            return;
        }
        Optional<Sensor> sensor = known(topic, sensorId);
        if (sensor.isEmpty()) return;
        Decoded<SensorReading> reading = SensorMessages.reading(((Decoded.Ok<JsonNode>) json).value(), sensor.get().kind(), now,
                properties.maxClockSkew());
        switch (reading) {
            case Decoded.Rejected<SensorReading>(var reason, var detail) -> metrics.rejected(reason, topic, detail);
            case Decoded.Ok<SensorReading>(var r) -> metrics.reading(service.reading(sensor.get(), r, now).name());
        }
    }

    private void status(String topic, String sensorId, byte[] payload, Instant now) {
        Decoded<SensorState.Link> link = SensorMessages.status(payload);
        if (link instanceof Decoded.Rejected<SensorState.Link>(var reason, var detail)) {
            metrics.rejected(reason, topic, detail);
            return;
        }
        known(topic, sensorId).ifPresent(sensor -> service.link(sensor, ((Decoded.Ok<SensorState.Link>) link).value(), now));
    }

    private Optional<Sensor> known(String topic, String sensorId) {
        Optional<Sensor> sensor = service.sensor(sensorId);
        if (sensor.isEmpty()) metrics.rejected(SensorRejection.UNKNOWN_SENSOR, topic, "no sensor " + sensorId);
        return sensor;
    }
}
