package io.pylon.server.bench;

import io.pylon.domain.trust.EntryKind;
import io.pylon.domain.trust.InclusionProof;
import io.pylon.domain.trust.LogEntry;
import io.pylon.domain.trust.NewEntry;
import io.pylon.domain.trust.ProofVerifier;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.server.PylonApplication;
import io.pylon.server.trust.JooqTransparencyLog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of the transparency log (issue #6: ≥ 20,000 appends/s; an inclusion proof in ≤ 1 ms at 10 million
 * records). Not a test: run by hand (see docs/benchmarks.md).
 *
 * <p>Starts the platform in this JVM on a PostgreSQL database of its own, appends session-sized records from
 * {@code threads} callers, {@code batch} entries per call, until the log holds {@code entries}; then generates
 * {@code proofs} inclusion proofs for random entries against the latest signed tree head (each verified) and reports
 * p50 / p99 / max of generation, first for the {@code coldProofs} proofs right after start (upper levels preloaded, JIT cold), then warm.
 *
 * <p>Arguments ({@code key=value}): pg (admin JDBC URL), user, db (pylon_bench_trust), entries (10000000), batch
 * (1000), threads (4), proofs (20000), coldProofs (1000), reload (false: keep what is logged and append the rest).
 */
public final class TransparencyBench {

    private TransparencyBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(Map.of("pg", "jdbc:postgresql://127.0.0.1:5432/postgres", "user", "postgres",
                "db", "pylon_bench_trust", "entries", "10000000", "batch", "1000", "threads", "4", "proofs", "20000",
                "coldProofs", "1000", "reload", "false"), args);
        String admin = a.get("pg");
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + a.get("db");
        try (Connection c = DriverManager.getConnection(admin, a.get("user"), ""); Statement s = c.createStatement()) {
            if (Boolean.parseBoolean(a.get("reload"))) s.execute("drop database if exists " + a.get("db") + " with (force)");
            if (!s.executeQuery("select 1 from pg_database where datname = '" + a.get("db") + "'").next()) {
                s.execute("create database " + a.get("db"));
            }
        }
        ConfigurableApplicationContext app = SpringApplication.run(PylonApplication.class, "--server.port=0",
                "--pylon.ocpp.port=0", "--pylon.data-dir=target/bench-data", "--pylon.admin-password=bench-admin-pw",
                "--pylon.tenancy.mode=multi", "--spring.datasource.url=" + url, "--spring.datasource.username=" + a.get("user"),
                "--spring.datasource.password=", "--logging.level.root=warn");
        try {
            JooqTransparencyLog log = app.getBean(JooqTransparencyLog.class);
            append(log, Long.parseLong(a.get("entries")), Integer.parseInt(a.get("batch")), Integer.parseInt(a.get("threads")));
            proofs(log, Integer.parseInt(a.get("proofs")), Integer.parseInt(a.get("coldProofs")));
            roundTrips(app.getBean(org.jooq.DSLContext.class), Integer.parseInt(a.get("proofs")));
        } finally {
            app.close();
        }
    }

    private static NewEntry record(long n) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("orderId", n);
        r.put("sessionId", n);
        r.put("operatorId", 1L + n % 91);
        r.put("chargerId", "HZ-" + (n % 12_258));
        r.put("connectorId", 1L + n % 2);
        r.put("startedAt", Instant.ofEpochSecond(1_767_225_600L + n * 7));
        r.put("stoppedAt", Instant.ofEpochSecond(1_767_225_600L + n * 7 + 3600));
        r.put("energyWh", 5_000L + n % 40_000);
        r.put("bill", Map.of("currency", "CNY", "total", "35.20", "payable", "35.20", "lines", List.of(Map.of("band", "FLAT",
                "energyWh", 5_000L + n % 40_000, "electricity", "21.12", "service", "14.08"))));
        r.put("signedMeterData", Map.of("status", "NONE"));
        return new NewEntry(EntryKind.SESSION, "bench:" + n, 1L + n % 91, r);
    }

    private static void append(JooqTransparencyLog log, long target, int batch, int threads) throws Exception {
        long start = log.latest().head().treeSize();
        if (start >= target) {
            System.out.printf("log holds %,d entries already%n", start);
            return;
        }
        AtomicLong next = new AtomicLong(start);
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long from;
                    while ((from = next.getAndAdd(batch)) < target) {
                        List<NewEntry> entries = new ArrayList<>(batch);
                        for (long n = from; n < Math.min(target, from + batch); n++) {
                            entries.add(record(n));
                        }
                        log.appendAll(entries);
                        long total = done.addAndGet(entries.size());
                        if (total % 1_000_000 < batch) {
                            double s = (System.nanoTime() - t0) / 1e9;
                            System.out.printf("%,d appended in %.0f s: %,.0f appends/s%n", total, s, total / s);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("APPEND %,d entries (%,d → %,d) in %.1f s = %,.0f appends/s (%d threads × %d per call)%n",
                done.get(), start, log.latest().head().treeSize(), seconds, done.get() / seconds, threads, batch);
    }

    private static void proofs(JooqTransparencyLog log, int count, int cold) {
        SignedTreeHead head = log.latest();
        long size = head.head().treeSize();
        SplittableRandom random = new SplittableRandom(42);
        LogEntry sample = log.entry(random.nextLong(size)).orElseThrow();
        InclusionProof check = log.inclusion(sample.index(), size);
        if (!ProofVerifier.verifyInclusion(sample.leafHash(), check, head.head().rootHash())) {
            throw new IllegalStateException("proof of entry " + sample.index() + " does not verify");
        }
        report("PROOF (first after start: JIT and database pages cold, upper levels preloaded)", time(log, size, cold, random), size, check.path().size());
        report("PROOF (warm)", time(log, size, count, random), size, check.path().size());
    }

    /** What one database round trip costs here, for scale: {@code select 1} through the same pool. */
    private static void roundTrips(org.jooq.DSLContext db, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            db.selectOne().fetchSingle();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("ROUND TRIP (select 1 on the platform's pool): %,d: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", count,
                nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6, nanos[count - 1] / 1e6);
    }

    private static long[] time(JooqTransparencyLog log, long size, int count, SplittableRandom random) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long index = random.nextLong(size);
            long t = System.nanoTime();
            InclusionProof p = log.inclusion(index, size);
            nanos[i] = System.nanoTime() - t;
            if (p.path().isEmpty() && size > 1) {
                throw new IllegalStateException("empty proof");
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted, long size, int pathLength) {
        System.out.printf("%s: %,d proofs at tree size %,d (path %d hashes): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what,
                sorted.length, size, pathLength, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
