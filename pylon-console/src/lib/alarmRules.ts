// The alarm rule form: what a person edits, and the RuleRequest (POST/PUT /api/v1/alarm-rules) it becomes. Only the
// fields the rule's kind uses are sent, so a rule switched from THRESHOLD to EVENT carries no stale threshold.
import type { Schemas } from '../api/client';
import type { Severity } from './alarms';

export type RuleView = Schemas['RuleView'];
export type RuleRequest = Schemas['RuleRequest'];
export type Scope = RuleRequest['scope'];
export type Kind = RuleRequest['kind'];
export type Comparison = NonNullable<RuleRequest['comparison']>;
export type Action = NonNullable<RuleRequest['actions']>[number];

export const SCOPES: Scope[] = ['PLATFORM', 'OPERATOR', 'STATION', 'MODEL', 'CHARGER'];
export const KINDS: Kind[] = ['THRESHOLD', 'RATE', 'EVENT'];
export const ACTIONS: Action[] = ['STOP_SESSION', 'MAKE_UNAVAILABLE', 'LOCK_OUT'];
/** The metrics every charger feeds (AlarmRuleController.METRICS); sensors, cameras and thermal zones add prefixed ones. */
export const METRICS = ['voltage', 'current', 'power', 'connector_temperature', 'battery_temperature', 'soc', 'status', 'meter_anomaly'];
export const METRIC_PREFIXES = ['sensor.', 'camera.', 'thermal.'];

/** A rule as the form holds it; numbers a person has not filled in are null. */
export interface RuleForm {
  name: string;
  scope: Scope;
  /** The station id (STATION), charger model (MODEL) or charger id (CHARGER). */
  scopeRef: string;
  /** The owning operator, chosen by platform admins only (null: a platform-wide rule). */
  operatorId: number | null;
  metric: string;
  kind: Kind;
  comparison: Comparison;
  threshold: number | null;
  clearThreshold: number | null;
  eventCode: string;
  durationSeconds: number | null;
  windowSeconds: number | null;
  severity: Severity;
  actions: Action[];
  escalateAfterSeconds: number | null;
  enabled: boolean;
}

export function emptyRule(scope: Scope = 'OPERATOR'): RuleForm {
  return {
    name: '', scope, scopeRef: '', operatorId: null, metric: 'connector_temperature', kind: 'THRESHOLD', comparison: 'ABOVE',
    threshold: null, clearThreshold: null, eventCode: '', durationSeconds: 0, windowSeconds: 60, severity: 'WARNING', actions: [],
    escalateAfterSeconds: null, enabled: true,
  };
}

/** The form for editing a stored rule. */
export function ruleForm(r: RuleView): RuleForm {
  const num = (v: number | undefined | null) => (v == null ? null : Number(v));
  return {
    name: r.name ?? '',
    scope: r.scope ?? 'OPERATOR',
    scopeRef: r.scopeRef ?? '',
    operatorId: r.operatorId ?? null,
    metric: r.metric ?? '',
    kind: r.kind ?? 'THRESHOLD',
    comparison: r.comparison ?? 'ABOVE',
    threshold: num(r.threshold),
    clearThreshold: r.kind !== 'EVENT' && r.clearThreshold != null && r.clearThreshold !== r.threshold ? Number(r.clearThreshold) : null,
    eventCode: r.eventCode ?? '',
    durationSeconds: num(r.durationSeconds),
    windowSeconds: num(r.windowSeconds),
    severity: r.severity ?? 'WARNING',
    actions: [...(r.actions ?? [])],
    escalateAfterSeconds: num(r.escalateAfterSeconds),
    enabled: r.enabled ?? true,
  };
}

/** Whether a scope needs a reference (a station, a model, a charger). */
export function needsRef(scope: Scope): boolean {
  return scope === 'STATION' || scope === 'MODEL' || scope === 'CHARGER';
}

/** The scopes a person may choose: platform admins all of them, station-scoped people their stations and chargers. */
export function scopesFor(role: { platform: boolean; stationScoped: boolean }): Scope[] {
  if (role.platform) return SCOPES;
  if (role.stationScoped) return ['STATION', 'CHARGER'];
  return SCOPES.filter((s) => s !== 'PLATFORM');
}

/** Whether the metric is one the server accepts (a known one, or sensor.x / camera.x / thermal.x). */
export function knownMetric(metric: string): boolean {
  if (!/^[a-z0-9_.]+$/.test(metric)) return false;
  return METRICS.includes(metric) || METRIC_PREFIXES.some((p) => metric.startsWith(p) && metric.length > p.length);
}

/**
 * The request for a form: the kind's own fields only (THRESHOLD: comparison, threshold, clear threshold, duration;
 * RATE: direction, threshold per minute, clear threshold, window; EVENT: event code), text trimmed, the scope's
 * reference only where the scope has one, and the operator only when a platform admin names one.
 */
export function toRequest(f: RuleForm, platform: boolean): RuleRequest {
  const r: RuleRequest = {
    name: f.name.trim(),
    scope: f.scope,
    metric: f.metric.trim(),
    kind: f.kind,
    severity: f.severity,
    actions: [...new Set(f.actions)],
    enabled: f.enabled,
  };
  if (needsRef(f.scope)) r.scopeRef = f.scopeRef.trim();
  if (platform && f.scope !== 'PLATFORM' && f.operatorId != null) r.operatorId = f.operatorId;
  if (f.escalateAfterSeconds != null) r.escalateAfterSeconds = f.escalateAfterSeconds;
  if (f.kind === 'EVENT') {
    r.eventCode = f.eventCode.trim();
    return r;
  }
  r.comparison = f.comparison;
  if (f.threshold != null) r.threshold = f.threshold;
  if (f.clearThreshold != null) r.clearThreshold = f.clearThreshold;
  if (f.kind === 'THRESHOLD') r.durationSeconds = f.durationSeconds ?? 0;
  else r.windowSeconds = f.windowSeconds ?? 60;
  return r;
}

/**
 * A rule's condition in a few symbols, for the list: "> 80 (clear ≤ 75) for 30 s", "rises > 5/min over 60 s",
 * "event GroundFailure".
 */
export function condition(r: RuleView | RuleRequest, t: (key: string) => string = (k) => k): string {
  if (r.kind === 'EVENT') return `${t('rule.event')} ${r.eventCode ?? ''}`.trim();
  const above = (r.comparison ?? 'ABOVE') === 'ABOVE';
  const clear = r.clearThreshold != null && r.clearThreshold !== r.threshold ? ` (${t('rule.clearShort')} ${r.clearThreshold})` : '';
  if (r.kind === 'RATE') {
    return `${t(above ? 'rule.rises' : 'rule.falls')} > ${r.threshold}/min${clear} · ${r.windowSeconds ?? 60} s`;
  }
  const duration = r.durationSeconds ? ` · ${r.durationSeconds} s` : '';
  return `${above ? '>' : '<'} ${r.threshold}${clear}${duration}`;
}
