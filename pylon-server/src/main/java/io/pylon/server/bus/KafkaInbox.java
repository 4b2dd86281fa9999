package io.pylon.server.bus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's reader of the bus topics. Every node reads every partition of the events, commands and replies
 * topics itself (manual assignment, no consumer group: each node must see every event, and picks the commands
 * and replies addressed to it). It starts at the end of each partition, positioned before {@link #start()}
 * returns — so before this node joins the cluster and can be sent anything. One thread polls; events are
 * delivered on it in partition order (so per charger), commands run on their own threads.
 */
@Component
@ConditionalOnProperty(name = "pylon.bus", havingValue = "kafka")
public class KafkaInbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaInbox.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LAG_EVERY = Duration.ofSeconds(5);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaBusProperties kafka;
    private final LocalEventBus events;
    private final KafkaCommandTransport commands;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private volatile Consumer<String, String> consumer;
    private volatile Thread poller;
    private volatile boolean running;
    private long lagMeasuredAt = System.nanoTime();

    public KafkaInbox(ConsumerFactory<String, String> consumers, KafkaBusProperties kafka, LocalEventBus events,
                      KafkaCommandTransport commands, MeterRegistry metrics) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.events = events;
        this.commands = commands;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        Consumer<String, String> c = consumers.createConsumer();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(kafka.eventsTopic(), kafka.commandsTopic(), kafka.repliesTopic())) {
            c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            AtomicLong behind = lag.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder("pylon.bus.consumer.lag", behind, AtomicLong::get).tag("topic", topic)
                    .description("Records in the topic this node has not read yet").register(metrics);
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position); // resolve now: nothing sent after start() returns is missed
        consumer = c;
        running = true;
        poller = Thread.ofPlatform().name("pylon-kafka-inbox").daemon().start(this::pollLoop);
        log.info("Reading {} partitions of {}, {}, {}", partitions.size(), kafka.eventsTopic(), kafka.commandsTopic(),
                kafka.repliesTopic());
    }

    private void pollLoop() {
        Consumer<String, String> c = consumer;
        try {
            while (running) {
                ConsumerRecords<String, String> records = c.poll(POLL);
                for (ConsumerRecord<String, String> r : records) {
                    dispatch(r);
                }
                measureLag(c);
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Kafka inbox stopped reading", e);
        } finally {
            c.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<String, String> r) {
        try {
            if (r.topic().equals(kafka.eventsTopic())) {
                events.deliver(BusCodec.readEvent(r.value()));
            } else if (r.topic().equals(kafka.commandsTopic())) {
                commands.received(CommandMessages.readRequest(r.value()));
            } else {
                commands.answered(CommandMessages.readReply(r.value()));
            }
        } catch (RuntimeException e) {
            log.warn("Skipped unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
        }
    }

    /** Every {@link #LAG_EVERY}: records at the end of each topic minus this node's position. */
    private void measureLag(Consumer<String, String> c) {
        long now = System.nanoTime();
        if (now - lagMeasuredAt < LAG_EVERY.toNanos()) return;
        lagMeasuredAt = now;
        try {
            Map<TopicPartition, Long> ends = c.endOffsets(c.assignment(), Duration.ofSeconds(2));
            Map<String, Long> byTopic = new java.util.HashMap<>();
            ends.forEach((tp, end) -> byTopic.merge(tp.topic(), Math.max(0, end - c.position(tp)), Long::sum));
            byTopic.forEach((topic, l) -> lag.get(topic).set(l));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            log.debug("Could not measure the lag: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) c.wakeup();
        Thread t = poller;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Reads before the node joins the cluster (50) and the gateways open (100); stops after both. */
    @Override
    public int getPhase() {
        return 40;
    }
}
