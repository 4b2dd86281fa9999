package io.pylon.server.alarm;

import io.pylon.domain.alarm.AlarmRule;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.alarm.Alarms;
import io.pylon.domain.alarm.RuleEvaluator;
import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.TelemetrySink;
import io.pylon.server.persistence.JooqAlarmRules;
import io.pylon.server.persistence.JooqAlarmRules.ChargerContext;
import io.pylon.server.persistence.JooqLive;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates the operators' alarm rules on every observation handed in (charger values and status codes, sensors,
 * cameras): finds the rules of the observation's metric whose scope covers it, lets {@link RuleEvaluator} judge duration,
 * rate and hysteresis, and raises or resolves the rule's alarm (source {@code rule}, code {@code RULE-<id>}). Costs a map
 * lookup for metrics no rule watches. Rules are re-read after every change made here and every few seconds (for changes
 * made on other nodes).
 */
@Component
public class AlarmRules implements TelemetrySink {

    static final String SOURCE = "rule";
    private static final Logger log = LoggerFactory.getLogger(AlarmRules.class);
    private static final Duration CONTEXT_TTL = Duration.ofMinutes(1);

    private record Cached(ChargerContext context, Instant loadedAt) {}

    private final JooqAlarmRules store;
    private final JooqLive live;
    private final Alarms alarms;
    private final Clock clock;
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private final Map<String, Cached> chargers = new ConcurrentHashMap<>();
    private volatile Map<String, List<AlarmRule>> byMetric = Map.of();
    private volatile Map<Long, AlarmRule> byId = Map.of();

    public AlarmRules(JooqAlarmRules store, JooqLive live, Alarms alarms, Clock clock) {
        this.store = store;
        this.live = live;
        this.alarms = alarms;
        this.clock = clock;
        reload();
    }

    /** Reads the enabled rules again; a rule that changed or went away starts its conditions afresh. */
    @Scheduled(fixedDelayString = "${pylon.alarms.rules-refresh:10s}")
    public synchronized void reload() {
        Map<Long, AlarmRule> fresh = new HashMap<>();
        for (AlarmRule r : store.enabled()) fresh.put(r.id(), r);
        for (var old : byId.entrySet()) {
            if (!Objects.equals(old.getValue(), fresh.get(old.getKey()))) evaluator.forget(old.getKey());
        }
        byId = Map.copyOf(fresh);
        byMetric = fresh.values().stream().collect(Collectors.groupingBy(AlarmRule::metric, Collectors.toUnmodifiableList()));
    }

    @Override
    public void accept(Telemetry t) {
        List<AlarmRule> rules = byMetric.get(t.metric());
        if (rules == null) return;
        AlarmRule.Target where;
        try {
            where = target(t);
        } catch (RuntimeException e) {
            log.warn("Telemetry of {} not evaluated: {}", targetKey(t), e.toString());
            return;
        }
        for (AlarmRule rule : rules) {
            if (!rule.appliesTo(t.metric(), where)) continue;
            try {
                var decision = evaluator.evaluate(rule, targetKey(t), t);
                switch (decision.verdict()) {
                    case RAISE -> alarms.raise(signal(rule, t, where, decision.observed()));
                    case RESOLVE -> alarms.resolve(signal(rule, t, where, decision.observed()).dedupKey(), t.at());
                    case NONE -> { }
                }
            } catch (RuntimeException e) {
                log.warn("Rule {} on {} not applied: {}", rule.id(), targetKey(t), e.toString());
            }
        }
    }

    /** How many rules are watching, for tests and metrics. */
    public int size() {
        return byId.size();
    }

    private AlarmSignal signal(AlarmRule rule, Telemetry t, AlarmRule.Target where, BigDecimal observed) {
        return AlarmSignal.of(SOURCE, "RULE-" + rule.id(), rule.severity())
                .operator(where.operatorId()).station(where.stationId())
                .charger(t.chargerId(), t.chargerId() == null ? null : t.connectorId())
                .subject(t.chargerId() == null ? t.subject() : null)
                .value(observed).message(describe(rule, t, observed)).actions(rule.actions()).rule(rule.id())
                .escalateAfter(rule.escalateAfter()).build();
    }

    static String describe(AlarmRule rule, Telemetry t, BigDecimal observed) {
        String what = switch (rule.kind()) {
            case THRESHOLD -> rule.metric() + " " + plain(observed) + (rule.comparison() == AlarmRule.Comparison.ABOVE ? " > " : " < ")
                    + plain(rule.threshold()) + (rule.duration().isZero() ? "" : " for " + rule.duration().toSeconds() + " s");
            case RATE -> rule.metric() + " changing " + plain(observed) + "/min, limit "
                    + (rule.comparison() == AlarmRule.Comparison.ABOVE ? "+" : "-") + plain(rule.threshold()) + "/min";
            case EVENT -> rule.metric() + " " + t.code();
        };
        return rule.name() + ": " + what;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "?" : v.stripTrailingZeros().toPlainString();
    }

    private static String targetKey(Telemetry t) {
        return t.chargerId() != null ? t.chargerId() + "#" + (t.connectorId() == null ? 0 : t.connectorId())
                : t.subject() != null ? t.subject() : "station:" + t.stationId();
    }

    private AlarmRule.Target target(Telemetry t) {
        if (t.chargerId() == null) {
            Long operator = t.operatorId();
            if (operator == null && t.stationId() != null) operator = live.stationOperator(t.stationId()).orElse(null);
            return new AlarmRule.Target(operator, t.stationId(), null, null);
        }
        Instant now = clock.instant();
        Cached cached = chargers.get(t.chargerId());
        if (cached == null || cached.loadedAt().plus(CONTEXT_TTL).isBefore(now)) {
            cached = new Cached(store.charger(t.chargerId()).orElse(new ChargerContext(null, null, null)), now);
            chargers.put(t.chargerId(), cached);
        }
        ChargerContext c = cached.context();
        return new AlarmRule.Target(t.operatorId() != null ? t.operatorId() : c.operatorId(),
                t.stationId() != null ? t.stationId() : c.stationId(), c.model(), t.chargerId());
    }

    /** Drops what is cached about chargers (their station or model changed). */
    @Scheduled(fixedDelayString = "${pylon.alarms.context-refresh:5m}")
    public void forgetChargers() {
        chargers.clear();
    }

    List<AlarmRule> rules() {
        return new ArrayList<>(byId.values());
    }
}
