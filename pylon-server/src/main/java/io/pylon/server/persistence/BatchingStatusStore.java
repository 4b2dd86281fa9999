package io.pylon.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.pylon.domain.charger.StatusReport;
import io.pylon.server.bus.OutboxDomainEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Connector status reports by group commit ({@link GroupCommit}): the history rows of everything queued in one
 * multi-row insert, the connectors' current status in one JDBC batch (newer reports win: a late report with an
 * older timestamp changes only the history), one commit. A StatusNotification used to be its own transaction of
 * two statements on the shared pool; under load those commits queued for seconds (docs/benchmarks.md section 2).
 * In distributed mode each report brings the outbox row of its event, written in the same commit (both or neither).
 */
@Component
public class BatchingStatusStore implements SmartLifecycle, org.springframework.beans.factory.DisposableBean {
    static final int MAX_ROWS = 500;
    private static final int WRITERS = 1;

    /** A status report, with the outbox row of its event in distributed mode (else null). */
    record Report(String chargerId, StatusReport report, Instant receivedAt, OutboxDomainEvents.Row event) {
        Instant at() {
            return report.timestamp() == null ? receivedAt : report.timestamp();
        }
    }

    private static final String HISTORY_HEAD = "insert into connector_status_history (charger_id, connector_id, status,"
            + " error_code, info, vendor_id, vendor_error_code, status_at, received_at) values ";
    private static final String UPDATE = "update connector set status = ?, error_code = ?, info = ?, vendor_id = ?,"
            + " vendor_error_code = ?, status_at = ? where charger_id = ? and connector_id = ? and status_at <= ?";
    private static final String INSERT = "insert into connector (charger_id, connector_id, status, error_code, info, vendor_id,"
            + " vendor_error_code, status_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private final HikariDataSource writerPool;
    private final GroupCommit<Report> commits;

    public BatchingStatusStore(DataSourceProperties dataSource, MeterRegistry metrics) {
        this.writerPool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        writerPool.setPoolName("status-writers");
        writerPool.setMaximumPoolSize(WRITERS);
        writerPool.setMinimumIdle(1);
        this.commits = new GroupCommit<>("status", writerPool, WRITERS, MAX_ROWS, r -> 1, BatchingStatusStore::write, metrics);
    }

    /** Returns once the report is committed. */
    void record(String chargerId, StatusReport report, Instant receivedAt) {
        commits.submit(new Report(chargerId, report, receivedAt, null));
    }

    /** Returns once the report and the outbox row of its event are committed, both in the same group commit. */
    void record(String chargerId, StatusReport report, Instant receivedAt, OutboxDomainEvents.Row event) {
        commits.submit(new Report(chargerId, report, receivedAt, event));
    }

    private static void write(Connection c, List<Report> batch) throws SQLException {
        StringBuilder sql = new StringBuilder(HISTORY_HEAD);
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "(?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Report r : batch) {
                ps.setString(p++, r.chargerId());
                ps.setInt(p++, r.report().connectorId());
                p = setStatus(ps, p, r);
                ps.setObject(p++, utc(r.receivedAt()));
            }
            ps.executeUpdate();
        }
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Report r : batch) {
                int p = setStatus(ps, 1, r) - 1; // status .. status_at, then the key
                ps.setString(++p, r.chargerId());
                ps.setInt(++p, r.report().connectorId());
                ps.setObject(++p, utc(r.at()));
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            boolean any = false;
            for (int i = 0; i < batch.size(); i++) {
                if (updated[i] == 0) { // a connector reported for the first time, or a late report (then this does nothing)
                    Report r = batch.get(i);
                    ps.setString(1, r.chargerId());
                    ps.setInt(2, r.report().connectorId());
                    setStatus(ps, 3, r);
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) ps.executeBatch();
        }
        List<OutboxDomainEvents.Row> events = new ArrayList<>();
        for (Report r : batch) {
            if (r.event() != null) events.add(r.event());
        }
        OutboxDomainEvents.insert(c, events);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** status, error_code, info, vendor_id, vendor_error_code, status_at from {@code p}; returns the next index. */
    private static int setStatus(PreparedStatement ps, int p, Report r) throws SQLException {
        StatusReport s = r.report();
        ps.setString(p++, s.status().name());
        ps.setString(p++, s.errorCode());
        ps.setString(p++, s.info());
        ps.setString(p++, s.vendorId());
        ps.setString(p++, s.vendorErrorCode());
        ps.setObject(p++, utc(r.at()));
        return p;
    }

    @Override
    public void start() {
        commits.start();
    }

    /** Stops after the device gateways (which stop first, at a higher phase) so queued reports get written. */
    @Override
    public void stop() {
        commits.stop();
    }

    @Override
    public void destroy() {
        writerPool.close();
    }

    @Override
    public boolean isRunning() {
        return commits.isRunning();
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
