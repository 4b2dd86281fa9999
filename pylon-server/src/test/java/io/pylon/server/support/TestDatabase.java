package io.pylon.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pylon-test-db", Map.of(
                "spring.datasource.url", newDatabaseUrl(),
                "spring.datasource.username", user(),
                "spring.datasource.password", "")));
    }

    /** A brand-new empty database of the kind under test; a PostgreSQL one is dropped when the JVM exits. */
    public static String newDatabaseUrl() {
        String name = "pylon_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if ("postgres".equals(KIND)) {
            execute("create database " + name);
            // Contexts are cached until the test JVM exits, so the database goes with the JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name + " with (force)")));
            return PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        }
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
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
