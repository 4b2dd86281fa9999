// What the alarm screens compute: severity order and colours, where an alarm is, which live alarms deserve a banner,
// how a history event reads. Pure functions, so the screens stay thin and the rules are tested (alarms.test.ts).
import type { Schemas } from '../api/client';

export type Alarm = Schemas['AlarmView'];
export type Severity = NonNullable<Alarm['severity']>;
export type AlarmEvent = Schemas['Event'];

/** Mildest first, as the server orders them (AlarmSeverity). */
export const SEVERITIES: Severity[] = ['INFO', 'WARNING', 'CRITICAL', 'EVACUATION'];
/** The detectors that raise alarms (AlarmView.source). */
export const SOURCES = ['charger', 'rule', 'thermal', 'camera', 'sensor', 'parking'] as const;
export const STATES = ['OPEN', 'ACKNOWLEDGED', 'CLEARED'] as const;

/** INFO 0 … EVACUATION 3; an unknown severity ranks below INFO. */
export function severityRank(s: string | null | undefined): number {
  return SEVERITIES.indexOf(s as Severity);
}

/** Colours shared by the console tags, the banner and the big-screen ticker. */
export const SEVERITY_COLOURS: Record<Severity, string> = {
  INFO: '#9ca3af',
  WARNING: '#f59e0b',
  CRITICAL: '#ef4444',
  EVACUATION: '#7f1d1d',
};

/**
 * Worst first, then the newest: EVACUATION heads the big-screen ticker whatever its age. Returns a new array.
 */
export function worstFirst<T extends Pick<Alarm, 'severity' | 'lastSeenAt' | 'raisedAt' | 'id'>>(alarms: readonly T[]): T[] {
  const time = (a: T) => Date.parse(a.lastSeenAt ?? a.raisedAt ?? '') || 0;
  return [...alarms].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || time(b) - time(a) || (b.id ?? 0) - (a.id ?? 0));
}

/** Where an alarm is, for a person: charger/connector, else the subject (a bay, a sensor, a camera), else the station. */
export function where(a: Pick<Alarm, 'chargerId' | 'connectorId' | 'subject' | 'stationId'>, stationName?: (id: number) => string | undefined): string {
  if (a.chargerId) return a.connectorId ? `${a.chargerId}/${a.connectorId}` : a.chargerId;
  if (a.subject) return a.subject;
  if (a.stationId != null) return stationName?.(a.stationId) ?? `#${a.stationId}`;
  return '-';
}

/**
 * The evidence reference of an alarm (a camera's snapshot URL) as a link, only when it is an http(s) URL: anything
 * else is shown as text, never put in an href.
 */
export function evidenceLink(reference: string | null | undefined): string | null {
  if (!reference) return null;
  try {
    const url = new URL(reference);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Whether an evidence reference looks like a picture (so the drawer shows it inline as well as a link). */
export function looksLikeImage(url: string): boolean {
  return /\.(png|jpe?g|gif|webp|bmp)(\?|#|$)/i.test(url);
}

/**
 * Decides which live alarm events raise the console's banner: an EVACUATION alarm that is not cleared, or a CRITICAL
 * one that is open and new (its first occurrence, just escalated, or worse than when this console last saw it).
 * {@link seen} remembers the severity each alarm had when last seen, so one alarm is announced once per severity.
 */
export class AlertFilter {
  private readonly seen = new Map<number, number>();
  private readonly announced = new Map<number, number>();

  accept(a: Alarm): boolean {
    if (a.id == null) return false;
    const rank = severityRank(a.severity);
    const before = this.seen.get(a.id);
    this.seen.set(a.id, rank);
    if (a.state === 'CLEARED') return false;
    if ((this.announced.get(a.id) ?? -1) >= rank) return false;
    const evacuation = rank === severityRank('EVACUATION');
    // The live feed says what just happened (change); an alarm read some other way falls back on its timestamps.
    const worsened = a.change != null ? ['RAISED', 'ESCALATED', 'SEVERITY_RAISED'].includes(a.change)
      : (a.occurrences ?? 1) <= 1 || (a.escalatedAt != null && a.escalatedAt === a.lastSeenAt) || (before != null && before < rank);
    const critical = rank === severityRank('CRITICAL') && a.state === 'OPEN' && worsened;
    if (!evacuation && !critical) return false;
    this.announced.set(a.id, rank);
    return true;
  }

  /** Forgets an alarm (its banner was closed and it is cleared). */
  forget(id: number) {
    this.seen.delete(id);
    this.announced.delete(id);
  }
}

/**
 * One history event as a line: "<kind> · <actor>: <detail>", the kind named by {@link label} (translated), the actor
 * ("platform" for the engine, the detector for RAISED, a person's user name) and the detail (message, action outcome,
 * a person's note) left out when empty.
 */
export function historyText(e: AlarmEvent, label: (kind: string) => string): string {
  const head = [label(e.kind ?? '?'), e.actor].filter((x) => x).join(' · ');
  return e.detail ? `${head}: ${e.detail}` : head;
}

/** History oldest first (the server's order), whatever order it arrived in; ties by id. */
export function chronological(events: readonly AlarmEvent[]): AlarmEvent[] {
  const at = (e: AlarmEvent) => Date.parse(e.at ?? '') || 0;
  return [...events].sort((a, b) => at(a) - at(b) || (a.id ?? 0) - (b.id ?? 0));
}

/** Element Plus timeline colours per history kind. */
export function historyColour(kind: string | undefined): string {
  switch (kind) {
    case 'RAISED': return '#ef4444';
    case 'SEVERITY_RAISED':
    case 'ESCALATED': return '#b91c1c';
    case 'ACTION': return '#3b82f6';
    case 'ACKNOWLEDGED': return '#f59e0b';
    case 'CLEARED': return '#22c55e';
    default: return '#9ca3af';
  }
}

/** Whether a history event is an action whose outcome was a failure (the charger refused or did not answer). */
export function actionFailed(e: AlarmEvent): boolean {
  return e.kind === 'ACTION' && /\b(fail|failed|refused|rejected|timeout|timed out|offline|error)\b/i.test(e.detail ?? '');
}
