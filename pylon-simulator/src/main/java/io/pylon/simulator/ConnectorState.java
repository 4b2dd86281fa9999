package io.pylon.simulator;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;

/** State of one connector (1..n) or of the charge point as a whole (0). Confined to the charger's event loop. */
final class ConnectorState {
    /** A reservation made through ReserveNow. */
    static final class Reservation {
        final int id;
        final String idTag;
        final String parentIdTag;
        final Instant expiry;
        ScheduledFuture<?> expiryTimer;

        Reservation(int id, String idTag, String parentIdTag, Instant expiry) {
            this.id = id;
            this.idTag = idTag;
            this.parentIdTag = parentIdTag;
            this.expiry = expiry;
        }

        boolean matches(String tag, String parentOfTag) {
            return idTag.equals(tag) || parentIdTag != null && parentIdTag.equals(parentOfTag);
        }

        void cancelTimer() {
            if (expiryTimer != null) {
                expiryTimer.cancel(false);
                expiryTimer = null;
            }
        }
    }

    final int id;
    volatile ConnectorStatus status = ConnectorStatus.Available;
    ConnectorStatus lastReported;
    /** Energy.Active.Import.Register in Wh (integrated; reported floored to an integer). */
    double registerWh;
    boolean inoperative;
    boolean inoperativeScheduled;
    boolean preparing;
    Reservation reservation;
    volatile Session session;
    double temperature = 25.0;

    ConnectorState(int id, double registerWh) {
        this.id = id;
        this.registerWh = registerWh;
    }

    /** @return the status the connector rests in when no session is running */
    ConnectorStatus idleStatus() {
        if (inoperative) {
            return ConnectorStatus.Unavailable;
        }
        return reservation != null ? ConnectorStatus.Reserved : ConnectorStatus.Available;
    }
}
