import { describe, expect, it } from 'vitest';
import { AlertFilter, actionFailed, chronological, evidenceLink, historyText, looksLikeImage, severityRank, where, worstFirst, type Alarm } from './alarms';
import { callerOf, claims } from './caller';

const alarm = (over: Partial<Alarm>): Alarm => ({
  id: 1, state: 'OPEN', severity: 'WARNING', source: 'charger', code: 'X', occurrences: 1,
  raisedAt: '2026-01-01T10:00:00Z', lastSeenAt: '2026-01-01T10:00:00Z', ...over,
});

describe('severity order', () => {
  it('ranks INFO < WARNING < CRITICAL < EVACUATION, unknown lowest', () => {
    expect(['EVACUATION', 'INFO', 'CRITICAL', 'WARNING'].sort((a, b) => severityRank(a) - severityRank(b)))
      .toEqual(['INFO', 'WARNING', 'CRITICAL', 'EVACUATION']);
    expect(severityRank('NONSENSE')).toBeLessThan(severityRank('INFO'));
    expect(severityRank(undefined)).toBe(-1);
  });

  it('puts evacuation first however old, then the worst, then the newest', () => {
    const list = [
      alarm({ id: 1, severity: 'WARNING', lastSeenAt: '2026-01-01T12:00:00Z' }),
      alarm({ id: 2, severity: 'EVACUATION', lastSeenAt: '2026-01-01T08:00:00Z' }),
      alarm({ id: 3, severity: 'CRITICAL', lastSeenAt: '2026-01-01T09:00:00Z' }),
      alarm({ id: 4, severity: 'CRITICAL', lastSeenAt: '2026-01-01T11:00:00Z' }),
      alarm({ id: 5, severity: 'INFO', lastSeenAt: '2026-01-01T13:00:00Z' }),
    ];
    expect(worstFirst(list).map((a) => a.id)).toEqual([2, 4, 3, 1, 5]);
    expect(list.map((a) => a.id)).toEqual([1, 2, 3, 4, 5]); // not sorted in place
  });
});

describe('where an alarm is', () => {
  it('names the connector, else the subject, else the station', () => {
    expect(where({ chargerId: 'CP-1', connectorId: 2, subject: 'bay:12', stationId: 7 })).toBe('CP-1/2');
    expect(where({ chargerId: 'CP-1', connectorId: 0 })).toBe('CP-1');
    expect(where({ subject: 'sensor:water-3', stationId: 7 })).toBe('sensor:water-3');
    expect(where({ stationId: 7 }, (id) => (id === 7 ? 'Anyang P2' : undefined))).toBe('Anyang P2');
    expect(where({ stationId: 8 })).toBe('#8');
    expect(where({})).toBe('-');
  });
});

describe('evidence reference', () => {
  it('links only http(s) URLs', () => {
    expect(evidenceLink('https://media.example/snap/1.jpg')).toBe('https://media.example/snap/1.jpg');
    expect(evidenceLink('http://10.0.0.5/a.png?t=1')).toBe('http://10.0.0.5/a.png?t=1');
    expect(evidenceLink('javascript:alert(1)')).toBeNull();
    expect(evidenceLink('data:image/png;base64,AAAA')).toBeNull();
    expect(evidenceLink('snapshot 42 on the NVR')).toBeNull();
    expect(evidenceLink(null)).toBeNull();
  });

  it('recognises pictures by their extension', () => {
    expect(looksLikeImage('https://m.example/1.JPG')).toBe(true);
    expect(looksLikeImage('https://m.example/1.png?sig=abc')).toBe(true);
    expect(looksLikeImage('https://m.example/clip.mp4')).toBe(false);
  });
});

describe('history', () => {
  const label = (k: string) => ({ RAISED: 'Raised', ACTION: 'Action', ACKNOWLEDGED: 'Acknowledged', CLEARED: 'Cleared' } as Record<string, string>)[k] ?? k;

  it('reads as kind · actor: detail, without empty parts', () => {
    expect(historyText({ kind: 'RAISED', actor: 'thermal', detail: 'zone A 92.5 °C' }, label)).toBe('Raised · thermal: zone A 92.5 °C');
    expect(historyText({ kind: 'ACKNOWLEDGED', actor: 'alice', detail: 'on my way' }, label)).toBe('Acknowledged · alice: on my way');
    expect(historyText({ kind: 'ACKNOWLEDGED', actor: 'alice' }, label)).toBe('Acknowledged · alice');
    expect(historyText({ kind: 'ESCALATED', actor: 'platform', detail: 'WARNING → CRITICAL' }, label)).toBe('ESCALATED · platform: WARNING → CRITICAL');
  });

  it('orders events oldest first, ties by id', () => {
    const events = [
      { id: 3, at: '2026-01-01T10:00:02Z', kind: 'CLEARED' },
      { id: 2, at: '2026-01-01T10:00:00Z', kind: 'ACTION' },
      { id: 1, at: '2026-01-01T10:00:00Z', kind: 'RAISED' },
    ];
    expect(chronological(events).map((e) => e.kind)).toEqual(['RAISED', 'ACTION', 'CLEARED']);
  });

  it('marks failed action outcomes', () => {
    expect(actionFailed({ kind: 'ACTION', detail: 'RemoteStop session 5: failed (charger offline)' })).toBe(true);
    expect(actionFailed({ kind: 'ACTION', detail: 'ChangeAvailability Inoperative CP-1 connector 1: Rejected' })).toBe(true);
    expect(actionFailed({ kind: 'ACTION', detail: 'RemoteStop session 5: Accepted' })).toBe(false);
    expect(actionFailed({ kind: 'RAISED', detail: 'failed' })).toBe(false);
  });
});

describe('the console banner', () => {
  it('announces an evacuation once, until it gets worse', () => {
    const f = new AlertFilter();
    expect(f.accept(alarm({ id: 9, severity: 'EVACUATION', occurrences: 4 }))).toBe(true);
    expect(f.accept(alarm({ id: 9, severity: 'EVACUATION', occurrences: 5 }))).toBe(false);
    expect(f.accept(alarm({ id: 9, severity: 'EVACUATION', state: 'ACKNOWLEDGED' }))).toBe(false);
  });

  it('announces a critical alarm when it is new, escalated or upgraded, not when it repeats', () => {
    const f = new AlertFilter();
    expect(f.accept(alarm({ id: 1, severity: 'CRITICAL', occurrences: 1 }))).toBe(true);
    expect(f.accept(alarm({ id: 1, severity: 'CRITICAL', occurrences: 2 }))).toBe(false);
    // an old critical alarm seen again (the console opened after it was raised): no banner
    expect(f.accept(alarm({ id: 2, severity: 'CRITICAL', occurrences: 7 }))).toBe(false);
    // a warning this console saw, now critical
    expect(f.accept(alarm({ id: 3, severity: 'WARNING', occurrences: 1 }))).toBe(false);
    expect(f.accept(alarm({ id: 3, severity: 'CRITICAL', occurrences: 2 }))).toBe(true);
    // escalated because nobody acknowledged it
    const at = '2026-01-01T10:05:00Z';
    expect(f.accept(alarm({ id: 4, severity: 'CRITICAL', occurrences: 3, escalatedAt: at, lastSeenAt: at }))).toBe(true);
    // and then to evacuation: announced again
    expect(f.accept(alarm({ id: 1, severity: 'EVACUATION', occurrences: 3 }))).toBe(true);
  });

  it('ignores cleared, acknowledged critical and milder alarms', () => {
    const f = new AlertFilter();
    expect(f.accept(alarm({ id: 1, severity: 'EVACUATION', state: 'CLEARED' }))).toBe(false);
    expect(f.accept(alarm({ id: 2, severity: 'CRITICAL', state: 'ACKNOWLEDGED', occurrences: 1 }))).toBe(false);
    expect(f.accept(alarm({ id: 3, severity: 'WARNING', occurrences: 1 }))).toBe(false);
    expect(f.accept(alarm({ id: 4, severity: 'INFO', occurrences: 1 }))).toBe(false);
    expect(f.accept(alarm({ id: undefined, severity: 'EVACUATION' }))).toBe(false);
  });
});

describe('the signed-in person', () => {
  const jwt = (payload: object) => `h.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;

  it('reads role and operator from the token claims', () => {
    const admin = callerOf(jwt({ sub: 'op1-admin', roles: ['OPERATOR_ADMIN'], op: 12 }));
    expect(admin).toMatchObject({ username: 'op1-admin', role: 'OPERATOR_ADMIN', operatorId: 12, platform: false, stationScoped: false, configures: true, handles: true });
    expect(callerOf(jwt({ sub: 'root', roles: ['PLATFORM_ADMIN'] }))).toMatchObject({ platform: true, operatorId: null, configures: true });
    expect(callerOf(jwt({ sub: 'm', roles: ['STATION_MANAGER'], op: 3 }))).toMatchObject({ stationScoped: true, configures: true });
    expect(callerOf(jwt({ sub: 'fix', roles: ['MAINTENANCE'], op: 3 }))).toMatchObject({ configures: false, handles: true });
    expect(callerOf(jwt({ sub: 'r', roles: ['REGULATOR'] }))).toMatchObject({ platform: false, configures: false, handles: false });
  });

  it('reads UTF-8 names and survives garbage', () => {
    expect(claims(jwt({ sub: 'x' })).sub).toBe('x');
    const utf8 = `h.${Buffer.from(JSON.stringify({ sub: '张三' })).toString('base64url')}.s`;
    expect(callerOf(utf8).username).toBe('张三');
    expect(callerOf('not a token')).toMatchObject({ role: null, platform: false, configures: false });
    expect(callerOf(null).role).toBeNull();
    expect(claims('a.%%%.b')).toEqual({});
  });
});
