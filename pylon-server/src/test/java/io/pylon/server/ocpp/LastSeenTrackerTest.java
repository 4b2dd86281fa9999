package io.pylon.server.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.pylon.domain.charger.ChargerRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LastSeenTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private Instant now = T0;
    private final ChargerRepository chargers = mock(ChargerRepository.class);
    private final LastSeenTracker tracker = new LastSeenTracker(chargers, new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    });

    @SuppressWarnings("unchecked")
    private List<Map<String, Instant>> writes() {
        ArgumentCaptor<Map<String, Instant>> batches = ArgumentCaptor.forClass(Map.class);
        verify(chargers, org.mockito.Mockito.atLeast(0)).touch(batches.capture());
        return new ArrayList<>(batches.getAllValues());
    }

    @Test
    void aBusyChargerIsWrittenOnceAMinuteAndAQuietOneStillGetsItsLastTime() {
        tracker.seen("CP-1");
        tracker.flush();
        for (int s = 2; s <= 58; s += 2) { // messages every 2 s, flushes every 5 s
            now = T0.plusSeconds(s);
            tracker.seen("CP-1");
            if (s % 5 == 0) tracker.flush();
        }
        assertThat(writes()).containsExactly(Map.of("CP-1", T0));

        now = T0.plusSeconds(61);
        tracker.seen("CP-1");
        tracker.flush();
        assertThat(writes()).last().isEqualTo(Map.of("CP-1", T0.plusSeconds(61)));

        now = T0.plusSeconds(70); // the charger falls silent after this message
        tracker.seen("CP-1");
        tracker.flush();
        assertThat(writes()).hasSize(2);
        now = T0.plusSeconds(125);
        tracker.flush();
        assertThat(writes()).hasSize(3).last().isEqualTo(Map.of("CP-1", T0.plusSeconds(70)));
        tracker.flush();
        assertThat(writes()).hasSize(3);
    }

    @Test
    void shutdownWritesWhatIsPending() {
        tracker.seen("CP-1");
        tracker.flush();
        now = now.plus(Duration.ofSeconds(3));
        tracker.seen("CP-1");
        tracker.seen("CP-2");
        tracker.flushAll();
        assertThat(writes()).last().isEqualTo(Map.of("CP-1", T0.plusSeconds(3), "CP-2", T0.plusSeconds(3)));
        tracker.flushAll();
        assertThat(writes()).hasSize(2);
    }
}
