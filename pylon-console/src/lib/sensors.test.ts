import { describe, expect, it } from 'vitest';
import { emptySensor, examplePayload, health, mqttTopic, protectedText, sensorForm, sensorProblems, series, toSensorRequest, type Sensor } from './sensors';

describe('sensor topics', () => {
  it('formats the reading and status topics under the prefix', () => {
    expect(mqttTopic('WS-B2-01')).toBe('pylon/sensors/WS-B2-01/reading');
    expect(mqttTopic('WS-B2-01', 'status')).toBe('pylon/sensors/WS-B2-01/status');
    expect(mqttTopic('TH.1', 'reading', 'site/a/')).toBe('site/a/TH.1/reading');
  });

  it('offers a payload of the sensor\'s own kind with an offset time', () => {
    const at = new Date('2026-06-01T10:00:00.123Z');
    expect(JSON.parse(examplePayload('WATER_IMMERSION', at))).toEqual({ ts: '2026-06-01T10:00:00Z', water: false, battery: 90 });
    expect(JSON.parse(examplePayload('SMOKE', at))).toEqual({ ts: '2026-06-01T10:00:00Z', smoke: false });
    expect(Object.keys(JSON.parse(examplePayload('TEMPERATURE_HUMIDITY', at)))).toEqual(['ts', 'temperature', 'humidity']);
  });
});

describe('sensor form', () => {
  it('registers a water sensor: trimmed, protected chargers once each, no limits', () => {
    const f = { ...emptySensor(12), id: ' WS-1 ', name: ' drain ', protects: [
      { chargerId: ' CP-1 ', connectorId: null }, { chargerId: 'CP-1', connectorId: 0 }, { chargerId: 'CP-2', connectorId: 2 }] };
    expect(toSensorRequest(f, true)).toEqual({
      id: 'WS-1', stationId: 12, kind: 'WATER_IMMERSION', name: 'drain', offlineTimeoutSeconds: 600,
      protects: [{ chargerId: 'CP-1', connectorId: 0 }, { chargerId: 'CP-2', connectorId: 2 }],
    });
  });

  it('sends limits with hysteresis only for a temperature/humidity sensor with limits of its own', () => {
    const f = { ...emptySensor(3), id: 'TH-1', kind: 'TEMPERATURE_HUMIDITY' as const, ownLimits: true,
      temperature: { warning: 40, critical: 55, hysteresis: 1.5 }, humidity: { warning: 85, critical: 95, hysteresis: null } };
    const r = toSensorRequest(f, false);
    expect(r.id).toBeUndefined();
    expect(r.temperature).toEqual({ warning: 40, critical: 55, hysteresis: 1.5 });
    expect(r.humidity).toEqual({ warning: 85, critical: 95 });
    expect(toSensorRequest({ ...f, ownLimits: false }, false).temperature).toBeUndefined();
    expect(toSensorRequest({ ...f, kind: 'SMOKE' }, false).temperature).toBeUndefined();
  });

  it('reads a stored sensor back: default limits are no limits of its own', () => {
    const stored: Sensor = { id: 'TH-1', stationId: 3, kind: 'TEMPERATURE_HUMIDITY', name: 'b2', protects: [{ chargerId: 'CP-1', connectorId: 0 }],
      temperature: { warning: 45, critical: 60, hysteresis: 2 }, humidity: { warning: 90, critical: 98, hysteresis: 3 }, offlineTimeoutSeconds: 300 };
    const f = sensorForm(stored);
    expect(f.ownLimits).toBe(false);
    expect(f.protects).toEqual([{ chargerId: 'CP-1', connectorId: null }]);
    expect(sensorForm({ ...stored, temperature: { warning: 50, critical: 60, hysteresis: 2 } }).ownLimits).toBe(true);
  });

  it('sees what the server would refuse', () => {
    const f = { ...emptySensor(null), id: 'bad id', kind: 'TEMPERATURE_HUMIDITY' as const, ownLimits: true,
      temperature: { warning: 60, critical: 50, hysteresis: 1 }, humidity: { warning: null, critical: 90, hysteresis: null }, protects: [{ chargerId: ' ', connectorId: 1 }] };
    expect(sensorProblems(f, true)).toEqual(['id', 'station', 'charger', 'limitsOrder', 'limitsMissing']);
    expect(sensorProblems({ ...emptySensor(1), id: 'WS-1' }, true)).toEqual([]);
  });
});

describe('sensor state', () => {
  it('says in one word how a sensor is', () => {
    expect(health(null)).toBe('UNKNOWN');
    expect(health({ offline: true, water: true })).toBe('OFFLINE');
    expect(health({ offline: false, water: true, lastReadingAt: 'x' })).toBe('ALARM');
    expect(health({ offline: false, humidityLevel: 'CRITICAL', lastReadingAt: 'x' })).toBe('ALARM');
    expect(health({ offline: false, temperatureLevel: 'WARNING', lastReadingAt: 'x' })).toBe('WARNING');
    expect(health({ offline: false, water: false, lastReadingAt: 'x' })).toBe('NORMAL');
    expect(health({ offline: false })).toBe('UNKNOWN');
  });

  it('makes a chart series oldest first without the readings that lack the value', () => {
    const readings = [
      { ts: '2026-06-01T10:02:00Z', temperature: 30.5 },
      { ts: '2026-06-01T10:01:00Z', humidity: 50 },
      { ts: '2026-06-01T10:00:00Z', temperature: 29 },
    ];
    expect(series(readings, 'temperature')).toEqual([[Date.parse('2026-06-01T10:00:00Z'), 29], [Date.parse('2026-06-01T10:02:00Z'), 30.5]]);
    expect(protectedText({ chargerId: 'CP-1', connectorId: 0 })).toBe('CP-1');
    expect(protectedText({ chargerId: 'CP-1', connectorId: 2 })).toBe('CP-1/2');
  });
});
