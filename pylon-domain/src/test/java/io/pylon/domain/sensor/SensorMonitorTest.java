package io.pylon.domain.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.sensor.SensorMonitor.Assessment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorMonitorTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static Sensor sensor(SensorKind kind) {
        Thresholds t = kind.hasThresholds() ? Thresholds.of("40", "50", "2") : null;
        Thresholds h = kind.hasThresholds() ? Thresholds.of("85", "95", "3") : null;
        return new Sensor("S-1", 1, 2, kind, "Bay 3 drain", List.of(new ProtectedConnector("CP-1", 0)), t, h, TIMEOUT, T0, T0);
    }

    private static SensorReading water(Instant ts, boolean wet) {
        return new SensorReading(ts, wet, null, null, null, null);
    }

    private static SensorReading climate(Instant ts, String temperature, String humidity) {
        return new SensorReading(ts, null, temperature == null ? null : new BigDecimal(temperature),
                humidity == null ? null : new BigDecimal(humidity), null, null);
    }

    private static final SensorState FRESH = SensorState.initial("S-1", T0.plus(TIMEOUT));

    @Test
    void waterRaisesACriticalAlarmWithEveryWetReadingAndResolvesItOnceWhenDry() {
        Sensor s = sensor(SensorKind.WATER_IMMERSION);
        Assessment wet = SensorMonitor.reading(s, FRESH, water(T0, true), T0);
        assertThat(wet.raise()).singleElement().satisfies(f -> {
            assertThat(f.condition()).isEqualTo(SensorCondition.WATER_IMMERSION);
            assertThat(f.severity()).isEqualTo(AlarmSeverity.CRITICAL);
            assertThat(f.message()).contains("Bay 3 drain (S-1)");
        });
        Assessment stillWet = SensorMonitor.reading(s, wet.next(), water(T0.plusSeconds(30), true), T0.plusSeconds(30));
        assertThat(stillWet.raise()).hasSize(1);

        Assessment dry = SensorMonitor.reading(s, stillWet.next(), water(T0.plusSeconds(60), false), T0.plusSeconds(60));
        assertThat(dry.raise()).isEmpty();
        assertThat(dry.resolve()).containsExactly(SensorCondition.WATER_IMMERSION);
        assertThat(dry.next().water()).isFalse();
        Assessment stillDry = SensorMonitor.reading(s, dry.next(), water(T0.plusSeconds(90), false), T0.plusSeconds(90));
        assertThat(stillDry.resolve()).isEmpty();
    }

    @Test
    void smokeIsAnEvacuation() {
        Sensor s = sensor(SensorKind.SMOKE);
        var smoke = SensorMonitor.reading(s, FRESH, new SensorReading(T0, null, null, null, true, 80), T0);
        assertThat(smoke.raise()).singleElement().extracting(SensorMonitor.Finding::severity).isEqualTo(AlarmSeverity.EVACUATION);
        assertThat(smoke.next().battery()).isEqualTo(80);
        var clear = SensorMonitor.reading(s, smoke.next(), new SensorReading(T0.plusSeconds(5), null, null, null, false, null), T0.plusSeconds(5));
        assertThat(clear.resolve()).containsExactly(SensorCondition.SMOKE);
        assertThat(clear.next().battery()).as("kept from the earlier reading").isEqualTo(80);
    }

    @Test
    void anOlderReadingIsNotAppliedButProvesTheSensorAlive() {
        Sensor s = sensor(SensorKind.WATER_IMMERSION);
        SensorState dry = SensorMonitor.reading(s, FRESH, water(T0.plusSeconds(60), false), T0).next();
        Assessment late = SensorMonitor.reading(s, dry, water(T0, true), T0.plusSeconds(70));
        assertThat(late.inOrder()).isFalse();
        assertThat(late.raise()).isEmpty();
        assertThat(late.next().water()).isFalse();
        assertThat(late.next().lastTs()).isEqualTo(T0.plusSeconds(60));
        assertThat(late.next().lastSeenAt()).isEqualTo(T0.plusSeconds(70));
        assertThat(late.next().offlineDeadline()).isEqualTo(T0.plusSeconds(70).plus(TIMEOUT));
    }

    @Test
    void temperatureFollowsItsLimitsWithHysteresisAndHumidityItsOwn() {
        Sensor s = sensor(SensorKind.TEMPERATURE_HUMIDITY);
        var warm = SensorMonitor.reading(s, FRESH, climate(T0, "41", "50"), T0);
        assertThat(warm.raise()).singleElement().satisfies(f -> {
            assertThat(f.condition()).isEqualTo(SensorCondition.HIGH_TEMPERATURE);
            assertThat(f.severity()).isEqualTo(AlarmSeverity.WARNING);
            assertThat(f.value()).isEqualByComparingTo("41");
        });
        var hot = SensorMonitor.reading(s, warm.next(), climate(T0.plusSeconds(1), "50.5", null), T0);
        assertThat(hot.raise()).singleElement().extracting(SensorMonitor.Finding::severity).isEqualTo(AlarmSeverity.CRITICAL);
        assertThat(hot.next().humidity()).isEqualByComparingTo("50");

        var justBelow = SensorMonitor.reading(s, hot.next(), climate(T0.plusSeconds(2), "39", null), T0);
        assertThat(justBelow.resolve()).as("39 °C is within the 2 °C hysteresis of 40").isEmpty();
        assertThat(justBelow.next().temperatureLevel()).isEqualTo(SensorLevel.WARNING);
        var cool = SensorMonitor.reading(s, justBelow.next(), climate(T0.plusSeconds(3), "37.5", "96"), T0);
        assertThat(cool.resolve()).containsExactly(SensorCondition.HIGH_TEMPERATURE);
        assertThat(cool.raise()).singleElement().satisfies(f -> {
            assertThat(f.condition()).isEqualTo(SensorCondition.HIGH_HUMIDITY);
            assertThat(f.severity()).isEqualTo(AlarmSeverity.CRITICAL);
        });
    }

    @Test
    void silencePastTheTimeoutRaisesOfflineOnceAndAnyReadingEndsIt() {
        Sensor s = sensor(SensorKind.WATER_IMMERSION);
        assertThat(SensorMonitor.silence(s, FRESH, T0.plus(TIMEOUT)).raise()).as("not past the deadline yet").isEmpty();
        Assessment silent = SensorMonitor.silence(s, FRESH, T0.plus(TIMEOUT).plusSeconds(1));
        assertThat(silent.raise()).singleElement().satisfies(f -> {
            assertThat(f.condition()).isEqualTo(SensorCondition.OFFLINE);
            assertThat(f.severity()).isEqualTo(AlarmSeverity.WARNING);
        });
        assertThat(silent.next().offline()).isTrue();
        assertThat(SensorMonitor.silence(s, silent.next(), T0.plus(TIMEOUT).plusSeconds(60)).raise()).isEmpty();

        Assessment back = SensorMonitor.reading(s, silent.next(), water(T0.plusSeconds(700), false), T0.plusSeconds(700));
        assertThat(back.resolve()).containsExactly(SensorCondition.OFFLINE);
        assertThat(back.next().offline()).isFalse();
    }

    @Test
    void theLastWillRaisesOfflineAndOnlineWithinTheTimeoutEndsIt() {
        Sensor s = sensor(SensorKind.SMOKE);
        SensorState seen = SensorMonitor.reading(s, FRESH, new SensorReading(T0, null, null, null, false, null), T0).next();
        Assessment gone = SensorMonitor.link(s, seen, SensorState.Link.OFFLINE, T0.plusSeconds(5));
        assertThat(gone.raise()).singleElement().extracting(SensorMonitor.Finding::condition).isEqualTo(SensorCondition.OFFLINE);
        assertThat(gone.next().link()).isEqualTo(SensorState.Link.OFFLINE);

        Assessment back = SensorMonitor.link(s, gone.next(), SensorState.Link.ONLINE, T0.plusSeconds(20));
        assertThat(back.resolve()).containsExactly(SensorCondition.OFFLINE);
        assertThat(back.next().offline()).isFalse();

        Assessment tooLate = SensorMonitor.link(s, gone.next(), SensorState.Link.ONLINE, T0.plus(TIMEOUT).plusSeconds(1));
        assertThat(tooLate.resolve()).as("silent past its timeout: only a reading ends it").isEmpty();
        assertThat(tooLate.next().offline()).isTrue();
    }
}
