package io.pylon.domain.alarm;

import static io.pylon.domain.alarm.RuleEvaluator.Verdict.NONE;
import static io.pylon.domain.alarm.RuleEvaluator.Verdict.RAISE;
import static io.pylon.domain.alarm.RuleEvaluator.Verdict.RESOLVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.alarm.AlarmRule.Comparison;
import io.pylon.domain.alarm.AlarmRule.Kind;
import io.pylon.domain.alarm.AlarmRule.Scope;
import io.pylon.domain.alarm.AlarmRule.Target;
import io.pylon.domain.alarm.RuleEvaluator.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final RuleEvaluator evaluator = new RuleEvaluator();

    private static AlarmRule rule(Kind kind, Comparison cmp, String threshold, String clear, Duration duration) {
        return new AlarmRule(1, 7L, "hot gun", Scope.OPERATOR, null, "connector_temperature", kind, cmp,
                threshold == null ? null : new BigDecimal(threshold), clear == null ? null : new BigDecimal(clear),
                kind == Kind.EVENT ? "GroundFailure" : null, duration, Duration.ofMinutes(1), AlarmSeverity.CRITICAL,
                Set.of(AlarmAction.STOP_SESSION), null, true);
    }

    private Verdict at(AlarmRule rule, int seconds, String value) {
        return evaluator.evaluate(rule, "CP-1#1", Telemetry.value("connector_temperature", new BigDecimal(value), "CP-1", 1,
                T0.plusSeconds(seconds))).verdict();
    }

    @Test
    void thresholdMustHoldForTheDurationBeforeItRaises() {
        var rule = rule(Kind.THRESHOLD, Comparison.ABOVE, "80", "70", Duration.ofSeconds(30));
        assertThat(at(rule, 0, "85")).isEqualTo(NONE);
        assertThat(at(rule, 20, "86")).isEqualTo(NONE);
        assertThat(at(rule, 25, "79")).isEqualTo(NONE); // dipped under: the clock starts again
        assertThat(at(rule, 30, "81")).isEqualTo(NONE);
        assertThat(at(rule, 59, "82")).isEqualTo(NONE);
        assertThat(at(rule, 60, "82")).isEqualTo(RAISE);
        assertThat(at(rule, 65, "90")).isEqualTo(NONE); // raised once
    }

    @Test
    void hysteresisKeepsTheAlarmUntilTheValueIsBackPastTheClearThreshold() {
        var rule = rule(Kind.THRESHOLD, Comparison.ABOVE, "80", "70", Duration.ZERO);
        assertThat(at(rule, 0, "81")).isEqualTo(RAISE);
        assertThat(at(rule, 10, "79")).isEqualTo(NONE);
        assertThat(at(rule, 20, "75")).isEqualTo(NONE);
        assertThat(at(rule, 30, "70")).isEqualTo(RESOLVE);
        assertThat(at(rule, 40, "79")).isEqualTo(NONE);
        assertThat(at(rule, 50, "80.5")).isEqualTo(RAISE);
    }

    @Test
    void belowThresholdWatchesFallingValues() {
        var rule = rule(Kind.THRESHOLD, Comparison.BELOW, "190", "200", Duration.ZERO);
        assertThat(at(rule, 0, "220")).isEqualTo(NONE);
        assertThat(at(rule, 1, "185")).isEqualTo(RAISE);
        assertThat(at(rule, 2, "195")).isEqualTo(NONE);
        assertThat(at(rule, 3, "200")).isEqualTo(RESOLVE);
    }

    @Test
    void rateOfRiseIsMeasuredPerMinuteOverTheWindow() {
        var rule = rule(Kind.RATE, Comparison.ABOVE, "5", "2", Duration.ZERO);
        assertThat(at(rule, 0, "40")).isEqualTo(NONE);
        assertThat(at(rule, 30, "41")).isEqualTo(NONE); // 2 °C/min
        var raised = evaluator.evaluate(rule, "CP-1#1", Telemetry.value("connector_temperature", new BigDecimal("46"), "CP-1", 1,
                T0.plusSeconds(60)));
        assertThat(raised.verdict()).isEqualTo(RAISE);
        assertThat(raised.observed()).isEqualByComparingTo("6"); // 40 → 46 in one minute
        assertThat(at(rule, 120, "47")).isEqualTo(RESOLVE); // the window now starts at 46: 1 °C/min
    }

    @Test
    void slowWarmingNeverTripsARateRule() {
        var rule = rule(Kind.RATE, Comparison.ABOVE, "5", null, Duration.ZERO);
        for (int s = 0; s <= 1800; s += 10) {
            assertThat(at(rule, s, new BigDecimal("30").add(new BigDecimal(s).divide(new BigDecimal(60), 3, java.math.RoundingMode.HALF_UP)).toPlainString()))
                    .isEqualTo(NONE);
        }
    }

    @Test
    void eventRulesRaiseOnTheCodeAndResolveWhenAnotherCodeComes() {
        var rule = rule(Kind.EVENT, Comparison.ABOVE, null, null, Duration.ZERO);
        var faulted = new Telemetry("connector_temperature", null, "GroundFailure", 7L, null, "CP-1", 1, null, T0);
        var healthy = new Telemetry("connector_temperature", null, "NoError", 7L, null, "CP-1", 1, null, T0.plusSeconds(5));
        assertThat(evaluator.evaluate(rule, "CP-1#1", faulted).verdict()).isEqualTo(RAISE);
        assertThat(evaluator.evaluate(rule, "CP-1#1", faulted).verdict()).as("the engine counts it as a repeat").isEqualTo(RAISE);
        assertThat(evaluator.evaluate(rule, "CP-1#1", healthy).verdict()).isEqualTo(RESOLVE);
        assertThat(evaluator.evaluate(rule, "CP-1#1", healthy).verdict()).isEqualTo(NONE);
    }

    @Test
    void targetsAndRulesAreIndependentAndForgettable() {
        var rule = rule(Kind.THRESHOLD, Comparison.ABOVE, "80", null, Duration.ZERO);
        assertThat(at(rule, 0, "81")).isEqualTo(RAISE);
        assertThat(evaluator.evaluate(rule, "CP-1#2", Telemetry.value("connector_temperature", new BigDecimal("81"), "CP-1", 2, T0))
                .verdict()).isEqualTo(RAISE);
        evaluator.forget(1);
        assertThat(evaluator.size()).isZero();
        assertThat(at(rule, 5, "82")).isEqualTo(RAISE);
    }

    @Test
    void scopesMatchTheirTargetsOnly() {
        var station = new AlarmRule(2, 7L, "s", Scope.STATION, "12", "voltage", Kind.THRESHOLD, Comparison.ABOVE, BigDecimal.TEN, null,
                null, null, null, AlarmSeverity.WARNING, null, null, true);
        assertThat(station.appliesTo("voltage", new Target(7L, 12L, "X", "CP"))).isTrue();
        assertThat(station.appliesTo("voltage", new Target(7L, 13L, "X", "CP"))).isFalse();
        assertThat(station.appliesTo("current", new Target(7L, 12L, "X", "CP"))).isFalse();
        assertThat(station.appliesTo("voltage", new Target(8L, 12L, "X", "CP"))).isFalse(); // another operator's station 12
        var model = new AlarmRule(3, null, "m", Scope.MODEL, "DC-120", "voltage", Kind.THRESHOLD, Comparison.ABOVE, BigDecimal.TEN,
                null, null, null, null, AlarmSeverity.WARNING, null, null, true);
        assertThat(model.appliesTo("voltage", new Target(9L, 1L, "dc-120", "CP"))).isTrue();
        assertThat(model.appliesTo("voltage", new Target(9L, 1L, null, "CP"))).isFalse();
    }

    @Test
    void rulesThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> rule(Kind.THRESHOLD, Comparison.ABOVE, null, null, null)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> rule(Kind.THRESHOLD, Comparison.ABOVE, "80", "85", null)).hasMessageContaining("hysteresis");
        assertThatThrownBy(() -> new AlarmRule(4, 7L, "x", Scope.CHARGER, null, "voltage", Kind.THRESHOLD, Comparison.ABOVE,
                BigDecimal.ONE, null, null, null, null, AlarmSeverity.INFO, null, null, true)).hasMessageContaining("charger");
    }
}
