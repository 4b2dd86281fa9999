package io.pylon.server.sensor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Environment sensors over MQTT ({@code pylon.sensors.*}; the broker itself is {@code pylon.mqtt.url}, env PYLON_MQTT_URL).
 *
 * @param topicPrefix           sensors publish to {@code <prefix>/<sensorId>/reading} and {@code <prefix>/<sensorId>/status}
 * @param defaultOfflineTimeout a sensor registered without its own timeout counts as offline after this long without a reading
 * @param offlineCheck          how often silent sensors are looked for (an offline alarm comes at most this late)
 * @param retention             raw readings older than this (by the sensor's time) are deleted, so the table stays bounded
 * @param retentionCheck        how often old readings are deleted
 * @param maxClockSkew          a reading stamped further than this in the future is refused: it would hide every later one
 * @param maxPayloadBytes       larger messages are refused unread
 */
@ConfigurationProperties("pylon.sensors")
public record SensorProperties(@DefaultValue("pylon/sensors") String topicPrefix, @DefaultValue("10m") Duration defaultOfflineTimeout,
                               @DefaultValue("5s") Duration offlineCheck, @DefaultValue("90d") Duration retention,
                               @DefaultValue("1h") Duration retentionCheck,
                               @DefaultValue("5m") Duration maxClockSkew, @DefaultValue("4096") int maxPayloadBytes) {

    public SensorProperties {
        if (topicPrefix == null || topicPrefix.isBlank() || topicPrefix.contains("+") || topicPrefix.contains("#")) {
            throw new IllegalArgumentException("pylon.sensors.topic-prefix must be a topic without wildcards");
        }
        topicPrefix = topicPrefix.endsWith("/") ? topicPrefix.substring(0, topicPrefix.length() - 1) : topicPrefix;
    }
}
