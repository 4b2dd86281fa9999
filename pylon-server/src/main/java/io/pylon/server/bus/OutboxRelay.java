package io.pylon.server.bus;

import static io.pylon.server.bus.OutboxDomainEvents.CHARGER_ID;
import static io.pylon.server.bus.OutboxDomainEvents.CREATED_AT;
import static io.pylon.server.bus.OutboxDomainEvents.ID;
import static io.pylon.server.bus.OutboxDomainEvents.OUTBOX;
import static io.pylon.server.bus.OutboxDomainEvents.PAYLOAD;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pylon.server.cluster.NodeIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes committed outbox rows to the events topic, keyed by charger id, oldest first, and deletes them once
 * the broker acknowledged them. One node relays at a time — the holder of the {@code outbox-relay} lease — so
 * events of one charger (committed one after the other) reach Kafka in the order they were committed. A relay
 * that dies between sending and deleting leaves the rows for the next holder: at least once, never lost;
 * consumers drop the repeats by event id.
 */
@Component
@ConditionalOnProperty(name = "pylon.bus", havingValue = "kafka")
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outbox-relay";
    /** Batches sent per scheduled round at most, so that stopping is never held up long. */
    private static final int MAX_BATCHES_PER_ROUND = 20;
    private static final org.jooq.Table<?> LEASES = table(name("cluster_lease"));
    private static final Field<String> LEASE_NAME = field(name("name"), SQLDataType.VARCHAR);
    private static final Field<String> HOLDER = field(name("holder"), SQLDataType.VARCHAR);
    private static final Field<Instant> EXPIRES_AT = field(name("expires_at"), SQLDataType.INSTANT);

    private final DSLContext db;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaBusProperties settings;
    private final NodeIdentity self;
    private final Clock clock;
    private final Counter published;
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile boolean running;

    public OutboxRelay(DSLContext db, KafkaTemplate<String, String> kafka, KafkaBusProperties settings, NodeIdentity self,
                       Clock clock, MeterRegistry metrics) {
        this.db = db;
        this.kafka = kafka;
        this.settings = settings;
        this.self = self;
        this.clock = clock;
        this.published = Counter.builder("pylon.outbox.published").description("Outbox events published to Kafka by this node")
                .register(metrics);
        Gauge.builder("pylon.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox, seen by the relaying node").register(metrics);
    }

    @Scheduled(fixedDelayString = "${pylon.kafka.outbox-interval:100ms}")
    public void relay() {
        if (!running || !holdLease()) return;
        for (int round = 0; round < MAX_BATCHES_PER_ROUND && running; round++) {
            if (publishBatch() < settings.outboxBatch()) return;
        }
    }

    /** Takes or renews the lease; true if this node relays now. */
    boolean holdLease() {
        Instant now = clock.instant();
        return db.update(LEASES).set(HOLDER, self.id()).set(EXPIRES_AT, now.plus(settings.relayLease()))
                .where(LEASE_NAME.eq(LEASE)).and(HOLDER.eq(self.id()).or(EXPIRES_AT.lt(now))).execute() == 1;
    }

    /** Sends the oldest committed events and deletes them once acknowledged; answers how many. */
    int publishBatch() {
        List<Record3<Long, String, String>> rows = db.select(ID, CHARGER_ID, PAYLOAD).from(OUTBOX).orderBy(ID)
                .limit(settings.outboxBatch()).fetch();
        if (rows.isEmpty()) {
            oldestAgeMillis.set(0);
            return 0;
        }
        Instant oldest = db.select(CREATED_AT).from(OUTBOX).where(ID.eq(rows.getFirst().value1())).fetchOne(CREATED_AT);
        if (oldest != null) oldestAgeMillis.set(Math.max(0, clock.millis() - oldest.toEpochMilli()));
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Record3<Long, String, String> row : rows) {
            acks.add(kafka.send(settings.eventsTopic(), row.value2(), row.value3()));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Kafka did not acknowledge {} outbox events; they stay and are sent again: {}", rows.size(), e.toString());
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return 0;
        }
        db.deleteFrom(OUTBOX).where(ID.in(rows.stream().map(Record3::value1).toList())).execute();
        published.increment(rows.size());
        return rows.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Publishes what the node's last transactions wrote, then gives up the lease so another node takes over at once. */
    @Override
    public void stop() {
        if (running && holdLease()) {
            while (publishBatch() == settings.outboxBatch()) {
                // drain
            }
        }
        running = false;
        db.update(LEASES).set(EXPIRES_AT, Instant.EPOCH).where(LEASE_NAME.eq(LEASE)).and(HOLDER.eq(self.id())).execute();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the gateways (100), the cluster lease (50) and the meter writers (0): it publishes their last events. */
    @Override
    public int getPhase() {
        return -10;
    }
}
