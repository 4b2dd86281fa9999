// Environment sensors (docs/sensors.md): the MQTT topics an installer configures, the registration form and the
// SensorRequest it becomes, and what a sensor's latest state says at a glance.
import type { Schemas } from '../api/client';

export type Sensor = Schemas['SensorView'];
export type SensorRequest = Schemas['SensorRequest'];
export type SensorKind = SensorRequest['kind'];
export type SensorState = Schemas['StateView'];
export type Reading = Schemas['StoredReading'];

export const SENSOR_KINDS: SensorKind[] = ['WATER_IMMERSION', 'TEMPERATURE_HUMIDITY', 'SMOKE'];
/** The platform's topic prefix (pylon.sensors.topic-prefix) unless the operator changed it. */
export const TOPIC_PREFIX = 'pylon/sensors';
/** Server defaults when a temperature/humidity sensor has no limits of its own (SensorRegistry). */
export const DEFAULT_LIMITS = {
  temperature: { warning: 45, critical: 60, hysteresis: 2 },
  humidity: { warning: 90, critical: 98, hysteresis: 3 },
} as const;
export const DEFAULT_OFFLINE_TIMEOUT = 600;
export const SENSOR_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The topic a sensor publishes its readings ('reading') or its online/offline status ('status') to. */
export function mqttTopic(sensorId: string, what: 'reading' | 'status' = 'reading', prefix: string = TOPIC_PREFIX): string {
  return `${prefix.replace(/\/+$/, '')}/${sensorId}/${what}`;
}

/** A reading payload of the kind, for installers to copy (the fields docs/sensors.md names). */
export function examplePayload(kind: SensorKind | undefined, at: Date = new Date()): string {
  const ts = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  switch (kind) {
    case 'WATER_IMMERSION': return JSON.stringify({ ts, water: false, battery: 90 });
    case 'SMOKE': return JSON.stringify({ ts, smoke: false });
    default: return JSON.stringify({ ts, temperature: 24.5, humidity: 55 });
  }
}

export interface Limits { warning: number | null; critical: number | null; hysteresis: number | null }
export interface ProtectedRow { chargerId: string; connectorId: number | null }

/** A sensor as the form holds it. */
export interface SensorForm {
  id: string;
  stationId: number | null;
  kind: SensorKind;
  name: string;
  protects: ProtectedRow[];
  /** Limits of their own (TEMPERATURE_HUMIDITY only); off: the platform defaults. */
  ownLimits: boolean;
  temperature: Limits;
  humidity: Limits;
  offlineTimeoutSeconds: number | null;
}

export function emptySensor(stationId: number | null = null): SensorForm {
  return {
    id: '', stationId, kind: 'WATER_IMMERSION', name: '', protects: [], ownLimits: false,
    temperature: { ...DEFAULT_LIMITS.temperature }, humidity: { ...DEFAULT_LIMITS.humidity }, offlineTimeoutSeconds: DEFAULT_OFFLINE_TIMEOUT,
  };
}

const num = (v: number | string | null | undefined) => (v == null || v === '' ? null : Number(v));
const limitsOf = (t: Schemas['SensorThresholds'] | undefined, d: Limits): Limits =>
  (t ? { warning: num(t.warning), critical: num(t.critical), hysteresis: num(t.hysteresis) } : { ...d });
const sameLimits = (a: Limits, b: Limits) => a.warning === b.warning && a.critical === b.critical && (a.hysteresis ?? 0) === (b.hysteresis ?? 0);

/** The form for editing a registered sensor; limits equal to the defaults count as none of its own. */
export function sensorForm(s: Sensor): SensorForm {
  const temperature = limitsOf(s.temperature, { ...DEFAULT_LIMITS.temperature });
  const humidity = limitsOf(s.humidity, { ...DEFAULT_LIMITS.humidity });
  return {
    id: s.id ?? '',
    stationId: s.stationId ?? null,
    kind: s.kind ?? 'WATER_IMMERSION',
    name: s.name ?? '',
    protects: (s.protects ?? []).map((p) => ({ chargerId: p.chargerId ?? '', connectorId: p.connectorId ? p.connectorId : null })),
    ownLimits: s.kind === 'TEMPERATURE_HUMIDITY'
      && !(sameLimits(temperature, DEFAULT_LIMITS.temperature) && sameLimits(humidity, DEFAULT_LIMITS.humidity)),
    temperature,
    humidity,
    offlineTimeoutSeconds: s.offlineTimeoutSeconds ?? DEFAULT_OFFLINE_TIMEOUT,
  };
}

/** Problems the form can see before the server does (keys under sensor.problem.*); the server still decides. */
export function sensorProblems(f: SensorForm, creating: boolean): string[] {
  const problems: string[] = [];
  if (creating && !SENSOR_ID.test(f.id.trim())) problems.push('id');
  if (f.stationId == null) problems.push('station');
  if (f.protects.some((p) => !p.chargerId.trim())) problems.push('charger');
  if (f.kind === 'TEMPERATURE_HUMIDITY' && f.ownLimits) {
    for (const l of [f.temperature, f.humidity]) {
      if (l.warning == null || l.critical == null) problems.push('limitsMissing');
      else if (l.critical < l.warning) problems.push('limitsOrder');
    }
  }
  return [...new Set(problems)];
}

/**
 * The request for a form: text trimmed, protected chargers without blank rows or duplicates (connector 0 = the whole
 * charger), limits only for TEMPERATURE_HUMIDITY sensors that have their own, the id only when registering.
 */
export function toSensorRequest(f: SensorForm, creating: boolean): SensorRequest {
  const seen = new Set<string>();
  const protects = f.protects
    .map((p) => ({ chargerId: p.chargerId.trim(), connectorId: p.connectorId ?? 0 }))
    .filter((p) => p.chargerId && !seen.has(`${p.chargerId}/${p.connectorId}`) && seen.add(`${p.chargerId}/${p.connectorId}`));
  const r: SensorRequest = { stationId: f.stationId!, kind: f.kind, name: f.name.trim(), protects };
  if (creating) r.id = f.id.trim();
  if (f.offlineTimeoutSeconds != null) r.offlineTimeoutSeconds = f.offlineTimeoutSeconds;
  if (f.kind === 'TEMPERATURE_HUMIDITY' && f.ownLimits) {
    const limits = (l: Limits) => ({ warning: l.warning!, critical: l.critical!, ...(l.hysteresis != null ? { hysteresis: l.hysteresis } : {}) });
    r.temperature = limits(f.temperature);
    r.humidity = limits(f.humidity);
  }
  return r;
}

export type Health = 'OFFLINE' | 'ALARM' | 'WARNING' | 'NORMAL' | 'UNKNOWN';

/**
 * A sensor's state in one word: OFFLINE (silent past its timeout or its last will said so), ALARM (water, smoke, or a
 * CRITICAL level), WARNING (a WARNING level), NORMAL, or UNKNOWN (nothing heard yet).
 */
export function health(state: SensorState | null | undefined): Health {
  if (!state) return 'UNKNOWN';
  if (state.offline) return 'OFFLINE';
  if (state.water || state.smoke || state.temperatureLevel === 'CRITICAL' || state.humidityLevel === 'CRITICAL') return 'ALARM';
  if (state.temperatureLevel === 'WARNING' || state.humidityLevel === 'WARNING') return 'WARNING';
  if (!state.lastReadingAt && !state.lastSeenAt) return 'UNKNOWN';
  return 'NORMAL';
}

export const HEALTH_TAG: Record<Health, 'danger' | 'warning' | 'success' | 'info'> = {
  OFFLINE: 'info', ALARM: 'danger', WARNING: 'warning', NORMAL: 'success', UNKNOWN: 'info',
};

/** Readings oldest first as [time, value] pairs for a line chart, leaving out readings without the value. */
export function series(readings: readonly Reading[], field: 'temperature' | 'humidity' | 'battery'): [number, number][] {
  return readings
    .filter((r) => r[field] != null && r.ts)
    .map((r) => [Date.parse(r.ts!), Number(r[field])] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/** "CP-1" for a whole charger, "CP-1/2" for one connector. */
export const protectedText = (p: { chargerId?: string; connectorId?: number }) => (p.connectorId ? `${p.chargerId}/${p.connectorId}` : p.chargerId ?? '');
