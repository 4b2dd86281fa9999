package io.pylon.server.alarm;

import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmRule;
import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.alarm.Telemetry.Metrics;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqAlarmRules;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alarm rules", description = "Rules on telemetry (threshold, duration, rate of change, hysteresis, events) "
        + "scoped to the platform, an operator, a station, a charger model or a charger, with the alarm's severity and actions")
@RestController
@RequestMapping("/api/v1/alarm-rules")
public class AlarmRuleController {

    /** Metrics rules can watch; sensors, cameras and thermal zones add theirs under these prefixes. */
    static final Set<String> METRICS = Set.of(Metrics.VOLTAGE, Metrics.CURRENT, Metrics.POWER, Metrics.CONNECTOR_TEMPERATURE,
            Metrics.BATTERY_TEMPERATURE, Metrics.SOC, Metrics.STATUS, Metrics.METER_ANOMALY);
    static final List<String> METRIC_PREFIXES = List.of(Metrics.SENSOR_PREFIX, Metrics.CAMERA_PREFIX, "thermal.");

    private final JooqAlarmRules rules;
    private final AlarmRules engine;
    private final JooqStations stations;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    public AlarmRuleController(JooqAlarmRules rules, AlarmRules engine, JooqStations stations, Callers callers, AuditLog audit,
                               Clock clock) {
        this.rules = rules;
        this.engine = engine;
        this.stations = stations;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A rule as written. {@code scopeRef}: the station id (STATION), charger model (MODEL) or charger id (CHARGER).
     * {@code threshold} for THRESHOLD (the value) and RATE (units per minute); {@code clearThreshold} the hysteresis
     * bound (defaults to the threshold); {@code eventCode} for EVENT rules ("*" = any code but a healthy one).
     * {@code operatorId} only for platform admins (none = a platform-wide rule).
     */
    public record RuleRequest(@NotBlank @Size(max = 100) String name, @NotNull AlarmRule.Scope scope, @Size(max = 100) String scopeRef,
                              @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9_.]+") String metric, @NotNull AlarmRule.Kind kind,
                              AlarmRule.Comparison comparison, BigDecimal threshold, BigDecimal clearThreshold,
                              @Size(max = 64) String eventCode, @Min(0) @Max(86_400) Integer durationSeconds,
                              @Min(5) @Max(3_600) Integer windowSeconds, @NotNull AlarmSeverity severity, Set<AlarmAction> actions,
                              @Min(10) @Max(604_800) Integer escalateAfterSeconds, Boolean enabled, Long operatorId) {}

    /** A rule as stored; durations in seconds; {@code operatorId} null for a platform rule. */
    public record RuleView(long id, Long operatorId, String name, AlarmRule.Scope scope, String scopeRef, String metric,
                           AlarmRule.Kind kind, AlarmRule.Comparison comparison, BigDecimal threshold, BigDecimal clearThreshold,
                           String eventCode, long durationSeconds, long windowSeconds, AlarmSeverity severity,
                           Set<AlarmAction> actions, Long escalateAfterSeconds, boolean enabled) {

        static RuleView of(AlarmRule r) {
            return new RuleView(r.id(), r.operatorId(), r.name(), r.scope(), r.scopeRef(), r.metric(), r.kind(), r.comparison(),
                    r.threshold(), r.clearThreshold(), r.eventCode(), r.duration().toSeconds(), r.window().toSeconds(), r.severity(),
                    r.actions(), r.escalateAfter() == null ? null : r.escalateAfter().toSeconds(), r.enabled());
        }
    }

    @Operation(summary = "The rules you may see: your operator's and the platform's")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public List<RuleView> list() {
        return rules.list(callers.scope()).stream().map(RuleView::of).toList();
    }

    @Operation(summary = "One rule")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public RuleView get(@PathVariable long id) {
        return RuleView.of(find(id));
    }

    @Operation(summary = "Create a rule; it applies from the next observation (and on every node within seconds)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public RuleView create(@Valid @RequestBody RuleRequest request) {
        AlarmRule rule = validated(0, request);
        long id = rules.insert(rule, clock.instant());
        engine.reload();
        AlarmRule stored = rules.find(TenantScope.platform(), id).orElseThrow();
        audit.record(callers.current().username(), stored.operatorId(), AuditLog.Action.CREATE, "alarm_rule", id,
                null, RuleView.of(stored));
        return RuleView.of(stored);
    }

    @Operation(summary = "Change a rule; its running conditions start afresh")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public RuleView update(@PathVariable long id, @Valid @RequestBody RuleRequest request) {
        AlarmRule before = writable(id);
        AlarmRule rule = validated(id, request);
        rules.update(rule, clock.instant());
        engine.reload();
        AlarmRule after = rules.find(TenantScope.platform(), id).orElseThrow();
        audit.record(callers.current().username(), after.operatorId(), AuditLog.Action.UPDATE, "alarm_rule", id, RuleView.of(before),
                RuleView.of(after));
        return RuleView.of(after);
    }

    @Operation(summary = "Delete a rule (its alarms stay, with their history)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void delete(@PathVariable long id) {
        AlarmRule before = writable(id);
        rules.delete(id);
        engine.reload();
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "alarm_rule", id, RuleView.of(before), null);
    }

    private AlarmRule find(long id) {
        return rules.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("No alarm rule " + id));
    }

    /** Operators see platform rules but only platform admins change them. */
    private AlarmRule writable(long id) {
        AlarmRule rule = find(id);
        TenantScope scope = callers.scope();
        if (!scope.isPlatform() && rule.operatorId() == null) {
            throw new org.springframework.security.access.AccessDeniedException("Platform rules are changed by platform admins");
        }
        if (!scope.isPlatform() && scope.stationIds() != null
                && (rule.scope() != AlarmRule.Scope.STATION && rule.scope() != AlarmRule.Scope.CHARGER || !inScope(rule.scope(), rule.scopeRef(), scope))) {
            throw new NoSuchElementException("No alarm rule " + id);
        }
        return rule;
    }

    private AlarmRule validated(long id, RuleRequest r) {
        TenantScope scope = callers.scope();
        if (!METRICS.contains(r.metric()) && METRIC_PREFIXES.stream().noneMatch(p -> r.metric().startsWith(p) && r.metric().length() > p.length())) {
            throw new IllegalArgumentException("Unknown metric " + r.metric() + "; one of " + METRICS.stream().sorted().toList()
                    + " or sensor.<kind>, camera.<event>, thermal.<measure>");
        }
        Long operatorId;
        if (scope.isPlatform()) {
            operatorId = r.operatorId();
            if (r.scope() == AlarmRule.Scope.PLATFORM && operatorId != null) {
                throw new IllegalArgumentException("A PLATFORM rule belongs to no operator; use scope OPERATOR for one operator");
            }
            if (r.scope() == AlarmRule.Scope.OPERATOR && operatorId == null) {
                throw new IllegalArgumentException("An OPERATOR rule needs operatorId");
            }
        } else {
            if (r.operatorId() != null && !r.operatorId().equals(scope.operatorId())) {
                throw new NoSuchElementException("No operator " + r.operatorId());
            }
            if (r.scope() == AlarmRule.Scope.PLATFORM) {
                throw new org.springframework.security.access.AccessDeniedException("Platform rules are made by platform admins");
            }
            if (scope.stationIds() != null && r.scope() != AlarmRule.Scope.STATION && r.scope() != AlarmRule.Scope.CHARGER) {
                throw new org.springframework.security.access.AccessDeniedException("You may make rules for your stations and their chargers only");
            }
            operatorId = scope.operatorId();
        }
        if (r.scope() == AlarmRule.Scope.STATION || r.scope() == AlarmRule.Scope.CHARGER) {
            TenantScope owner = operatorId == null ? scope : operatorScope(scope, operatorId);
            if (!inScope(r.scope(), r.scopeRef(), owner)) {
                throw new NoSuchElementException("No " + r.scope().name().toLowerCase() + " " + r.scopeRef());
            }
        }
        return new AlarmRule(id, operatorId, r.name().strip(), r.scope(), r.scopeRef() == null ? null : r.scopeRef().strip(), r.metric(),
                r.kind(), r.comparison(), r.threshold(), r.clearThreshold(), r.eventCode(),
                Duration.ofSeconds(r.durationSeconds() == null ? 0 : r.durationSeconds()),
                Duration.ofSeconds(r.windowSeconds() == null ? 60 : r.windowSeconds()), r.severity(), r.actions(),
                r.escalateAfterSeconds() == null ? null : Duration.ofSeconds(r.escalateAfterSeconds()),
                r.enabled() == null || r.enabled());
    }

    private static TenantScope operatorScope(TenantScope caller, long operatorId) {
        return caller.isPlatform() ? TenantScope.operator(operatorId) : caller;
    }

    private boolean inScope(AlarmRule.Scope kind, String ref, TenantScope scope) {
        if (ref == null) return false;
        if (kind == AlarmRule.Scope.STATION) {
            try {
                return stations.find(scope, Long.parseLong(ref.strip())).isPresent();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("A STATION rule's scopeRef is the station id, not " + ref);
            }
        }
        return rules.charger(ref.strip()).filter(c -> scope.includes(c.operatorId(), c.stationId())).isPresent();
    }
}
