package io.pylon.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers {@link #submit} an item and wait; writer threads take everything queued (up to a weight
 * limit), write it in one transaction on a pool of their own and commit once, then release every caller of that
 * batch. Under load thousands of small writes become a few large ones; when idle an item goes out at once.
 *
 * <p>A batch that fails for a data reason is written again item by item, so one bad item fails alone; a database
 * that is down is retried with back-off while the callers wait (a charger gets its answer late, never a false one).
 * The queue is bounded, so a slow database holds callers back instead of filling the heap.
 *
 * <p>Metrics: {@code pylon.<name>.queue}, {@code pylon.<name>.batch.rows}, {@code pylon.<name>.batch.write}.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {
    /** Writes a batch inside the transaction the caller commits; may roll back and write again itself. */
    @FunctionalInterface
    interface Writer<T> {
        void write(Connection connection, List<T> batch) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int QUEUE_CAPACITY = 50_000;

    private record Pending<T>(T item, CompletableFuture<Void> done) {}

    private final String name;
    private final HikariDataSource pool;
    private final int writerCount;
    private final int maxWeight;
    private final ToIntFunction<T> weight;
    private final Writer<T> writer;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary batchWeight;
    private final Timer batchWrites;
    private volatile boolean running;

    GroupCommit(String name, HikariDataSource pool, int writerCount, int maxWeight, ToIntFunction<T> weight, Writer<T> writer,
                MeterRegistry metrics) {
        this.name = name;
        this.pool = pool;
        this.writerCount = writerCount;
        this.maxWeight = maxWeight;
        this.weight = weight;
        this.writer = writer;
        Gauge.builder("pylon." + name + ".queue", queue, BlockingQueue::size)
                .description("Writes waiting for the next group commit").register(metrics);
        this.batchWeight = DistributionSummary.builder("pylon." + name + ".batch.rows").description("Items per group commit (for meter values: sampled values)")
                .serviceLevelObjectives(1, 10, 100, 500, 1000, 5000).register(metrics);
        this.batchWrites = Timer.builder("pylon." + name + ".batch.write").description("One group commit written and committed")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(500)).register(metrics);
    }

    /** Returns once the item is committed; throws if the database rejected it. */
    void submit(T item) {
        if (!running) {
            transaction(List.of(item));
            return;
        }
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        try {
            queue.put(pending);
            pending.done().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the " + name + " writer", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    void start() {
        running = true;
        for (int i = 0; i < writerCount; i++) {
            writers.add(Thread.ofPlatform().name(name + "-writer-" + i).daemon().start(this::writeLoop));
        }
    }

    /** Stops taking new batches once the queue is empty; waits for the writers. */
    void stop() {
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

    boolean isRunning() {
        return running;
    }

    private void writeLoop() {
        List<Pending<T>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                int total = weight.applyAsInt(first.item());
                Pending<T> next;
                while (total < maxWeight && (next = queue.poll()) != null) {
                    batch.add(next);
                    total += weight.applyAsInt(next.item());
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

    private void writeBatch(List<Pending<T>> batch) throws InterruptedException {
        List<T> items = batch.stream().map(Pending::item).toList();
        long backoff = 100;
        while (true) {
            try {
                transaction(items);
                batch.forEach(p -> p.done().complete(null));
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    writeOneByOne(batch);
                    return;
                }
                log.warn("Database unavailable for {} ({} writes waiting), retrying in {} ms: {}", name, items.size(), backoff,
                        e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void writeOneByOne(List<Pending<T>> batch) {
        for (Pending<T> p : batch) {
            try {
                transaction(List.of(p.item()));
                p.done().complete(null);
            } catch (RuntimeException e) {
                log.warn("{} rejected by the database: {}", name, e.getMessage());
                p.done().completeExceptionally(e);
            }
        }
    }

    private void transaction(List<T> items) {
        long started = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                writer.write(c, items);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException(name + ": writing " + items.size() + " failed: " + e.getMessage(), e);
        }
        batchWeight.record(items.stream().mapToInt(weight).sum());
        batchWrites.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
