import { describe, expect, it } from 'vitest';
import { days, deviceTopics, normalisePlate, parkingForm, shortChargeLongStayShare, toParkingRules } from './parking';

describe('parking rules form', () => {
  it('shows the defaults for a station without rules', () => {
    const f = parkingForm(null);
    expect(f).toMatchObject({ graceMinutes: 15, idleFeeOn: false, evPlateColours: ['GREEN', 'YELLOW_GREEN'], longStayOn: false });
    expect(toParkingRules(f)).toEqual({ graceMinutes: 15, evPlateColours: ['GREEN', 'YELLOW_GREEN'], allowedPlates: [] });
  });

  it('sends the idle fee and the long-stay limit only when switched on, plates normalised once', () => {
    const f = { ...parkingForm(null), idleFeeOn: true, price: 0.5, unit: 'HOUR' as const, cap: 50, longStayOn: true, longStayMinutes: 1440,
      allowedPlates: ['京A 12345', '京a12345', ' '] };
    expect(toParkingRules(f)).toEqual({
      graceMinutes: 15, evPlateColours: ['GREEN', 'YELLOW_GREEN'], allowedPlates: ['京A12345'],
      idleFee: { price: 0.5, unit: 'HOUR', cap: 50 }, longStayMinutes: 1440,
    });
    expect(toParkingRules({ ...f, cap: null }).idleFee).toEqual({ price: 0.5, unit: 'HOUR' });
    expect(toParkingRules({ ...f, idleFeeOn: false, longStayOn: false })).not.toHaveProperty('idleFee');
  });

  it('round-trips stored rules', () => {
    const stored = { graceMinutes: 10, idleFee: { price: 1, unit: 'MINUTE' as const, cap: 30 }, evPlateColours: ['GREEN' as const], allowedPlates: ['沪B12345'], longStayMinutes: 600 };
    expect(toParkingRules(parkingForm(stored))).toEqual(stored);
    expect(normalisePlate('沪b·123-45.')).toBe('沪B12345');
  });
});

describe('parking devices and statistics', () => {
  it('formats the MQTT topics of locks and gates', () => {
    expect(deviceTopics('op1', 'lock', 'L-31')).toEqual({ cmd: 'pylon/op1/lock/L-31/cmd', state: 'pylon/op1/lock/L-31/state' });
    expect(deviceTopics(null, 'barrier', 'G-B1').cmd).toBe('pylon/<operator>/barrier/G-B1/cmd');
  });

  it('splits a period into whole days, at most 31', () => {
    const list = days(new Date(2026, 5, 1, 15), new Date(2026, 5, 4));
    expect(list.map((d) => d.from.getDate())).toEqual([1, 2, 3]);
    expect(list[2].to).toEqual(new Date(2026, 5, 4));
    expect(days(new Date(2026, 0, 1), new Date(2026, 6, 1))).toHaveLength(31);
  });

  it('gives the share of charged visits that stayed too long', () => {
    expect(shortChargeLongStayShare({ chargedVisits: 8, shortChargeLongStay: 3 })).toBe(37.5);
    expect(shortChargeLongStayShare({ chargedVisits: 0, shortChargeLongStay: 0 })).toBeNull();
  });
});
