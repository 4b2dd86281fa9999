package io.pylon.server.bench;

import io.pylon.server.PylonApplication;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of the reports on a year of a large network (issue #3: "fast on a year of data for 10,000 chargers").
 * Not a test: run by hand with {@code ./pylon bench-reports} (see docs/benchmarks.md).
 *
 * <p>Creates (or reuses) a PostgreSQL database, starts the platform on it in this JVM, loads one operator with
 * {@code stations × chargersPerStation} chargers (2 connectors each), a year of report_daily rows (with their
 * report_monthly sums and per-day fault counts) and connector status history (fault reports among ordinary transitions) straight into the tables, then times the report
 * endpoints over HTTP on loopback: warm-up runs, then {@code runs} timed runs each, p50 and p99.
 *
 * <p>Arguments ({@code key=value}): pg (admin JDBC URL, default jdbc:postgresql://127.0.0.1:5432/postgres), user
 * (postgres), db (pylon_bench_reports), stations (1000), chargersPerStation (10), year (2025), historyPerCharger
 * (100 ordinary status rows per charger), runs (30), warmup (5), reload (false: reuse loaded data).
 */
public final class ReportsBench {

    private static final String PASSWORD = "bench-admin-pw";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ReportsBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(Map.of("pg", "jdbc:postgresql://127.0.0.1:5432/postgres", "user", "postgres",
                "db", "pylon_bench_reports", "stations", "1000", "chargersPerStation", "10", "year", "2025",
                "historyPerCharger", "100", "runs", "30", "warmup", "5", "reload", "false"), args);
        String admin = a.get("pg");
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + a.get("db");
        boolean reload = Boolean.parseBoolean(a.get("reload"));
        try (Connection c = DriverManager.getConnection(admin, a.get("user"), ""); Statement s = c.createStatement()) {
            if (reload) s.execute("drop database if exists " + a.get("db") + " with (force)");
            var exists = s.executeQuery("select 1 from pg_database where datname = '" + a.get("db") + "'");
            if (!exists.next()) s.execute("create database " + a.get("db"));
        }
        ConfigurableApplicationContext app = SpringApplication.run(PylonApplication.class, "--server.port=0",
                "--pylon.ocpp.port=0", "--pylon.ykc.port=0", "--pylon.data-dir=target/bench-data", "--pylon.admin-password=" + PASSWORD,
                "--pylon.tenancy.mode=multi", "--spring.datasource.url=" + url, "--spring.datasource.username=" + a.get("user"),
                "--spring.datasource.password=", "--logging.level.root=warn");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            int stations = Integer.parseInt(a.get("stations"));
            int perStation = Integer.parseInt(a.get("chargersPerStation"));
            int year = Integer.parseInt(a.get("year"));
            try (Connection c = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", a.get("user"), "")) {
                Load load = new Load(c, stations, perStation, year, Integer.parseInt(a.get("historyPerCharger")));
                if (!load.present()) load.all();
                load.describe();
            }
            measure(port, year, Integer.parseInt(a.get("runs")), Integer.parseInt(a.get("warmup")));
        } finally {
            app.close();
        }
    }

    private static void measure(int port, int year, int runs, int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = login.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        String range = "from=" + year + "-01-01&to=" + year + "-12-31";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("usage operator × month, JSON", "/api/v1/reports/usage?" + range + "&period=MONTH&groupBy=OPERATOR");
        cases.put("usage operator × day, JSON", "/api/v1/reports/usage?" + range + "&period=DAY&groupBy=OPERATOR");
        cases.put("usage station × month, JSON", "/api/v1/reports/usage?" + range + "&period=MONTH&groupBy=STATION");
        cases.put("usage station × month, CSV", "/api/v1/reports/usage?" + range + "&period=MONTH&groupBy=STATION&format=csv");
        cases.put("usage station × day, CSV", "/api/v1/reports/usage?" + range + "&period=DAY&groupBy=STATION&format=csv");
        cases.put("usage one station × day, JSON", "/api/v1/reports/usage?" + range + "&period=DAY&groupBy=STATION&stationId=" + firstStation(http, base, token));
        cases.put("charger-status (totals + per station)", "/api/v1/reports/charger-status");
        System.out.println();
        System.out.println("| request (year " + year + ") | rows | response | p50 ms | p99 ms | max ms | runs |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (var c : cases.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + c.getValue())).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(5)).GET().build();
            String body = "";
            for (int i = 0; i < warmup; i++) body = send(http, request);
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                body = send(http, request);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            long rows = c.getValue().contains("format=csv") ? body.chars().filter(ch -> ch == '\n').count() - 1
                    : c.getValue().contains("charger-status") ? body.split("\"stationId\"").length - 1
                    : body.split("\"period\"").length - 1;
            System.out.printf("| %s | %,d | %,d KB | %s | %s | %s | %d |%n", c.getKey(), rows, body.length() / 1024,
                    ms(percentile(nanos, 50)), ms(percentile(nanos, 99)), ms(nanos[nanos.length - 1]), runs);
        }
    }

    private static String firstStation(HttpClient http, String base, String token) throws Exception {
        String body = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/stations?size=1"))
                .header("Authorization", "Bearer " + token).GET().build());
        return body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(request.uri() + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(long nanos) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Writes the data set with batched inserts; deterministic (fixed seed). */
    private static final class Load {
        private final Connection c;
        private final int stations;
        private final int perStation;
        private final int year;
        private final int history;
        private final SplittableRandom random = new SplittableRandom(20250101);
        private long operatorId;

        Load(Connection c, int stations, int perStation, int year, int history) {
            this.c = c;
            this.stations = stations;
            this.perStation = perStation;
            this.year = year;
            this.history = history;
        }

        boolean present() throws SQLException {
            try (var r = c.createStatement().executeQuery("select count(*) from report_daily")) {
                r.next();
                return r.getLong(1) > 0;
            }
        }

        void describe() throws SQLException {
            for (String table : List.of("station", "charger", "connector", "report_daily", "report_monthly", "report_fault_daily",
                    "connector_status_history")) {
                try (var r = c.createStatement().executeQuery("select count(*) from " + table)) {
                    r.next();
                    System.out.printf("%-26s %,12d rows%n", table, r.getLong(1));
                }
            }
            try (var r = c.createStatement().executeQuery("select count(*) from connector_status_history where status = 'FAULTED'")) {
                r.next();
                System.out.printf("%-26s %,12d rows%n", "  of which FAULTED", r.getLong(1));
            }
        }

        void all() throws SQLException {
            long started = System.nanoTime();
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement p = c.prepareStatement("insert into operator (code, name, currency, time_zone, status, created_at, "
                    + "updated_at) values ('bench', 'Bench operator', 'CNY', 'Asia/Shanghai', 'ACTIVE', ?, ?) returning id")) {
                p.setObject(1, now);
                p.setObject(2, now);
                var r = p.executeQuery();
                r.next();
                operatorId = r.getLong(1);
            }
            long[] stationIds = new long[stations];
            try (PreparedStatement p = c.prepareStatement("insert into station (operator_id, name, address, latitude, longitude, "
                    + "time_zone, status, created_at, updated_at) values (?, ?, 'Bench Road', 30.25, 120.16, 'Asia/Shanghai', "
                    + "'OPERATIONAL', ?, ?) returning id")) {
                for (int s = 0; s < stations; s++) {
                    p.setLong(1, operatorId);
                    p.setString(2, "Bench station " + s);
                    p.setObject(3, now);
                    p.setObject(4, now);
                    var r = p.executeQuery();
                    r.next();
                    stationIds[s] = r.getLong(1);
                }
            }
            chargers(stationIds, now);
            c.commit();
            daily(stationIds);
            try (Statement s = c.createStatement()) {
                for (String sql : io.pylon.server.support.Rollups.monthsFromDays(operatorId).split(";\n")) s.execute(sql);
            }
            c.commit();
            statusHistory(stationIds);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            c.setAutoCommit(true);
            System.out.printf("loaded in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
        }

        private void chargers(long[] stationIds, OffsetDateTime now) throws SQLException {
            String[] statuses = {"AVAILABLE", "AVAILABLE", "AVAILABLE", "CHARGING", "CHARGING", "PREPARING", "FINISHING",
                    "SUSPENDED_EV", "UNAVAILABLE", "FAULTED"};
            try (PreparedStatement ch = c.prepareStatement("insert into charger (id, registration_status, online, operator_id, "
                    + "station_id, created_at, updated_at) values (?, 'ACCEPTED', ?, ?, ?, ?, ?)");
                 PreparedStatement co = c.prepareStatement("insert into connector (charger_id, connector_id, status, error_code, "
                         + "status_at) values (?, ?, ?, 'NoError', ?)")) {
                for (int s = 0; s < stationIds.length; s++) {
                    for (int k = 0; k < perStation; k++) {
                        String id = charger(s, k);
                        ch.setString(1, id);
                        ch.setBoolean(2, random.nextInt(100) < 95);
                        ch.setLong(3, operatorId);
                        ch.setLong(4, stationIds[s]);
                        ch.setObject(5, now);
                        ch.setObject(6, now);
                        ch.addBatch();
                        for (int gun = 1; gun <= 2; gun++) {
                            co.setString(1, id);
                            co.setInt(2, gun);
                            co.setString(3, statuses[random.nextInt(statuses.length)]);
                            co.setObject(4, now);
                            co.addBatch();
                        }
                    }
                    if (s % 100 == 99) {
                        ch.executeBatch();
                        co.executeBatch();
                    }
                }
                ch.executeBatch();
                co.executeBatch();
            }
        }

        /** Each station has a popularity; sessions per day vary around it, more on weekdays, ~20 kWh each. */
        private void daily(long[] stationIds) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("insert into report_daily (operator_id, station_id, report_day, currency, "
                    + "sessions, energy_wh, sharp_wh, peak_wh, flat_wh, valley_wh, electricity_amount, service_amount, idle_fee, "
                    + "session_fee, discount, refunded, charging_seconds) values (?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
                int n = 0;
                for (long station : stationIds) {
                    double popularity = 2 + random.nextDouble() * random.nextDouble() * 60; // most quiet, a few busy
                    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                        double weekday = d.getDayOfWeek().getValue() >= 6 ? 0.8 : 1.1;
                        long sessions = Math.max(0, Math.round(popularity * weekday * (0.6 + 0.8 * random.nextDouble())));
                        long energy = sessions * (12_000 + random.nextLong(16_000));
                        long sharp = energy / 10, peak = energy * 3 / 10, flat = energy * 3 / 10, valley = energy - sharp - peak - flat;
                        BigDecimal electricity = kwh(sharp, "1.20").add(kwh(peak, "0.95")).add(kwh(flat, "0.65")).add(kwh(valley, "0.35"));
                        BigDecimal service = kwh(energy, "0.40");
                        int i = 1;
                        p.setLong(i++, operatorId);
                        p.setLong(i++, station);
                        p.setObject(i++, d);
                        p.setLong(i++, sessions);
                        p.setLong(i++, energy);
                        p.setLong(i++, sharp);
                        p.setLong(i++, peak);
                        p.setLong(i++, flat);
                        p.setLong(i++, valley);
                        p.setBigDecimal(i++, electricity);
                        p.setBigDecimal(i++, service);
                        p.setBigDecimal(i++, BigDecimal.valueOf(sessions * random.nextInt(3), 1));
                        p.setBigDecimal(i++, service.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP));
                        p.setBigDecimal(i++, random.nextInt(20) == 0 ? new BigDecimal("5.00") : BigDecimal.ZERO);
                        p.setLong(i, sessions * (1_800 + random.nextLong(3_600)));
                        p.addBatch();
                        if (++n % 5_000 == 0) p.executeBatch();
                    }
                }
                p.executeBatch();
            }
        }

        /**
         * Per charger: {@code history} ordinary transitions and about one fault report a month, over the year; the
         * faults also per station and local day in report_fault_daily, as the platform counts them when reported.
         */
        private void statusHistory(long[] stationIds) throws SQLException {
            Map<Long, Map<LocalDate, Long>> faultDays = new LinkedHashMap<>();
            String[] ordinary = {"AVAILABLE", "PREPARING", "CHARGING", "FINISHING"};
            long start = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toEpochSecond();
            long span = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toEpochSecond() - start;
            try (PreparedStatement p = c.prepareStatement("insert into connector_status_history (charger_id, connector_id, status, "
                    + "error_code, status_at, received_at) values (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (int s = 0; s < stations; s++) {
                    for (int k = 0; k < perStation; k++) {
                        int faults = random.nextInt(25); // 0..24, ~12 a year
                        for (int e = 0; e < history + faults; e++) {
                            boolean fault = e >= history;
                            OffsetDateTime at = Instant.ofEpochSecond(start + random.nextLong(span)).atOffset(ZoneOffset.UTC);
                            if (fault) {
                                faultDays.computeIfAbsent(stationIds[s], station -> new java.util.TreeMap<>())
                                        .merge(at.atZoneSameInstant(ZONE).toLocalDate(), 1L, Long::sum);
                            }
                            p.setString(1, charger(s, k));
                            p.setInt(2, 1 + random.nextInt(2));
                            p.setString(3, fault ? "FAULTED" : ordinary[random.nextInt(ordinary.length)]);
                            p.setString(4, fault ? "GroundFailure" : "NoError");
                            p.setObject(5, at);
                            p.setObject(6, at);
                            p.addBatch();
                            if (++n % 10_000 == 0) p.executeBatch();
                        }
                    }
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("insert into report_fault_daily (operator_id, station_id, report_day, "
                    + "faults) values (?, ?, ?, ?)")) {
                for (var station : faultDays.entrySet()) {
                    for (var day : station.getValue().entrySet()) {
                        p.setLong(1, operatorId);
                        p.setLong(2, station.getKey());
                        p.setObject(3, day.getKey());
                        p.setLong(4, day.getValue());
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
        }

        private static BigDecimal kwh(long wh, String price) {
            return BigDecimal.valueOf(wh).movePointLeft(3).multiply(new BigDecimal(price)).setScale(2, RoundingMode.HALF_UP);
        }

        private static String charger(int station, int k) {
            return String.format("BENCH-%04d-%02d", station, k);
        }
    }
}
