package io.pylon.server.sensor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The device side of the sensor MQTT contract: a Paho client of its own on the machine's Mosquitto, publishing at QoS 1. */
final class SensorDevice implements AutoCloseable {

    static final String BROKER = "tcp://127.0.0.1:1883";
    private final MqttClient client;

    private SensorDevice(MqttClient client) {
        this.client = client;
    }

    static SensorDevice connect() {
        try {
            MqttClient client = new MqttClient(BROKER, "sensor-it-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setConnectionTimeout(5);
            client.connect(options);
            return new SensorDevice(client);
        } catch (MqttException e) {
            throw new IllegalStateException("Mosquitto at " + BROKER + " is needed by this test: " + e.getMessage(), e);
        }
    }

    void reading(String sensorId, String json) {
        publish("pylon/sensors/" + sensorId + "/reading", json);
    }

    void status(String sensorId, String payload) {
        publish("pylon/sensors/" + sensorId + "/status", payload);
    }

    void publish(String topic, String payload) {
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException("publish to " + topic + " failed: " + e.getMessage(), e);
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

    /** Waits until {@code done}, looking every 200 ms; fails after {@code limit}. */
    static void await(Duration limit, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
