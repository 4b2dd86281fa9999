package io.pylon.server.mqtt;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The platform's one connection to the MQTT broker (Eclipse Paho), shared by the sensor, parking-lock and barrier
 * adapters. Off unless {@code pylon.mqtt.url} (env {@code PYLON_MQTT_URL}, e.g. {@code tcp://127.0.0.1:1883}) is set.
 * <p>
 * Subscriptions are shared ({@code $share/<group>/<filter>}, supported by Mosquitto for MQTT 3.1.1 clients too), so with
 * several nodes each device message is handled by one node only. They are made again after every reconnect. Handlers
 * run on virtual threads, never on Paho's callback thread, one message of a topic at a time and in the order received. While the broker is unreachable the client keeps retrying;
 * publishing then fails fast with an {@link IllegalStateException}.
 */
@Component
public class Mqtt implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Mqtt.class);

    private final String url;
    private final String group;
    private final String username;
    private final String password;
    private final Map<String, BiConsumer<String, byte[]>> subscriptions = new ConcurrentHashMap<>();
    private final ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mqtt-", 0).factory());
    /** The last message handed on per topic: the next one of that topic runs after it (MQTT keeps order per topic). */
    private final Map<String, java.util.concurrent.CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService retry;
    private volatile MqttClient client;
    private volatile boolean running;

    public Mqtt(@Value("${pylon.mqtt.url:}") String url, @Value("${pylon.mqtt.shared-group:pylon}") String group,
                @Value("${pylon.mqtt.username:}") String username, @Value("${pylon.mqtt.password:}") String password) {
        this.url = url == null ? "" : url.strip();
        this.group = group;
        this.username = username;
        this.password = password;
    }

    /** Whether a broker is configured at all. */
    public boolean enabled() {
        return !url.isEmpty();
    }

    public boolean connected() {
        MqttClient c = client;
        return c != null && c.isConnected();
    }

    /**
     * Handles every message on topics matching {@code filter} (MQTT wildcards + and #) with (topic, payload). A handler
     * that throws is logged; the message is not redelivered.
     */
    public void subscribe(String filter, BiConsumer<String, byte[]> handler) {
        subscriptions.put(filter, handler);
        MqttClient c = client;
        if (c != null && c.isConnected()) subscribe(c, filter);
    }

    /** Publishes at QoS 1. */
    public void publish(String topic, byte[] payload, boolean retained) {
        MqttClient c = client;
        if (c == null || !c.isConnected()) {
            throw new IllegalStateException(enabled() ? "MQTT broker " + url + " is not connected" : "MQTT is not configured (pylon.mqtt.url)");
        }
        try {
            c.publish(topic, payload, 1, retained);
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        running = true;
        if (!enabled()) return;
        retry = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mqtt-connect").factory());
        try {
            MqttClient c = new MqttClient(url, "pylon-" + UUID.randomUUID(), new MemoryPersistence());
            c.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    log.info("MQTT {} to {}", reconnect ? "reconnected" : "connected", serverUri);
                    subscriptions.keySet().forEach(filter -> subscribe(c, filter));
                }

                @Override
                public void connectionLost(Throwable cause) {
                    log.warn("MQTT connection to {} lost: {}", url, cause == null ? "?" : cause.toString());
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    route(topic, message.getPayload());
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            client = c;
            retry.execute(this::connect);
        } catch (MqttException e) {
            throw new IllegalStateException("Bad MQTT broker URL " + url + ": " + e.getMessage(), e);
        }
    }

    private void connect() {
        MqttClient c = client;
        if (!running || c == null || c.isConnected()) return;
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(30);
        if (!username.isEmpty()) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        try {
            c.connect(options);
        } catch (MqttException e) {
            log.warn("MQTT broker {} not reachable ({}); retrying in 5 s", url, e.getMessage());
            try {
                retry.schedule(this::connect, 5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                log.debug("MQTT: stopped while connecting");
            }
        }
    }

    /**
     * Subscribed without a per-filter listener: Paho (1.2.5) matches a listener against the filter as subscribed, and
     * {@code $share/<group>/<filter>} never matches the message's topic, so every message arrives at the callback and is
     * routed here by the filters themselves.
     */
    private void subscribe(MqttClient c, String filter) {
        try {
            c.subscribe("$share/" + group + "/" + filter, 1);
        } catch (MqttException e) {
            log.warn("MQTT subscribe to {} failed: {}", filter, e.getMessage());
        }
    }

    private void route(String topic, byte[] payload) {
        for (String filter : subscriptions.keySet()) {
            if (!MqttTopic.isMatched(filter, topic)) continue;
            try {
                tails.compute(filter + " " + topic, (key, tail) -> (tail == null ? java.util.concurrent.CompletableFuture.<Void>completedFuture(null) : tail)
                        .thenRunAsync(() -> deliver(filter, topic, payload), handlers));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("MQTT message on {} dropped: shutting down", topic);
            }
        }
    }

    private void deliver(String filter, String topic, byte[] payload) {
        BiConsumer<String, byte[]> handler = subscriptions.get(filter);
        if (handler == null) return;
        try {
            handler.accept(topic, payload);
        } catch (RuntimeException e) {
            log.warn("MQTT message on {} not handled: {}", topic, e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (retry != null) retry.shutdownNow();
        MqttClient c = client;
        client = null;
        if (c != null) {
            try {
                if (c.isConnected()) c.disconnect(2000);
                c.close(true);
            } catch (MqttException e) {
                log.debug("MQTT close: {}", e.toString());
            }
        }
    }

    /** Stopped contexts may start again (the test context cache pauses them); the handler threads end only here. */
    @jakarta.annotation.PreDestroy
    void close() {
        handlers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
