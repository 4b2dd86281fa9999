package io.pylon.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: embedded H2 in PostgreSQL mode, or a
 * brand-new database on the real PostgreSQL (system property {@code pylon.test.db=postgres}, server
 * from {@code pylon.test.pg.url}), dropped when the test JVM exits. No test relies on leftover state.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KIND = System.getProperty("pylon.test.db", "h2");
    private static final String PG_ADMIN_URL = System.getProperty("pylon.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getProperty("pylon.test.pg.user", "postgres");
    private static final String PREFIX = "pylon_it_";
    private static boolean staleDropped;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pylon-test-db", Map.of(
                "spring.datasource.url", newDatabaseUrl(),
                "spring.datasource.username", user(),
                "spring.datasource.password", "")));
    }

    /** A brand-new empty database of the kind under test; a PostgreSQL one is dropped when the JVM exits. */
    public static String newDatabaseUrl() {
        String name = PREFIX + (System.currentTimeMillis() / 1000) + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        if ("postgres".equals(KIND)) {
            dropStaleOnce();
            execute("create database " + name);
            // Contexts are cached until the test JVM exits, so the database goes with the JVM — once the contexts
            // closed: JVM shutdown hooks run at the same time, and a forced drop would leave Spring's close waiting
            // for connections to a database that is gone (the test JVM then outlives failsafe's exit timeout).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropWhenUnused(name)));
            return PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        }
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** Drops the database as soon as nobody is connected to it (up to 30 s); a database left behind goes at a later start. */
    private static void dropWhenUnused(String name) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                execute("drop database if exists " + name);
                return;
            } catch (IllegalStateException stillInUse) {
                if (System.nanoTime() > deadline) return;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Test databases of runs that ended more than three hours ago without dropping theirs (a killed JVM). */
    private static synchronized void dropStaleOnce() {
        if (staleDropped) return;
        staleDropped = true;
        long cutoff = System.currentTimeMillis() / 1000 - 3 * 3600;
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select datname from pg_database where datname like 'pylon\\_it\\_%'")) {
            while (r.next()) {
                String[] parts = r.getString(1).substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d{10}") && Long.parseLong(parts[0]) < cutoff) stale.add(r.getString(1));
            }
        } catch (SQLException e) {
            return; // not fatal: creating the test's own database will say what is wrong
        }
        stale.forEach(name -> execute("drop database if exists " + name + " with (force)"));
    }

    public static String user() {
        return "postgres".equals(KIND) ? PG_USER : "sa";
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
