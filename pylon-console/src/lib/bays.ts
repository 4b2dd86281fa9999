// The car park's bays as the console shows them: state colours and order, what a tile says, which open alarm belongs
// to which bay, sensor or camera (alarms name them by subject: "bay:12", "sensor:WS-1", "camera:B1-CAM-07").
import type { Schemas } from '../api/client';
import { severityRank, type Alarm } from './alarms';

export type Bay = Schemas['BayView'];
export type BayState = NonNullable<Bay['state']>;
export type PlateColour = NonNullable<Schemas['BayVehicle']['plateColour']>;

/** The states in the order of a visit (BayMachine). */
export const BAY_STATES: BayState[] = ['FREE', 'VEHICLE_PRESENT', 'CHARGING', 'FINISHED', 'IDLE_OCCUPYING'];
export const PLATE_COLOURS: PlateColour[] = ['BLUE', 'YELLOW', 'GREEN', 'YELLOW_GREEN', 'WHITE', 'BLACK'];

/** Tile colours: free green, occupied blue, charging a stronger blue, finished amber, idle-occupying red. */
export const BAY_COLOURS: Record<BayState, { background: string; border: string; text: string }> = {
  FREE: { background: '#f0fdf4', border: '#22c55e', text: '#166534' },
  VEHICLE_PRESENT: { background: '#eff6ff', border: '#60a5fa', text: '#1e3a8a' },
  CHARGING: { background: '#dbeafe', border: '#2563eb', text: '#1e3a8a' },
  FINISHED: { background: '#fffbeb', border: '#f59e0b', text: '#78350f' },
  IDLE_OCCUPYING: { background: '#fef2f2', border: '#ef4444', text: '#7f1d1d' },
};

/** Plate colours as shown (Chinese plates: blue, yellow, green NEV, yellow-green NEV truck, white, black). */
export const PLATE_SWATCHES: Record<PlateColour, { background: string; text: string }> = {
  BLUE: { background: '#1d4ed8', text: '#fff' },
  YELLOW: { background: '#facc15', text: '#111827' },
  GREEN: { background: 'linear-gradient(#f0fdf4, #4ade80)', text: '#111827' },
  YELLOW_GREEN: { background: 'linear-gradient(90deg, #facc15 30%, #4ade80 30%)', text: '#111827' },
  WHITE: { background: '#fff', text: '#111827' },
  BLACK: { background: '#111827', text: '#fff' },
};

/** How much a state asks for attention: idle-occupying first, then finished, then the rest, free last. */
const ATTENTION: Record<BayState, number> = { IDLE_OCCUPYING: 4, FINISHED: 3, VEHICLE_PRESENT: 2, CHARGING: 1, FREE: 0 };

/** Bay names in natural order ("B1-2" before "B1-10"). */
export function byName(a: { name?: string }, b: { name?: string }): number {
  return (a.name ?? '').localeCompare(b.name ?? '', undefined, { numeric: true, sensitivity: 'base' });
}

/** Bays grouped by station (in the order given) and sorted by name within each, for the tile board. */
export function groupByStation<T extends { stationId?: number; name?: string }>(bays: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const b of bays) {
    const id = b.stationId ?? 0;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(b);
  }
  for (const list of groups.values()) list.sort(byName);
  return groups;
}

/** The bays that need someone first: with an alarm (worst first), then by state (idle-occupying first), then the longest in it. */
export function attentionFirst(bays: readonly Bay[], alarmOf: (b: Bay) => Alarm | undefined = () => undefined): Bay[] {
  const since = (b: Bay) => Date.parse(b.since ?? '') || Number.MAX_SAFE_INTEGER;
  return [...bays].sort((a, b) => severityRank(alarmOf(b)?.severity) - severityRank(alarmOf(a)?.severity)
    || ATTENTION[b.state ?? 'FREE'] - ATTENTION[a.state ?? 'FREE'] || since(a) - since(b) || byName(a, b));
}

/** How many bays are in each state (every state present, 0 when none). */
export function countByState(bays: readonly Bay[]): Record<BayState, number> {
  const counts = Object.fromEntries(BAY_STATES.map((s) => [s, 0])) as Record<BayState, number>;
  for (const b of bays) if (b.state) counts[b.state]++;
  return counts;
}

/** Whole minutes from an instant to now ("since when" on a tile); null without an instant. */
export function minutesSince(iso: string | null | undefined, now: number = Date.now()): number | null {
  const t = Date.parse(iso ?? '');
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.floor((now - t) / 60000));
}

/** A duration in minutes as "45 min", "3 h 05 min", "2 d 4 h". */
export function minutesText(minutes: number | null | undefined, units = { d: 'd', h: 'h', min: 'min' }): string {
  if (minutes == null) return '-';
  if (minutes < 60) return `${minutes} ${units.min}`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} ${units.h} ${String(minutes % 60).padStart(2, '0')} ${units.min}`;
  return `${Math.floor(minutes / 1440)} ${units.d} ${Math.floor((minutes % 1440) / 60)} ${units.h}`;
}

/**
 * The worst open alarm per subject among alarms from the given sources (a thermal bay and a parking bay may both be
 * "bay:7": their ids come from different registries, so the sources tell them apart).
 */
export function alarmsBySubject(alarms: readonly Alarm[], sources: readonly string[]): Map<string, Alarm> {
  const worst = new Map<string, Alarm>();
  for (const a of alarms) {
    if (!a.subject || a.state === 'CLEARED' || !sources.includes(a.source ?? '')) continue;
    const seen = worst.get(a.subject);
    if (!seen || severityRank(a.severity) > severityRank(seen.severity)
      || (severityRank(a.severity) === severityRank(seen.severity) && (a.id ?? 0) > (seen.id ?? 0))) worst.set(a.subject, a);
  }
  return worst;
}

/** The alarm drawer's address for an alarm (the alarm list opens it). */
export const alarmLink = (id: number | null | undefined) => (id == null ? '' : `/alarms?alarm=${id}`);
