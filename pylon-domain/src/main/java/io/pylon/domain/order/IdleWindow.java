package io.pylon.domain.order;

import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.session.ChargingSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * When a vehicle stopped taking energy and when it left the connector, read from the connector's status
 * reports: the two ends of the idle (occupancy, 占位) time.
 * <ul>
 *   <li><b>charging finished</b>: the first SuspendedEV or Finishing after the last Charging before the
 *       stop (the car is full or the driver ended the session but the car is still there). SuspendedEVSE is
 *       the charger holding back power, never the driver's idle time, so it counts as charging. Null when
 *       the connector was still charging at the stop: idle then starts at the stop.</li>
 *   <li><b>plugged out</b>: the stop itself when the charger says the cable was pulled (stop reason
 *       {@code EVDisconnected}); otherwise the first Available at or after the stop; null while unknown.</li>
 * </ul>
 * Reports are ordered by the charger's own timestamps, so reports queued while offline count when they
 * happened, not when they arrived.
 */
public record IdleWindow(Instant chargingFinishedAt, Instant pluggedOutAt) {

    private static final Set<ConnectorStatus> IDLE = Set.of(ConnectorStatus.SUSPENDED_EV, ConnectorStatus.FINISHING);
    private static final Set<ConnectorStatus> DRAWING = Set.of(ConnectorStatus.CHARGING, ConnectorStatus.SUSPENDED_EVSE);

    public static IdleWindow of(ChargingSession session, List<StatusReport> reports) {
        if (session.stoppedAt() == null) {
            return new IdleWindow(null, null);
        }
        List<StatusReport> ordered = reports.stream()
                .filter(r -> r.timestamp() != null && r.connectorId() == session.connectorId()
                        && !r.timestamp().isBefore(session.startedAt()))
                .sorted(Comparator.comparing(StatusReport::timestamp)).toList();
        Instant finished = null;
        for (StatusReport r : ordered) {
            if (r.timestamp().isAfter(session.stoppedAt())) {
                break;
            }
            if (DRAWING.contains(r.status())) {
                finished = null;
            } else if (IDLE.contains(r.status()) && finished == null) {
                finished = r.timestamp();
            }
        }
        if ("EVDisconnected".equalsIgnoreCase(session.stopReason())) {
            return new IdleWindow(finished, session.stoppedAt());
        }
        Instant out = pluggedOutAfter(ordered, session.stoppedAt());
        return new IdleWindow(finished, out);
    }

    /** The first Available at or after {@code from}, or null. */
    public static Instant pluggedOutAfter(List<StatusReport> reports, Instant from) {
        return reports.stream()
                .filter(r -> r.timestamp() != null && !r.timestamp().isBefore(from)
                        && r.status() == ConnectorStatus.AVAILABLE)
                .map(StatusReport::timestamp).min(Comparator.naturalOrder()).orElse(null);
    }
}
