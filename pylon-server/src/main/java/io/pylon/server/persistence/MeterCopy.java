package io.pylon.server.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** PostgreSQL's COPY for meter readings, in COPY's text format (tab-separated, backslash escapes, \N for null). */
final class MeterCopy {
    private static final String COPY =
            "copy meter_reading (charger_id, connector_id, sampled_at, digest, session_id, samples) from stdin";
    private static final String UNIQUE_VIOLATION = "23505";

    private MeterCopy() {}

    /**
     * Copies the rows in the caller's transaction.
     *
     * @return false if a row was already stored: the transaction is then unusable and must be rolled back
     */
    static boolean copied(PGConnection connection, List<StoredInstant> rows) throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn(COPY);
        try {
            StringBuilder line = new StringBuilder(512);
            for (StoredInstant row : rows) {
                line.setLength(0);
                escape(line, row.chargerId()).append('\t').append(row.connectorId()).append('\t')
                        .append(row.sampledAt()).append('\t').append(row.digest()).append('\t');
                (row.sessionId() == null ? line.append("\\N") : line.append(row.sessionId().longValue())).append('\t');
                escape(line, row.samples()).append('\n');
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
            return true;
        } catch (SQLException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    static StringBuilder escape(StringBuilder out, String value) {
        if (!needsEscape(value)) {
            return out.append(value); // the common case: ids and JSON without backslashes
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') return true;
        }
        return false;
    }
}
