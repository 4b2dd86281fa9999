import { describe, expect, it } from 'vitest';
import { DEFAULTS, areaText, emptyForm, formOfPatch, formOfThresholds, overrideRows, overridesOf, patchOf, thresholdProblems, vehicleTypes, withPatch } from './thermal';

describe('thermal thresholds form', () => {
  it('shows a zone on the defaults as a blank form, and saving it sends no thresholds', () => {
    const form = formOfThresholds(DEFAULTS);
    expect(Object.values(form).every((v) => v == null)).toBe(true);
    expect(patchOf(form)).toBeUndefined();
  });

  it('fills in only what differs from the defaults, hot-area shares in per cent', () => {
    const form = formOfThresholds({ ...DEFAULTS, alarmC: 65, hotAreaAlarm: 0.2 });
    expect(form.alarmC).toBe(65);
    expect(form.hotAreaAlarm).toBe(20);
    expect(form.warnC).toBeNull();
    expect(patchOf(form)).toEqual({ alarmC: 65, hotAreaAlarm: 0.2 });
  });

  it('round-trips a vehicle type\'s override and drops empty rows', () => {
    const overrides = { suv: { hotC: 75 }, bus: { alarmC: 80, hotAreaWarn: 0.07 } };
    const rows = overrideRows(overrides);
    expect(rows.map((r) => r.vehicleType)).toEqual(['bus', 'suv']);
    expect(rows[0].form.hotAreaWarn).toBe(7);
    expect(overridesOf([...rows, { vehicleType: 'van', form: emptyForm() }, { vehicleType: '', form: formOfPatch({ hotC: 1 }) }])).toEqual(overrides);
    expect(overridesOf([{ vehicleType: ' Bus ', form: formOfPatch({ hotC: 80 }) }])).toEqual({ bus: { hotC: 80 } });
  });

  it('applies a patch over its base', () => {
    expect(withPatch(DEFAULTS, { alarmC: 80 })).toEqual({ ...DEFAULTS, alarmC: 80 });
    expect(withPatch({ ...DEFAULTS, hotC: 60 }, undefined).hotC).toBe(60);
  });

  it('refuses what the domain refuses: falling limits, a bad percentile, no first rise, shares out of range', () => {
    expect(thresholdProblems(DEFAULTS)).toEqual([]);
    expect(thresholdProblems({ ...DEFAULTS, alarmC: 95 })).toEqual(['rising:absolute']);
    expect(thresholdProblems({ ...DEFAULTS, alarmC: 55, evacuateC: 70 })).toEqual([]); // equal limits are allowed
    expect(thresholdProblems({ ...DEFAULTS, percentile: 40, riseWarn: 0, riseAlarm: 0 })).toEqual(['percentile', 'riseWarn']);
    expect(thresholdProblems({ ...DEFAULTS, hotAreaEvacuate: 1.2 })).toEqual(['share']);
  });

  it('offers the common vehicle types and those in use', () => {
    const types = vehicleTypes([{ vehicleType: 'minibus', zones: [{ overrides: { tractor: {} } }] }]);
    expect(types).toContain('sedan');
    expect(types).toContain('minibus');
    expect(types).toContain('tractor');
    expect(areaText({ x: 10, y: 20, width: 64, height: 96 })).toBe('10,20 64×96');
  });
});
