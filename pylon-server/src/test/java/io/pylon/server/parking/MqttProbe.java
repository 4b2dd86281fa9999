package io.pylon.server.parking;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A device on the machine's Mosquitto (127.0.0.1:1883), as a third-party client: hears commands, sends state reports. */
final class MqttProbe implements AutoCloseable {

    static final String BROKER = "tcp://127.0.0.1:1883";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message heard: its topic and JSON payload. */
    record Heard(String topic, JsonNode payload) {}

    private final MqttClient client;
    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

    MqttProbe(String filter) {
        try {
            client = new MqttClient(BROKER, "probe-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setConnectionTimeout(5);
            client.connect(options);
            client.subscribe(filter, 1, (topic, message) ->
                    heard.add(new Heard(topic, JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8)))));
        } catch (MqttException e) {
            throw new IllegalStateException("Mosquitto at " + BROKER + " not reachable: " + e.getMessage(), e);
        }
    }

    /** The next message, waiting up to 10 s. */
    Heard next() {
        try {
            Heard h = heard.poll(10, TimeUnit.SECONDS);
            if (h == null) throw new AssertionError("no MQTT message within 10 s");
            return h;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What arrived so far without waiting, or null. */
    Heard poll() {
        return heard.poll();
    }

    void publish(String topic, String json) {
        try {
            client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect(2000);
            client.close();
        } catch (MqttException e) {
            // the test is over
        }
    }
}
