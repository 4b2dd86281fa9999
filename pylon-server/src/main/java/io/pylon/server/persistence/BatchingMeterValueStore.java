package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.MeterValueStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stores meter readings in batches: callers queue their readings and wait; writer threads take
 * everything queued (up to {@link #MAX_ROWS} rows) and write it in one multi-row insert and one
 * commit, then release all callers of that batch. Under load this turns thousands of small
 * messages into a few large writes (group commit); when idle a write goes out at once.
 *
 * <p>A failed batch is retried message by message so one bad message fails alone; a database that
 * is down is retried with back-off while callers wait (chargers get their answer late, never a
 * false one).
 */
@Component
public class BatchingMeterValueStore implements MeterValueStore, SmartLifecycle, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchingMeterValueStore.class);
    /** Rows per insert statement: 12 columns × 1000 rows stays under every driver's bind limit. */
    static final int MAX_ROWS = 1000;
    /** Messages that may wait to be written before callers are held back. */
    static final int QUEUE_CAPACITY = 50_000;
    private static final int WRITERS = 2;

    private static final Field<Long> SESSION_ID = bigint("session_id");
    private static final Field<Instant> SAMPLED_AT = time("sampled_at");
    private static final Field<String> MEASURAND = str("measurand");
    private static final Field<String> PHASE = str("phase");
    private static final Field<String> UNIT = str("unit");
    private static final Field<String> CONTEXT = str("context");
    private static final Field<String> LOCATION = str("location");
    private static final Field<String> FORMAT = str("format");
    private static final Field<String> VALUE_TEXT = str("value_text");
    private static final Field<BigDecimal> VALUE_NUMERIC = decimal("value_numeric");

    private record Pending(List<MeterReading> readings, CompletableFuture<Void> done) {}

    private static final java.util.List<org.jooq.Field<?>> COLUMNS = java.util.List.of(CHARGER_ID, CONNECTOR_ID, SESSION_ID, SAMPLED_AT, MEASURAND, PHASE, UNIT, CONTEXT, LOCATION, FORMAT, VALUE_TEXT);

    private final DSLContext db;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    private final HikariDataSource writerPool;

    /**
     * The writers get a small pool of their own: sharing the main pool, they queued behind the very handlers
     * that wait for them (seen under load: thousands of MeterValues waiting while the writers waited for a
     * connection).
     */
    public BatchingMeterValueStore(DSLContext db, DataSourceProperties dataSource) {
        this.writerPool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        writerPool.setPoolName("meter-writers");
        writerPool.setMaximumPoolSize(WRITERS);
        writerPool.setMinimumIdle(1);
        this.db = DSL.using(writerPool, db.dialect(), db.settings());
    }

    @Override
    public void append(List<MeterReading> readings) {
        if (readings.isEmpty()) return;
        if (!running) {
            insert(readings);
            return;
        }
        Pending pending = new Pending(readings, new CompletableFuture<>());
        try {
            queue.put(pending);
            pending.done().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing meter values", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    @Override
    public List<MeterReading> forSession(long sessionId, int limit) {
        return db.select(COLUMNS).from(METER_VALUE).where(SESSION_ID.eq(sessionId)).orderBy(SAMPLED_AT, INT_ID).limit(limit)
                .fetch(r -> new MeterReading(r.get(CHARGER_ID), r.get(CONNECTOR_ID), r.get(SESSION_ID),
                        new MeterSample(r.get(SAMPLED_AT), r.get(MEASURAND), emptyToNull(r.get(PHASE)),
                                emptyToNull(r.get(UNIT)), emptyToNull(r.get(CONTEXT)), emptyToNull(r.get(LOCATION)),
                                emptyToNull(r.get(FORMAT)), r.get(VALUE_TEXT))));
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                int rows = first.readings().size();
                Pending next;
                while (rows < MAX_ROWS && (next = queue.poll()) != null) {
                    batch.add(next);
                    rows += next.readings().size();
                }
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Pending> batch) throws InterruptedException {
        List<MeterReading> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.readings()));
        long backoff = 100;
        while (true) {
            try {
                insert(all);
                batch.forEach(p -> p.done().complete(null));
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    writeOneByOne(batch);
                    return;
                }
                log.warn("Database unavailable for meter values ({} rows waiting), retrying in {} ms: {}",
                        all.size(), backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void writeOneByOne(List<Pending> batch) {
        for (Pending p : batch) {
            try {
                insert(p.readings());
                p.done().complete(null);
            } catch (RuntimeException e) {
                log.warn("Meter values rejected by the database: {}", e.getMessage());
                p.done().completeExceptionally(e);
            }
        }
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void insert(List<MeterReading> readings) {
        for (int from = 0; from < readings.size(); from += MAX_ROWS) {
            List<MeterReading> chunk = readings.subList(from, Math.min(readings.size(), from + MAX_ROWS));
            var insert = db.insertInto(METER_VALUE, CHARGER_ID, CONNECTOR_ID, SESSION_ID,
                    SAMPLED_AT, MEASURAND, PHASE, UNIT, CONTEXT, LOCATION, FORMAT, VALUE_TEXT, VALUE_NUMERIC);
            for (MeterReading r : chunk) {
                MeterSample s = r.sample();
                insert = insert.values(r.chargerId(), r.connectorId(), r.sessionId(), s.timestamp(), s.measurand(),
                        nullToEmpty(s.phase()), nullToEmpty(s.unit()), nullToEmpty(s.context()),
                        nullToEmpty(s.location()), nullToEmpty(s.format()), s.value(), fit(s.numeric()));
            }
            insert.onConflict(key(METER_VALUE, "charger_id", "connector_id", "sampled_at", "measurand", "phase", "location", "context"))
                    .doNothing().execute();
        }
    }

    /** numeric(24,6): values out of that range are kept as text only. */
    private static BigDecimal fit(BigDecimal value) {
        if (value == null) return null;
        BigDecimal scaled = value.setScale(6, java.math.RoundingMode.HALF_EVEN);
        return scaled.precision() - scaled.scale() > 18 ? null : scaled;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            Thread t = Thread.ofPlatform().name("meter-writer-" + i).daemon().start(this::writeLoop);
            writers.add(t);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
    }

    /** The writers' pool lives as long as the bean: a stopped context (Spring pauses idle ones) may start again. */
    @Override
    public void destroy() {
        writerPool.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the OCPP gateway (which stops first, at a higher phase) so queued readings get written. */
    @Override
    public int getPhase() {
        return 0;
    }
}
