package io.pylon.server.persistence;

import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Moves the readings of {@code meter_value} (one row per sampled value, up to V14) into {@code meter_reading}
 * (one row per sampled instant), then drops the old table. A Spring bean so that it shares the store's encoding;
 * Spring Boot hands every {@code JavaMigration} bean to Flyway.
 */
@Component
public class V14_1__MeterValuesToReadings extends BaseJavaMigration {
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<MeterReading> pending = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet r = s.executeQuery("select charger_id, connector_id, session_id, sampled_at, measurand, phase, unit,"
                    + " context, location, format, value_text from meter_value"
                    + " order by charger_id, connector_id, sampled_at, session_id, id")) {
                while (r.next()) {
                    long sessionId = r.getLong("session_id");
                    Long session = r.wasNull() ? null : sessionId;
                    pending.add(new MeterReading(r.getString("charger_id"), r.getInt("connector_id"), session,
                            new MeterSample(r.getObject("sampled_at", OffsetDateTime.class).toInstant(), r.getString("measurand"),
                                    emptyToNull(r.getString("phase")), emptyToNull(r.getString("unit")),
                                    emptyToNull(r.getString("context")), emptyToNull(r.getString("location")),
                                    emptyToNull(r.getString("format")), r.getString("value_text"))));
                    if (pending.size() >= BATCH && !StoredInstant.sameInstant(pending.get(pending.size() - 2), pending.getLast())) {
                        MeterReading next = pending.removeLast();
                        BatchingMeterValueStore.insertChunk(c, StoredInstant.of(pending));
                        pending.clear();
                        pending.add(next);
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            BatchingMeterValueStore.insertChunk(c, StoredInstant.of(pending));
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table meter_value");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
