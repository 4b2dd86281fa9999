import { describe, expect, it } from 'vitest';
import { bandsUsed, formatSchedule, paint, parseSchedule, previewCost, type BandPrice } from './tariff';

const prices: BandPrice[] = [
  { band: 'SHARP', electricityPerKwh: 1.2, servicePerKwh: 0.8 },
  { band: 'PEAK', electricityPerKwh: 1.0, servicePerKwh: 0.5 },
  { band: 'FLAT', electricityPerKwh: 0.6, servicePerKwh: 0.4 },
  { band: 'VALLEY', electricityPerKwh: 0.3, servicePerKwh: 0.2 },
];

describe('schedule text', () => {
  it('reads and writes the API form, merging runs of one band', () => {
    const text = '00:00-08:00 VALLEY, 08:00-10:00 FLAT, 10:00-24:00 PEAK';
    const slots = parseSchedule(text);
    expect(slots).toHaveLength(48);
    expect(slots[15]).toBe('VALLEY');
    expect(slots[16]).toBe('FLAT');
    expect(slots[47]).toBe('PEAK');
    expect(formatSchedule(slots)).toBe(text);
    expect(formatSchedule(parseSchedule('00:00-12:00 FLAT, 12:00-24:00 FLAT'))).toBe('00:00-24:00 FLAT');
  });

  it('refuses gaps, overlaps, unknown bands and times off the half hour', () => {
    expect(() => parseSchedule('00:00-12:00 FLAT')).toThrow(/no band at 12:00/);
    expect(() => parseSchedule('00:00-13:00 FLAT, 12:00-24:00 PEAK')).toThrow(/overlapping/);
    expect(() => parseSchedule('00:00-24:00 CHEAP')).toThrow(/unknown band/);
    expect(() => parseSchedule('00:00-12:15 FLAT, 12:15-24:00 PEAK')).toThrow(/half hour/);
    expect(() => parseSchedule('10:00-08:00 FLAT')).toThrow(/empty range/);
    expect(() => parseSchedule('garbage')).toThrow(/not a range/);
  });

  it('paints a range in either direction without touching the rest', () => {
    const flat = parseSchedule('00:00-24:00 FLAT');
    const painted = paint(flat, 38, 34, 'SHARP');
    expect(formatSchedule(painted)).toBe('00:00-17:00 FLAT, 17:00-19:00 SHARP, 19:00-24:00 FLAT');
    expect(formatSchedule(flat)).toBe('00:00-24:00 FLAT');
    expect(bandsUsed(painted)).toEqual(['SHARP', 'FLAT']);
    expect(formatSchedule(paint(flat, -5, 100, 'VALLEY'))).toBe('00:00-24:00 VALLEY');
  });
});

describe('cost preview', () => {
  const day = parseSchedule('00:00-08:00 VALLEY, 08:00-18:00 FLAT, 18:00-20:00 SHARP, 20:00-24:00 PEAK');

  it('splits energy by the minutes spent in each band', () => {
    // 60 kW from 17:30 for 60 min: 30 min FLAT (30 kWh), 30 min SHARP (30 kWh)
    const p = previewCost(day, prices, 17 * 60 + 30, 60, 60);
    expect(p.lines.map((l) => [l.band, l.kwh])).toEqual([['SHARP', 30], ['FLAT', 30]]);
    expect(p.lines.find((l) => l.band === 'SHARP')!.amount).toBe(60);
    expect(p.lines.find((l) => l.band === 'FLAT')!.amount).toBe(30);
    expect(p.total).toBe(90);
    expect(p.kwh).toBe(60);
  });

  it('runs past midnight into the next day', () => {
    const p = previewCost(day, prices, 23 * 60, 120, 6); // 1 h PEAK, 1 h VALLEY at 6 kW
    expect(p.lines.map((l) => [l.band, l.kwh])).toEqual([['PEAK', 6], ['VALLEY', 6]]);
    expect(p.total).toBe(12);
  });

  it('needs a price for every band it uses', () => {
    expect(() => previewCost(day, prices.slice(0, 1), 0, 30, 7)).toThrow(/no price for VALLEY/);
  });
});
