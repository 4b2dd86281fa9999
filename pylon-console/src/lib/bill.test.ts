import { describe, expect, it } from 'vitest';
import { addsUp, breakdown, refundable } from './bill';

const lines = [
  { band: 'VALLEY', energyWh: 12000, electricityPrice: 0.3, servicePrice: 0.2, electricityAmount: { amount: 3.6 }, serviceAmount: { amount: 2.4 } },
  { band: 'SHARP', energyWh: 2500, electricityPrice: 1.2, servicePrice: 0.8, electricityAmount: { amount: 3 }, serviceAmount: { amount: 2 } },
  { band: 'PEAK', energyWh: 0, electricityPrice: 1, servicePrice: 0.5, electricityAmount: { amount: 0 }, serviceAmount: { amount: 0 } },
];

describe('bill breakdown', () => {
  it('orders bands sharp to valley, leaves out empty bands and sums', () => {
    const b = breakdown(lines);
    expect(b.rows.map((r) => r.band)).toEqual(['SHARP', 'VALLEY']);
    expect(b.rows[1]).toMatchObject({ kwh: 12, electricity: 3.6, service: 2.4, amount: 6 });
    expect(b.kwh).toBe(14.5);
    expect(b.electricity).toBe(6.6);
    expect(b.service).toBe(4.4);
    expect(b.energyCharge).toBe(11);
  });

  it('reads plain numbers (bill previews) as well as Money objects (orders, receipts)', () => {
    const b = breakdown([{ band: 'FLAT', energyWh: 1000, electricityAmount: 0.61, serviceAmount: 0.39 }]);
    expect(b.energyCharge).toBe(1);
  });

  it('checks the bands against the billed total less the fees', () => {
    const b = breakdown(lines);
    expect(addsUp(b, { amount: 11 })).toBe(true);
    expect(addsUp(b, { amount: 13.5 }, [{ amount: 2 }, 0.5])).toBe(true);
    expect(addsUp(b, { amount: 11.01 })).toBe(false);
  });

  it('handles a bill with no lines', () => {
    expect(breakdown(undefined)).toMatchObject({ rows: [], kwh: 0, energyCharge: 0 });
  });

  it('knows what is left to refund', () => {
    expect(refundable({ amount: 10 }, { amount: 2.5 })).toBe(7.5);
    expect(refundable({ amount: 10 }, { amount: 10 })).toBe(0);
    expect(refundable(null, null)).toBe(0);
  });
});
