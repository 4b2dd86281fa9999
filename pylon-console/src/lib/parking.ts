// A station's parking rules (PUT /api/v1/parking/settings/{stationId}) as the settings form holds them, the MQTT
// topics of locks and gates (docs/parking.md), and the "short charge, long stay" statistics split into days.
import type { Schemas } from '../api/client';
import type { PlateColour } from './bays';

export type ParkingRules = Schemas['ParkingRules'];

export interface ParkingForm {
  graceMinutes: number;
  idleFeeOn: boolean;
  price: number | null;
  unit: 'MINUTE' | 'HOUR';
  cap: number | null;
  evPlateColours: PlateColour[];
  allowedPlates: string[];
  longStayOn: boolean;
  longStayMinutes: number | null;
}

/** The platform's defaults (no row): grace 15, no idle fee, the NEV plate colours, no long-stay flag. */
export const PARKING_DEFAULTS: ParkingRules = { graceMinutes: 15, evPlateColours: ['GREEN', 'YELLOW_GREEN'], allowedPlates: [] };

export function parkingForm(r: ParkingRules | null | undefined): ParkingForm {
  const rules = r ?? PARKING_DEFAULTS;
  return {
    graceMinutes: rules.graceMinutes ?? 15,
    idleFeeOn: rules.idleFee != null,
    price: rules.idleFee?.price ?? null,
    unit: rules.idleFee?.unit ?? 'MINUTE',
    cap: rules.idleFee?.cap ?? null,
    evPlateColours: [...(rules.evPlateColours ?? ['GREEN', 'YELLOW_GREEN'])],
    allowedPlates: [...(rules.allowedPlates ?? [])],
    longStayOn: rules.longStayMinutes != null,
    longStayMinutes: rules.longStayMinutes ?? null,
  };
}

/** A plate as the server keeps it: spaces, '·', '-' and '.' dropped, letters upper-cased. */
export function normalisePlate(plate: string): string {
  return plate.replace(/[\s·.\-]/g, '').toUpperCase();
}

/** The rules of a form: the idle fee and the long-stay limit only when switched on; plates normalised, once each. */
export function toParkingRules(f: ParkingForm): ParkingRules {
  const r: ParkingRules = {
    graceMinutes: f.graceMinutes,
    evPlateColours: [...new Set(f.evPlateColours)],
    allowedPlates: [...new Set(f.allowedPlates.map(normalisePlate).filter((p) => p))],
  };
  if (f.idleFeeOn) r.idleFee = { price: f.price ?? 0, unit: f.unit, ...(f.cap != null ? { cap: f.cap } : {}) };
  if (f.longStayOn && f.longStayMinutes != null) r.longStayMinutes = f.longStayMinutes;
  return r;
}

/** The MQTT command and state topics of a lock or a barrier gate of an operator. */
export function deviceTopics(operatorCode: string | null | undefined, device: 'lock' | 'barrier', id: string): { cmd: string; state: string } {
  const base = `pylon/${operatorCode || '<operator>'}/${device}/${id}`;
  return { cmd: `${base}/cmd`, state: `${base}/state` };
}

/** Whole days [from, to) between two dates (local midnight), at most maxDays, for per-day statistics. */
export function days(from: Date, to: Date, maxDays = 31): { from: Date; to: Date }[] {
  const out: { from: Date; to: Date }[] = [];
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  for (let d = start; d < to && out.length < maxDays;) {
    const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
    out.push({ from: d, to: next < to ? next : to });
    d = next;
  }
  return out;
}

/** The share of charged visits that stayed too long, in per cent with one decimal; null without charged visits. */
export function shortChargeLongStayShare(s: Schemas['ParkingStats'] | null | undefined): number | null {
  if (!s?.chargedVisits) return null;
  return Math.round(((s.shortChargeLongStay ?? 0) / s.chargedVisits) * 1000) / 10;
}
