// Thermal zones' thresholds (docs/thermal.md) as the compact editor holds them: a grid of criteria × grades, blank
// meaning "as the level below" (the platform defaults for a zone, the zone's own for a vehicle type's override). Hot
// area shares are edited in per cent and sent as 0…1.
import type { Schemas } from '../api/client';

export type Thresholds = Schemas['Thresholds'];
export type Patch = Schemas['Patch'];
export type Field = keyof Thresholds & keyof Patch;
export type ZoneView = Schemas['ThermalZoneView'];
export type ThermalBay = Schemas['ThermalBayView'];

/** The platform's defaults (io.pylon.domain.thermal.Thresholds.DEFAULT). */
export const DEFAULTS: Required<Thresholds> = {
  percentile: 98, warnC: 55, alarmC: 70, evacuateC: 90, riseWarn: 3, riseAlarm: 10, riseEvacuate: 20, riseFloorC: 40, hotC: 70,
  hotAreaWarn: 0.05, hotAreaAlarm: 0.15, hotAreaEvacuate: 0.4,
};

/** The three criteria, each with its warning / alarm / evacuation limit, and its unit. */
export const CRITERIA: { key: 'absolute' | 'rise' | 'hotArea'; unit: string; fields: [Field, Field, Field] }[] = [
  { key: 'absolute', unit: '°C', fields: ['warnC', 'alarmC', 'evacuateC'] },
  { key: 'rise', unit: '°C/min', fields: ['riseWarn', 'riseAlarm', 'riseEvacuate'] },
  { key: 'hotArea', unit: '%', fields: ['hotAreaWarn', 'hotAreaAlarm', 'hotAreaEvacuate'] },
];
/** The single-value settings beside the grid. */
export const SETTINGS: { field: Field; unit: string }[] = [
  { field: 'percentile', unit: 'P' }, { field: 'riseFloorC', unit: '°C' }, { field: 'hotC', unit: '°C' },
];
export const FIELDS: Field[] = [...CRITERIA.flatMap((c) => c.fields), ...SETTINGS.map((s) => s.field)];
const SHARES: Field[] = ['hotAreaWarn', 'hotAreaAlarm', 'hotAreaEvacuate'];

/** What a person edits: a number per field, null = inherit. Shares in per cent. */
export type ThresholdForm = Record<Field, number | null>;

const round = (v: number, digits = 6) => Number(v.toFixed(digits));
/** A stored value as the form shows it (shares as per cent). */
export const shown = (field: Field, v: number) => (SHARES.includes(field) ? round(v * 100, 4) : v);
/** A form value as the API takes it (per cent back to a share). */
export const sent = (field: Field, v: number) => (SHARES.includes(field) ? round(v / 100) : v);

export function emptyForm(): ThresholdForm {
  return Object.fromEntries(FIELDS.map((f) => [f, null])) as ThresholdForm;
}

/** The form of a patch (an override, or a zone's changes of the defaults). */
export function formOfPatch(p: Patch | null | undefined): ThresholdForm {
  const form = emptyForm();
  for (const f of FIELDS) if (p?.[f] != null) form[f] = shown(f, p[f]!);
  return form;
}

/**
 * The form of full thresholds against the ones they were patched from: only the values that differ are filled in (so
 * a zone stored with the defaults shows a blank form, and saving it unchanged keeps it on the defaults).
 */
export function formOfThresholds(t: Thresholds | null | undefined, base: Thresholds = DEFAULTS): ThresholdForm {
  const form = emptyForm();
  for (const f of FIELDS) if (t?.[f] != null && t[f] !== base[f]) form[f] = shown(f, t[f]!);
  return form;
}

/** The patch a form means: its filled-in fields, shares back to 0…1; undefined when nothing is filled in. */
export function patchOf(form: ThresholdForm): Patch | undefined {
  const p: Patch = {};
  for (const f of FIELDS) if (form[f] != null && !Number.isNaN(form[f])) p[f] = sent(f, form[f]!);
  return Object.keys(p).length ? p : undefined;
}

/** The thresholds in force: a base with a patch over it. */
export function withPatch(base: Thresholds, p: Patch | null | undefined): Required<Thresholds> {
  const out = { ...DEFAULTS, ...base } as Required<Thresholds>;
  for (const f of FIELDS) if (p?.[f] != null) out[f] = p[f]!;
  return out;
}

/**
 * What the server would refuse in thresholds (domain Thresholds): each triple must rise (or stay equal) from warning
 * to evacuation, the percentile lie within 50…100, the first rise limit be above 0, shares within (0, 1]. Answers
 * problem keys (thermal.problem.*) with the criterion named.
 */
export function thresholdProblems(t: Required<Thresholds>): string[] {
  const problems: string[] = [];
  for (const c of CRITERIA) {
    const [w, a, e] = c.fields.map((f) => t[f]);
    if (!(w <= a && a <= e)) problems.push(`rising:${c.key}`);
  }
  if (!(t.percentile >= 50 && t.percentile <= 100)) problems.push('percentile');
  if (!(t.riseWarn > 0)) problems.push('riseWarn');
  if (!(t.hotAreaWarn > 0 && t.hotAreaEvacuate <= 1)) problems.push('share');
  return problems;
}

/** Overrides as editable rows (vehicle type + form), sorted by type. */
export function overrideRows(overrides: Record<string, Patch> | null | undefined): { vehicleType: string; form: ThresholdForm }[] {
  return Object.entries(overrides ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([vehicleType, p]) => ({ vehicleType, form: formOfPatch(p) }));
}

export const VEHICLE_TYPE = /^[a-z0-9_-]{1,32}$/;

/** The overrides map of the rows: types trimmed and lower-cased, rows without a type or without a value left out. */
export function overridesOf(rows: readonly { vehicleType: string; form: ThresholdForm }[]): Record<string, Patch> {
  const out: Record<string, Patch> = {};
  for (const r of rows) {
    const type = r.vehicleType.trim().toLowerCase();
    const p = patchOf(r.form);
    if (type && p) out[type] = p;
  }
  return out;
}

/** Vehicle types offered in pickers: the common ones and every type a zone overrides. */
export function vehicleTypes(bays: readonly ThermalBay[]): string[] {
  const types = new Set(['sedan', 'suv', 'van', 'bus', 'truck']);
  for (const b of bays) {
    if (b.vehicleType) types.add(b.vehicleType);
    for (const z of b.zones ?? []) for (const t of Object.keys(z.overrides ?? {})) types.add(t);
  }
  return [...types].sort();
}

/** The level colours of thermal readings (NORMAL green … EVACUATION dark red), as the heat map draws zones. */
export const LEVEL_COLOURS: Record<string, string> = {
  NORMAL: '#22c55e', WARNING: '#f59e0b', CRITICAL: '#ef4444', EVACUATION: '#7f1d1d',
};

/** A rectangle as "x,y w×h". */
export const areaText = (a: Schemas['Area'] | null | undefined) => (a ? `${a.x},${a.y} ${a.width}×${a.height}` : '-');
