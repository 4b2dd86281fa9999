package io.pylon.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What the device gateways report to Prometheus ({@code /actuator/prometheus}), per protocol:
 * <ul>
 *   <li>{@code pylon_gateway_connections} — chargers connected to this node;</li>
 *   <li>{@code pylon_gateway_messages_total{direction=in|out}} — messages per action;</li>
 *   <li>{@code pylon_gateway_handling_seconds} — from a charger's request to our reply, per action (histogram);</li>
 *   <li>{@code pylon_gateway_call_errors_total} — CALLERRORs we sent, per action and code;</li>
 *   <li>{@code pylon_gateway_decode_failures_total} — frames that could not be read, per reason.</li>
 * </ul>
 * Meters are created once per tag set and cached, so the per-message cost is a map read and an increment.
 */
@Component
public class GatewayMetrics {
    private static final Duration[] SLOS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(1000)};

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the number of connected chargers of one protocol. */
    public void connections(String protocol, Supplier<Number> connected) {
        Gauge.builder("pylon.gateway.connections", connected).description("Chargers connected to this node")
                .tag("protocol", protocol).strongReference(true).register(registry);
    }

    public void received(String protocol, String action) {
        counter("pylon.gateway.messages", "Messages exchanged with chargers", protocol, action, "direction", "in").increment();
    }

    public void sent(String protocol, String action) {
        counter("pylon.gateway.messages", "Messages exchanged with chargers", protocol, action, "direction", "out").increment();
    }

    /** A charger's request answered (a result or an error) after {@code nanos}. */
    public void handled(String protocol, String action, long nanos) {
        timers.computeIfAbsent(protocol + '|' + action, k -> Timer.builder("pylon.gateway.handling")
                        .description("From a charger's request to the central system's reply")
                        .tags("protocol", protocol, "action", action)
                        .serviceLevelObjectives(SLOS).publishPercentileHistogram(false)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void callError(String protocol, String action, String code) {
        counter("pylon.gateway.call.errors", "CALLERRORs sent to chargers", protocol, action, "code", code).increment();
    }

    public void decodeFailure(String protocol, String reason) {
        counter("pylon.gateway.decode.failures", "Frames that could not be read", protocol, null, "reason", reason).increment();
    }

    private Counter counter(String name, String description, String protocol, String action, String key, String value) {
        String cacheKey = name + '|' + protocol + '|' + action + '|' + value;
        Counter counter = counters.get(cacheKey);
        if (counter != null) return counter;
        return counters.computeIfAbsent(cacheKey, k -> {
            Counter.Builder b = Counter.builder(name).description(description).tag("protocol", protocol).tag(key, value);
            return (action == null ? b : b.tag("action", action)).register(registry);
        });
    }
}
