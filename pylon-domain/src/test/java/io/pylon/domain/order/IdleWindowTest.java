package io.pylon.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where idle time starts and ends, read from a connector's status reports. */
class IdleWindowTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private static ChargingSession stopped(int minutes, String reason) {
        return new ChargingSession(1, "CP1", 1, "TAG", AuthorizationStatus.ACCEPTED, null, 0, T0, 1000L,
                at(minutes), reason, null, SessionState.COMPLETED, 1L, 1L, T0);
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    private static StatusReport report(int connector, ConnectorStatus status, int minutes) {
        return new StatusReport(connector, status, "NoError", null, null, null, at(minutes));
    }

    @Test
    void carFullThenStoppedByCardThenUnplugged() {
        var window = IdleWindow.of(stopped(60, "Local"), List.of(
                report(1, ConnectorStatus.AVAILABLE, 70), // arrives first, happened last (queued offline)
                report(1, ConnectorStatus.PREPARING, 0), report(1, ConnectorStatus.CHARGING, 1),
                report(1, ConnectorStatus.SUSPENDED_EV, 45), report(1, ConnectorStatus.FINISHING, 60)));
        assertThat(window).isEqualTo(new IdleWindow(at(45), at(70)));
    }

    @Test
    void aPauseThatResumedIsNotIdleAndEvsePausesNeverAre() {
        var window = IdleWindow.of(stopped(60, "Remote"), List.of(
                report(1, ConnectorStatus.CHARGING, 1), report(1, ConnectorStatus.SUSPENDED_EV, 10),
                report(1, ConnectorStatus.CHARGING, 12), report(1, ConnectorStatus.SUSPENDED_EVSE, 30),
                report(1, ConnectorStatus.FINISHING, 60)));
        assertThat(window).isEqualTo(new IdleWindow(at(60), null));
    }

    @Test
    void unpluggingEndsTheSessionAndTheIdleTimeTogether() {
        var window = IdleWindow.of(stopped(90, "EVDisconnected"), List.of(
                report(1, ConnectorStatus.CHARGING, 1), report(1, ConnectorStatus.SUSPENDED_EV, 50)));
        assertThat(window).isEqualTo(new IdleWindow(at(50), at(90)));
    }

    @Test
    void otherConnectorsAndReportsBeforeTheStartDoNotCount() {
        var window = IdleWindow.of(stopped(60, null), List.of(
                new StatusReport(1, ConnectorStatus.SUSPENDED_EV, "NoError", null, null, null, T0.minusSeconds(60)),
                report(2, ConnectorStatus.SUSPENDED_EV, 20), report(2, ConnectorStatus.AVAILABLE, 65),
                report(1, ConnectorStatus.CHARGING, 1)));
        assertThat(window).isEqualTo(new IdleWindow(null, null));
    }
}
