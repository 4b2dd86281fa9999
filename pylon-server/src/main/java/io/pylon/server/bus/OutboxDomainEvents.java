package io.pylon.server.bus;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.event.DomainEvent;
import io.pylon.domain.event.DomainEvents;
import io.pylon.server.cluster.NodeIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code pylon.bus=kafka}: an event is a row of {@code event_outbox}, inserted in the caller's transaction — it
 * exists exactly when what caused it was committed. The {@link OutboxRelay} publishes it to Kafka afterwards.
 */
@Component
@ConditionalOnProperty(name = "pylon.bus", havingValue = "kafka")
public class OutboxDomainEvents implements DomainEvents {

    static final Table<Record> OUTBOX = table(name("event_outbox"));
    static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    static final Field<String> EVENT_ID = field(name("event_id"), SQLDataType.VARCHAR);
    static final Field<String> CHARGER_ID = field(name("charger_id"), SQLDataType.VARCHAR);
    static final Field<String> EVENT_TYPE = field(name("event_type"), SQLDataType.VARCHAR);
    static final Field<String> PAYLOAD = field(name("payload"), SQLDataType.VARCHAR);
    static final Field<Instant> CREATED_AT = field(name("created_at"), SQLDataType.INSTANT);

    private final DSLContext db;
    private final NodeIdentity self;
    private final Clock clock;

    public OutboxDomainEvents(DSLContext db, NodeIdentity self, Clock clock) {
        this.db = db;
        this.self = self;
        this.clock = clock;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    public void publish(DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), self.id(), event);
        db.insertInto(OUTBOX).set(EVENT_ID, envelope.eventId()).set(CHARGER_ID, event.chargerId())
                .set(EVENT_TYPE, event.getClass().getSimpleName()).set(PAYLOAD, BusCodec.writeEvent(envelope))
                .set(CREATED_AT, clock.instant()).execute();
    }
}
