package io.pylon.domain.alarm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per rule and target (a connector, a sensor, a bay), how long a condition has held and the recent values for
 * rates, and says when an alarm must be raised or resolved. Telemetry of one target arrives in order; targets are
 * independent. Pure and in memory: a restarted node starts every condition afresh.
 */
public final class RuleEvaluator {

    public enum Verdict { NONE, RAISE, RESOLVE }

    /** What to do, and the value the rule saw (the value itself, or the rate per minute for RATE rules). */
    public record Decision(Verdict verdict, BigDecimal observed) {
        static final Decision NONE = new Decision(Verdict.NONE, null);
    }

    /** Rates need at least this much history to mean anything. */
    static final Duration MIN_RATE_SPAN = Duration.ofSeconds(5);

    private record Point(Instant at, BigDecimal value) {}

    private static final class State {
        Instant breachSince;
        boolean alarmed;
        final ArrayDeque<Point> window = new ArrayDeque<>();
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    public Decision evaluate(AlarmRule rule, String target, Telemetry t) {
        State state = states.computeIfAbsent(rule.id() + "|" + target, k -> new State());
        synchronized (state) {
            return switch (rule.kind()) {
                case THRESHOLD -> t.value() == null ? Decision.NONE : level(rule, state, t.value(), t.at(), t.value());
                case RATE -> t.value() == null ? Decision.NONE : rate(rule, state, t);
                case EVENT -> event(rule, state, t.code());
            };
        }
    }

    /** Forgets what was remembered for a rule (it changed or was deleted). */
    public void forget(long ruleId) {
        states.keySet().removeIf(k -> k.startsWith(ruleId + "|"));
    }

    /** How many (rule, target) conditions are remembered. */
    public int size() {
        return states.size();
    }

    private static Decision level(AlarmRule rule, State state, BigDecimal v, Instant at, BigDecimal observed) {
        boolean above = rule.comparison() == AlarmRule.Comparison.ABOVE;
        if (state.alarmed) {
            boolean back = above ? v.compareTo(rule.clearThreshold()) <= 0 : v.compareTo(rule.clearThreshold()) >= 0;
            if (back) {
                state.alarmed = false;
                state.breachSince = null;
                return new Decision(Verdict.RESOLVE, observed);
            }
            return Decision.NONE;
        }
        boolean breach = above ? v.compareTo(rule.threshold()) > 0 : v.compareTo(rule.threshold()) < 0;
        if (!breach) {
            state.breachSince = null;
            return Decision.NONE;
        }
        if (state.breachSince == null || at.isBefore(state.breachSince)) state.breachSince = at;
        if (Duration.between(state.breachSince, at).compareTo(rule.duration()) >= 0) {
            state.alarmed = true;
            return new Decision(Verdict.RAISE, observed);
        }
        return Decision.NONE;
    }

    private static Decision rate(AlarmRule rule, State state, Telemetry t) {
        ArrayDeque<Point> window = state.window;
        if (!window.isEmpty() && t.at().isBefore(window.peekLast().at())) return Decision.NONE; // late: ignored for rates
        window.addLast(new Point(t.at(), t.value()));
        Instant horizon = t.at().minus(rule.window());
        while (window.size() > 1 && window.peekFirst().at().isBefore(horizon)) window.removeFirst();
        Point first = window.peekFirst();
        Duration span = Duration.between(first.at(), t.at());
        if (span.compareTo(MIN_RATE_SPAN) < 0) return Decision.NONE;
        BigDecimal perMinute = t.value().subtract(first.value())
                .multiply(BigDecimal.valueOf(60_000)).divide(BigDecimal.valueOf(span.toMillis()), MathContext.DECIMAL64);
        // RATE thresholds are magnitudes: ABOVE = rising faster than it, BELOW = falling faster than it.
        BigDecimal signed = rule.comparison() == AlarmRule.Comparison.ABOVE ? perMinute : perMinute.negate();
        AlarmRule asLevel = new AlarmRule(rule.id(), rule.operatorId(), rule.name(), rule.scope(), rule.scopeRef(), rule.metric(),
                AlarmRule.Kind.THRESHOLD, AlarmRule.Comparison.ABOVE, rule.threshold(), rule.clearThreshold(), null, rule.duration(),
                rule.window(), rule.severity(), rule.actions(), rule.escalateAfter(), true);
        return level(asLevel, state, signed, t.at(), perMinute);
    }

    private static Decision event(AlarmRule rule, State state, String code) {
        if (code == null) return Decision.NONE;
        boolean matches = "*".equals(rule.eventCode()) ? !isHealthy(code) : rule.eventCode().equalsIgnoreCase(code);
        if (matches) {
            // Every matching event raises: while the alarm is open the engine counts it as one more occurrence, and once
            // a person has cleared it (events like a broken seal have no "healthy" counterpart) the next one alarms again.
            state.alarmed = true;
            return new Decision(Verdict.RAISE, null);
        }
        if (state.alarmed) {
            state.alarmed = false;
            return new Decision(Verdict.RESOLVE, null);
        }
        return Decision.NONE;
    }

    private static boolean isHealthy(String code) {
        return "NoError".equalsIgnoreCase(code) || "Available".equalsIgnoreCase(code) || "normal".equalsIgnoreCase(code);
    }
}
