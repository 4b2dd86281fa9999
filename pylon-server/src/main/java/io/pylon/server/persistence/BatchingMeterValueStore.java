package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.MeterValueStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stores meter readings by group commit ({@link GroupCommit}): handlers wait while writer threads write everything
 * queued (up to {@link #MAX_ROWS} sampled values) in one transaction, then release them all. A row is one sampled
 * instant with all its values ({@link StoredInstant}); on PostgreSQL new rows go in with COPY.
 */
@Component
public class BatchingMeterValueStore implements MeterValueStore, SmartLifecycle, org.springframework.beans.factory.DisposableBean {

    /** Rows per insert statement: 6 columns × 1000 rows stays under every driver's bind limit. */
    static final int MAX_ROWS = 1000;
    private static final int WRITERS = 2;

    private static final Table<Record> METER_READING = table(name("meter_reading"));
    private static final Field<Long> SESSION_ID = bigint("session_id");
    private static final Field<Instant> SAMPLED_AT = time("sampled_at");
    private static final Field<String> SAMPLES = str("samples");
    private static final String INSERT_HEAD =
            "insert into meter_reading (charger_id, connector_id, sampled_at, digest, session_id, samples) values ";

    /** @param repeated readings that may be stored already (a stop's transaction data): never COPYed */
    private record Pending(List<MeterReading> readings, boolean repeated) {}

    private final DSLContext db;
    private final HikariDataSource writerPool;
    private final GroupCommit<Pending> commits;
    private final Counter copyConflicts;

    /**
     * The writers get a small pool of their own: sharing the main pool, they queued behind the very handlers
     * that wait for them (seen under load: thousands of MeterValues waiting while the writers waited for a
     * connection).
     */
    public BatchingMeterValueStore(DSLContext db, DataSourceProperties dataSource, MeterRegistry metrics) {
        this.writerPool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        writerPool.setPoolName("meter-writers");
        writerPool.setMaximumPoolSize(WRITERS);
        writerPool.setMinimumIdle(1);
        this.db = DSL.using(writerPool, db.dialect(), db.settings());
        this.commits = new GroupCommit<>("meter", writerPool, WRITERS, MAX_ROWS, p -> p.readings().size(), this::write, metrics);
        this.copyConflicts = Counter.builder("pylon.meter.batch.conflicts")
                .description("Batches written again row by row because they held an already-stored reading").register(metrics);
    }

    @Override
    public void append(List<MeterReading> readings) {
        if (!readings.isEmpty()) commits.submit(new Pending(readings, false));
    }

    @Override
    public void appendRepeated(List<MeterReading> readings) {
        if (!readings.isEmpty()) commits.submit(new Pending(readings, true));
    }

    @Override
    public List<MeterReading> forSession(long sessionId, int limit) {
        List<MeterReading> readings = new ArrayList<>();
        var rows = db.select(CHARGER_ID, CONNECTOR_ID, SAMPLED_AT, SAMPLES).from(METER_READING)
                .where(SESSION_ID.eq(sessionId)).orderBy(SAMPLED_AT).limit(limit).fetch();
        for (var r : rows) {
            for (MeterSample sample : MeterSampleCodec.decode(r.get(SAMPLED_AT), r.get(SAMPLES))) {
                if (readings.size() == limit) return readings;
                readings.add(new MeterReading(r.get(CHARGER_ID), r.get(CONNECTOR_ID), sessionId, sample));
            }
        }
        return readings;
    }

    /**
     * Writes one batch in the group commit's transaction. On PostgreSQL new readings go in with COPY (no statement
     * to parse and plan); if one of them was stored already after all (a retransmitted message), the transaction is
     * rolled back and everything written with {@code insert … on conflict do nothing}, which skips exactly those
     * rows. Repeated readings always take that insert.
     */
    private void write(Connection c, List<Pending> batch) throws SQLException {
        List<MeterReading> freshReadings = new ArrayList<>();
        List<MeterReading> repeatedReadings = new ArrayList<>();
        batch.forEach(p -> (p.repeated() ? repeatedReadings : freshReadings).addAll(p.readings()));
        List<StoredInstant> fresh = StoredInstant.of(freshReadings);
        boolean postgres = c.isWrapperFor(PGConnection.class);
        if (postgres && !fresh.isEmpty() && !MeterCopy.copied(c.unwrap(PGConnection.class), fresh)) {
            copyConflicts.increment();
            c.rollback();
            postgres = false;
        }
        if (!postgres) insertAll(c, fresh);
        insertAll(c, StoredInstant.of(repeatedReadings));
    }

    private static void insertAll(Connection c, List<StoredInstant> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            insertChunk(c, rows.subList(from, Math.min(rows.size(), from + MAX_ROWS)));
        }
    }

    static void insertChunk(Connection c, List<StoredInstant> rows) throws SQLException {
        StringBuilder sql = new StringBuilder(INSERT_HEAD.length() + rows.size() * 16 + 30).append(INSERT_HEAD);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)");
        }
        sql.append(" on conflict do nothing");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (StoredInstant row : rows) {
                ps.setString(p++, row.chargerId());
                ps.setInt(p++, row.connectorId());
                ps.setObject(p++, OffsetDateTime.ofInstant(row.sampledAt(), ZoneOffset.UTC));
                ps.setLong(p++, row.digest());
                if (row.sessionId() == null) {
                    ps.setNull(p++, Types.BIGINT);
                } else {
                    ps.setLong(p++, row.sessionId());
                }
                ps.setString(p++, row.samples());
            }
            ps.executeUpdate();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public void start() {
        commits.start();
    }

    @Override
    public void stop() {
        commits.stop();
    }

    /** The writers' pool lives as long as the bean: a stopped context (Spring pauses idle ones) may start again. */
    @Override
    public void destroy() {
        writerPool.close();
    }

    @Override
    public boolean isRunning() {
        return commits.isRunning();
    }

    /** Stops after the OCPP gateway (which stops first, at a higher phase) so queued readings get written. */
    @Override
    public int getPhase() {
        return 0;
    }
}
