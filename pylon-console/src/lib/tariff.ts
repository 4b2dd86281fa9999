// The tariff editor's model: a day of 48 half-hour slots, each in one band (sharp 尖, peak 峰, flat 平, valley 谷),
// read from and written to the API's schedule text ("00:00-08:00 VALLEY, 08:00-24:00 FLAT").

export const BANDS = ['SHARP', 'PEAK', 'FLAT', 'VALLEY'] as const;
export type Band = (typeof BANDS)[number];
export const SLOTS = 48;

export const BAND_COLOURS: Record<Band, string> = {
  SHARP: '#dc2626',
  PEAK: '#f97316',
  FLAT: '#3b82f6',
  VALLEY: '#16a34a',
};

export interface BandPrice {
  band: Band;
  electricityPerKwh: number;
  servicePerKwh: number;
}

function minutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new Error(`not a time: ${hhmm}`);
  const value = Number(m[1]) * 60 + Number(m[2]);
  if (value > 1440 || Number(m[2]) % 30 !== 0) throw new Error(`not on a half hour: ${hhmm}`);
  return value;
}

export function slotTime(slot: number): string {
  const m = slot * 30;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Reads schedule text into 48 slots; throws when a range is malformed or the day is not fully covered. */
export function parseSchedule(text: string): Band[] {
  const slots: (Band | null)[] = Array(SLOTS).fill(null);
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})\s+(\w+)$/.exec(part);
    if (!m) throw new Error(`not a range: ${part}`);
    const band = m[3].toUpperCase() as Band;
    if (!BANDS.includes(band)) throw new Error(`unknown band: ${m[3]}`);
    const from = minutes(m[1]) / 30;
    const to = minutes(m[2]) / 30;
    if (to <= from) throw new Error(`empty range: ${part}`);
    for (let i = from; i < to; i++) {
      if (slots[i]) throw new Error(`overlapping ranges at ${slotTime(i)}`);
      slots[i] = band;
    }
  }
  const gap = slots.findIndex((s) => s == null);
  if (gap >= 0) throw new Error(`no band at ${slotTime(gap)}`);
  return slots as Band[];
}

/** Writes 48 slots as schedule text, one range per run of equal bands. */
export function formatSchedule(slots: Band[]): string {
  if (slots.length !== SLOTS) throw new Error('a day has 48 slots');
  const ranges: string[] = [];
  let start = 0;
  for (let i = 1; i <= SLOTS; i++) {
    if (i === SLOTS || slots[i] !== slots[start]) {
      ranges.push(`${slotTime(start)}-${i === SLOTS ? '24:00' : slotTime(i)} ${slots[start]}`);
      start = i;
    }
  }
  return ranges.join(', ');
}

/** Sets slots [from, to) to a band; returns a new array. */
export function paint(slots: Band[], from: number, to: number, band: Band): Band[] {
  const lo = Math.max(0, Math.min(from, to));
  const hi = Math.min(SLOTS, Math.max(from, to));
  return slots.map((s, i) => (i >= lo && i < hi ? band : s));
}

export function bandsUsed(slots: Band[]): Band[] {
  return BANDS.filter((b) => slots.includes(b));
}

export interface PreviewLine {
  band: Band;
  kwh: number;
  electricity: number;
  service: number;
  amount: number;
}

export interface Preview {
  lines: PreviewLine[];
  kwh: number;
  total: number;
}

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * What a session at constant power would cost: it starts at startMinute (local, 0..1439) and lasts durationMinutes
 * (may run past midnight into the next day, which uses the same schedule). Energy is split by the minutes spent
 * in each band; amounts are rounded per band to cents, like the bill.
 */
export function previewCost(slots: Band[], prices: BandPrice[], startMinute: number, durationMinutes: number, powerKw: number): Preview {
  const wh: Record<Band, number> = { SHARP: 0, PEAK: 0, FLAT: 0, VALLEY: 0 };
  for (let m = 0; m < durationMinutes; m++) {
    const minuteOfDay = (startMinute + m) % 1440;
    wh[slots[Math.floor(minuteOfDay / 30)]] += (powerKw * 1000) / 60;
  }
  const lines: PreviewLine[] = [];
  for (const band of BANDS) {
    if (wh[band] <= 0) continue;
    const price = prices.find((p) => p.band === band);
    if (!price) throw new Error(`no price for ${band}`);
    const kwh = Math.round(wh[band]) / 1000;
    const electricity = cents(kwh * price.electricityPerKwh);
    const service = cents(kwh * price.servicePerKwh);
    lines.push({ band, kwh, electricity, service, amount: cents(electricity + service) });
  }
  return {
    lines,
    kwh: cents(lines.reduce((s, l) => s + l.kwh, 0) * 1000) / 1000,
    total: cents(lines.reduce((s, l) => s + l.amount, 0)),
  };
}
