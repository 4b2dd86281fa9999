import { describe, expect, it } from 'vitest';
import { condition, emptyRule, knownMetric, ruleForm, scopesFor, toRequest, type RuleForm, type RuleView } from './alarmRules';

const form = (over: Partial<RuleForm>): RuleForm => ({ ...emptyRule(), name: ' Hot gun ', ...over });

describe('rule form → request', () => {
  it('sends a THRESHOLD rule with its comparison, thresholds and duration only', () => {
    const r = toRequest(form({
      kind: 'THRESHOLD', comparison: 'ABOVE', threshold: 80, clearThreshold: 75, durationSeconds: 30,
      windowSeconds: 120, eventCode: 'stale', severity: 'CRITICAL', actions: ['STOP_SESSION', 'STOP_SESSION'], escalateAfterSeconds: 300,
    }), false);
    expect(r).toEqual({
      name: 'Hot gun', scope: 'OPERATOR', metric: 'connector_temperature', kind: 'THRESHOLD', severity: 'CRITICAL',
      actions: ['STOP_SESSION'], enabled: true, comparison: 'ABOVE', threshold: 80, clearThreshold: 75, durationSeconds: 30,
      escalateAfterSeconds: 300,
    });
  });

  it('sends a RATE rule with its direction, rate per minute and window, no duration', () => {
    const r = toRequest(form({ kind: 'RATE', metric: 'battery_temperature', comparison: 'ABOVE', threshold: 5, clearThreshold: null, windowSeconds: 90, durationSeconds: 30 }), false);
    expect(r).toMatchObject({ kind: 'RATE', comparison: 'ABOVE', threshold: 5, windowSeconds: 90 });
    expect(r).not.toHaveProperty('durationSeconds');
    expect(r).not.toHaveProperty('clearThreshold');
    expect(toRequest(form({ kind: 'RATE', threshold: 5, windowSeconds: null }), false).windowSeconds).toBe(60);
  });

  it('sends an EVENT rule with its code and no stale threshold', () => {
    const r = toRequest(form({ kind: 'EVENT', metric: 'status', eventCode: ' GroundFailure ', threshold: 80, clearThreshold: 70, durationSeconds: 10 }), false);
    expect(r).toMatchObject({ kind: 'EVENT', metric: 'status', eventCode: 'GroundFailure' });
    for (const k of ['threshold', 'clearThreshold', 'comparison', 'durationSeconds', 'windowSeconds']) expect(r).not.toHaveProperty(k);
  });

  it('sends the scope reference only where the scope has one', () => {
    expect(toRequest(form({ scope: 'STATION', scopeRef: '42' }), false).scopeRef).toBe('42');
    expect(toRequest(form({ scope: 'CHARGER', scopeRef: ' CP-1 ' }), false).scopeRef).toBe('CP-1');
    expect(toRequest(form({ scope: 'MODEL', scopeRef: 'AC7' }), false).scopeRef).toBe('AC7');
    expect(toRequest(form({ scope: 'OPERATOR', scopeRef: 'left over' }), false)).not.toHaveProperty('scopeRef');
  });

  it('names an operator only for platform admins, never on a platform rule', () => {
    expect(toRequest(form({ scope: 'OPERATOR', operatorId: 5 }), true).operatorId).toBe(5);
    expect(toRequest(form({ scope: 'OPERATOR', operatorId: 5 }), false)).not.toHaveProperty('operatorId');
    expect(toRequest(form({ scope: 'PLATFORM', operatorId: 5 }), true)).not.toHaveProperty('operatorId');
    expect(toRequest(form({ scope: 'STATION', scopeRef: '1', operatorId: null }), true)).not.toHaveProperty('operatorId');
  });

  it('leaves escalation out when empty (never escalates)', () => {
    expect(toRequest(form({ escalateAfterSeconds: null }), false)).not.toHaveProperty('escalateAfterSeconds');
  });

  it('round-trips a stored rule through the form', () => {
    const stored: RuleView = {
      id: 3, operatorId: 1, name: 'Fast rise', scope: 'STATION', scopeRef: '42', metric: 'thermal.max', kind: 'RATE', comparison: 'ABOVE',
      threshold: 6, clearThreshold: 6, durationSeconds: 0, windowSeconds: 30, severity: 'EVACUATION', actions: ['STOP_SESSION', 'LOCK_OUT'],
      escalateAfterSeconds: undefined, enabled: false,
    };
    const f = ruleForm(stored);
    expect(f.clearThreshold).toBeNull(); // the same as the threshold: shown empty
    expect(toRequest(f, false)).toEqual({
      name: 'Fast rise', scope: 'STATION', scopeRef: '42', metric: 'thermal.max', kind: 'RATE', comparison: 'ABOVE', threshold: 6,
      windowSeconds: 30, severity: 'EVACUATION', actions: ['STOP_SESSION', 'LOCK_OUT'], enabled: false,
    });
  });
});

describe('rule form helpers', () => {
  it('offers the scopes a person may use', () => {
    expect(scopesFor({ platform: true, stationScoped: false })).toContain('PLATFORM');
    expect(scopesFor({ platform: false, stationScoped: false })).toEqual(['OPERATOR', 'STATION', 'MODEL', 'CHARGER']);
    expect(scopesFor({ platform: false, stationScoped: true })).toEqual(['STATION', 'CHARGER']);
  });

  it('knows the metrics the server accepts', () => {
    expect(knownMetric('voltage')).toBe(true);
    expect(knownMetric('sensor.water')).toBe(true);
    expect(knownMetric('camera.smoke')).toBe(true);
    expect(knownMetric('thermal.max')).toBe(true);
    expect(knownMetric('sensor.')).toBe(false);
    expect(knownMetric('humidity')).toBe(false);
    expect(knownMetric('Voltage')).toBe(false);
  });

  it('summarises conditions', () => {
    expect(condition({ kind: 'THRESHOLD', comparison: 'ABOVE', threshold: 80, clearThreshold: 75, durationSeconds: 30 } as RuleView)).toBe('> 80 (rule.clearShort 75) · 30 s');
    expect(condition({ kind: 'THRESHOLD', comparison: 'BELOW', threshold: 10, clearThreshold: 10, durationSeconds: 0 } as RuleView)).toBe('< 10');
    expect(condition({ kind: 'RATE', comparison: 'ABOVE', threshold: 5, windowSeconds: 60 } as RuleView, (k) => k.split('.')[1])).toBe('rises > 5/min · 60 s');
    expect(condition({ kind: 'EVENT', eventCode: '*' } as RuleView, () => 'event')).toBe('event *');
  });
});
