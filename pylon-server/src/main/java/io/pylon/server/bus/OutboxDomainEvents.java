package io.pylon.server.bus;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.event.DomainEvent;
import io.pylon.domain.event.DomainEvents;
import io.pylon.server.cluster.NodeIdentity;
import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    /** An outbox row not yet written: for stores that write it in a commit of their own ({@link #insert}). */
    public record Row(String eventId, String chargerId, String type, String payload, Instant createdAt) {}

    @Override
    public void publish(DomainEvent event) {
        Row row = row(event);
        db.insertInto(OUTBOX).set(EVENT_ID, row.eventId()).set(CHARGER_ID, row.chargerId()).set(EVENT_TYPE, row.type())
                .set(PAYLOAD, row.payload()).set(CREATED_AT, row.createdAt()).execute();
    }

    /** The row that publishes this event once it is committed. */
    public Row row(DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), self.id(), event);
        return new Row(envelope.eventId(), event.chargerId(), event.getClass().getSimpleName(), BusCodec.writeEvent(envelope),
                clock.instant());
    }

    /** Writes rows in the caller's transaction, in their order (the relay publishes by id), as one statement. */
    public static void insert(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) return;
        StringBuilder sql = new StringBuilder("insert into event_outbox (event_id, charger_id, event_type, payload, created_at) values ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?,?,?,?,?)" : ",(?,?,?,?,?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Row r : rows) {
                ps.setString(p++, r.eventId());
                ps.setString(p++, r.chargerId());
                ps.setString(p++, r.type());
                ps.setString(p++, r.payload());
                ps.setObject(p++, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC));
            }
            ps.executeUpdate();
        }
    }
}
