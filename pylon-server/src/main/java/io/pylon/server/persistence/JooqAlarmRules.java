package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmRule;
import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The {@code alarm_rule} table (V17_1) and what rules need to know about a charger (its owner and model). */
@Repository
public class JooqAlarmRules {

    static final Table<Record> ALARM_RULE = DSL.table(DSL.name("alarm_rule"));
    private static final Field<String> SCOPE_KIND = str("scope_kind");
    private static final Field<String> SCOPE_REF = str("scope_ref");
    private static final Field<String> METRIC = str("metric");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> COMPARISON = str("comparison");
    private static final Field<BigDecimal> THRESHOLD = decimal("threshold");
    private static final Field<BigDecimal> CLEAR_THRESHOLD = decimal("clear_threshold");
    private static final Field<String> EVENT_CODE = str("event_code");
    private static final Field<Integer> DURATION = integer("duration_s");
    private static final Field<Integer> WINDOW = integer("window_s");
    private static final Field<String> SEVERITY = str("severity");
    private static final Field<String> ACTIONS = str("actions");
    private static final Field<Integer> ESCALATE_AFTER = integer("escalate_after_s");
    private static final Field<Boolean> ENABLED = bool("enabled");
    private static final Field<Instant> CREATED = time("created_at");
    private static final Field<Instant> UPDATED = time("updated_at");
    private static final Field<String> MODEL = str("model");
    private static final Field<String> PRODUCT_MODEL = str("product_model");

    private static final List<Field<?>> FIELDS = List.of(LONG_ID, OPERATOR_ID, NAME, SCOPE_KIND, SCOPE_REF, METRIC, KIND, COMPARISON,
            THRESHOLD, CLEAR_THRESHOLD, EVENT_CODE, DURATION, WINDOW, SEVERITY, ACTIONS, ESCALATE_AFTER, ENABLED);

    /** Where a charger is and what it is, for rule scopes. */
    public record ChargerContext(Long operatorId, Long stationId, String model) {}

    private final DSLContext db;

    public JooqAlarmRules(DSLContext db) {
        this.db = db;
    }

    public List<AlarmRule> enabled() {
        return db.select(FIELDS).from(ALARM_RULE).where(ENABLED.isTrue()).fetch(JooqAlarmRules::rule);
    }

    /** Rules a caller may see: their operator's and the platform's (a platform caller sees all). */
    public List<AlarmRule> list(TenantScope scope) {
        Condition where = scope.isPlatform() ? DSL.noCondition() : OPERATOR_ID.eq(scope.operatorId()).or(OPERATOR_ID.isNull());
        return db.select(FIELDS).from(ALARM_RULE).where(where).orderBy(LONG_ID).fetch(JooqAlarmRules::rule);
    }

    public Optional<AlarmRule> find(TenantScope scope, long id) {
        Condition where = scope.isPlatform() ? DSL.noCondition() : OPERATOR_ID.eq(scope.operatorId()).or(OPERATOR_ID.isNull());
        return db.select(FIELDS).from(ALARM_RULE).where(LONG_ID.eq(id)).and(where).fetchOptional(JooqAlarmRules::rule);
    }

    public long insert(AlarmRule r, Instant at) {
        return db.insertInto(ALARM_RULE).set(values(r)).set(CREATED, at).set(UPDATED, at).returningResult(LONG_ID)
                .fetchOne(x -> x.value1());
    }

    public void update(AlarmRule r, Instant at) {
        db.update(ALARM_RULE).set(values(r)).set(UPDATED, at).where(LONG_ID.eq(r.id())).execute();
    }

    public void delete(long id) {
        db.deleteFrom(ALARM_RULE).where(LONG_ID.eq(id)).execute();
    }

    public Optional<ChargerContext> charger(String chargerId) {
        return db.select(OPERATOR_ID, STATION_ID, DSL.coalesce(PRODUCT_MODEL, MODEL)).from(CHARGER).where(ID.eq(chargerId))
                .fetchOptional(r -> new ChargerContext(r.value1(), r.value2(), r.value3()));
    }

    private static java.util.Map<Field<?>, Object> values(AlarmRule r) {
        var m = new java.util.LinkedHashMap<Field<?>, Object>();
        m.put(OPERATOR_ID, r.operatorId());
        m.put(NAME, r.name());
        m.put(SCOPE_KIND, r.scope().name());
        m.put(SCOPE_REF, r.scopeRef());
        m.put(METRIC, r.metric());
        m.put(KIND, r.kind().name());
        m.put(COMPARISON, r.comparison().name());
        m.put(THRESHOLD, r.threshold());
        m.put(CLEAR_THRESHOLD, r.clearThreshold());
        m.put(EVENT_CODE, r.eventCode());
        m.put(DURATION, (int) r.duration().toSeconds());
        m.put(WINDOW, (int) r.window().toSeconds());
        m.put(SEVERITY, r.severity().name());
        m.put(ACTIONS, r.actions().isEmpty() ? null : r.actions().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        m.put(ESCALATE_AFTER, r.escalateAfter() == null ? null : (int) r.escalateAfter().toSeconds());
        m.put(ENABLED, r.enabled());
        return m;
    }

    private static AlarmRule rule(Record r) {
        String actions = r.get(ACTIONS);
        Set<AlarmAction> set = actions == null || actions.isBlank() ? Set.of()
                : Arrays.stream(actions.split(",")).map(AlarmAction::valueOf).collect(Collectors.toUnmodifiableSet());
        Integer escalate = r.get(ESCALATE_AFTER);
        return new AlarmRule(r.get(LONG_ID), r.get(OPERATOR_ID), r.get(NAME), AlarmRule.Scope.valueOf(r.get(SCOPE_KIND)), r.get(SCOPE_REF),
                r.get(METRIC), AlarmRule.Kind.valueOf(r.get(KIND)), AlarmRule.Comparison.valueOf(r.get(COMPARISON)), r.get(THRESHOLD),
                r.get(CLEAR_THRESHOLD), r.get(EVENT_CODE), Duration.ofSeconds(r.get(DURATION)), Duration.ofSeconds(r.get(WINDOW)),
                AlarmSeverity.valueOf(r.get(SEVERITY)), set, escalate == null ? null : Duration.ofSeconds(escalate), r.get(ENABLED));
    }
}
