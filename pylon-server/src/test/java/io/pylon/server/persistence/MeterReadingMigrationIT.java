package io.pylon.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V14_1 moves readings stored one value per row into one row per instant, on H2 and on PostgreSQL. */
class MeterReadingMigrationIT {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void readingsStoredPerValueBecomeOneRowPerInstant() throws SQLException {
        String url = TestDatabase.newDatabaseUrl();
        org.flywaydb.core.api.configuration.FluentConfiguration flyway = Flyway.configure().dataSource(url, TestDatabase.user(), "").locations("classpath:db/migration", "classpath:db/vendor/" + ("postgres".equals(TestDatabase.KIND) ? "postgresql" : "h2"))
                .javaMigrations(new V14_1__MeterValuesToReadings());
        flyway.target("14").load().migrate();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), "")) {
            // session 1: two instants of three values; a value of connector 2 without session; 2,500 more to cross batches
            insert(c, "CP-1", 1, 1L, T0, "Energy.Active.Import.Register", "", "Wh", "1000");
            insert(c, "CP-1", 1, 1L, T0, "Power.Active.Import", "", "W", "7000");
            insert(c, "CP-1", 1, 1L, T0, "Current.Import", "L1", "A", "32");
            insert(c, "CP-1", 1, 1L, T0.plusSeconds(60), "Energy.Active.Import.Register", "", "Wh", "1117");
            insert(c, "CP-1", 1, 1L, T0.plusSeconds(60), "Power.Active.Import", "", "W", "7010");
            insert(c, "CP-1", 1, 1L, T0.plusSeconds(60), "Current.Import", "L1", "A", "31.9");
            insert(c, "CP-1", 2, null, T0, "Voltage", "", "V", "230");
            for (int i = 0; i < 2_500; i++) {
                insert(c, "CP-9", 1, 9L, T0.plusSeconds(i / 2), i % 2 == 0 ? "Energy.Active.Import.Register" : "SoC", "", "", String.valueOf(i));
            }
        }

        flyway.target("latest").load().migrate();

        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), "")) {
            assertThat(count(c, "select count(*) from meter_reading where charger_id = 'CP-1'")).isEqualTo(3);
            assertThat(count(c, "select count(*) from meter_reading where charger_id = 'CP-9'")).isEqualTo(1_250);
            assertThat(count(c, "select count(*) from meter_reading where session_id is null")).isEqualTo(1);
            assertThat(count(c, "select count(*) from information_schema.tables where table_name = 'meter_value'")).isZero();
            List<String> samples = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "select samples from meter_reading where charger_id = 'CP-1' and connector_id = 1 order by sampled_at")) {
                while (r.next()) samples.add(r.getString(1));
            }
            assertThat(MeterSampleCodec.decode(T0, samples.getFirst())).extracting(s -> s.measurand() + "/" + s.phase() + "=" + s.value())
                    .containsExactly("Energy.Active.Import.Register/null=1000", "Power.Active.Import/null=7000", "Current.Import/L1=32");
            assertThat(MeterSampleCodec.decode(T0, samples.get(1))).extracting(s -> s.value()).containsExactly("1117", "7010", "31.9");
        }
    }

    private static void insert(Connection c, String charger, int connector, Long session, Instant at, String measurand, String phase,
                               String unit, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into meter_value (charger_id, connector_id, session_id, sampled_at,"
                + " measurand, phase, unit, context, location, format, value_text) values (?,?,?,?,?,?,?,'','','',?)")) {
            ps.setString(1, charger);
            ps.setInt(2, connector);
            ps.setObject(3, session);
            ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(5, measurand);
            ps.setString(6, phase);
            ps.setString(7, unit);
            ps.setString(8, value);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
