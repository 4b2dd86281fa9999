// Cameras and edge-AI boxes (docs/parking.md): the registration form and the CameraRequest it becomes, and the event
// types a device reports.
import type { Schemas } from '../api/client';
import { STREAM_KINDS, streamProblem, type StreamKind } from './streams';

export type Camera = Schemas['CameraView'];
export type CameraRequest = Schemas['CameraRequest'];
export type CameraEvent = Schemas['CameraEvent'];

export const CAMERA_KINDS = ['CAMERA', 'EDGE_BOX'] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];
/** The event types on the wire (CameraEventType), hazards first. */
export const EVENT_TYPES = ['fire', 'smoke', 'smoking', 'vandalism', 'person', 'plate_read', 'camera_offline', 'camera_blocked', 'camera_normal'] as const;
const HAZARDS = ['fire', 'smoke'];
const WARNINGS = ['smoking', 'vandalism', 'camera_offline', 'camera_blocked'];
export const DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** An event type's tag colour: fire and smoke red, the warnings amber, a plate read blue, the rest grey. */
export function eventTag(type: string | null | undefined): 'danger' | 'warning' | 'primary' | 'info' | 'success' {
  if (HAZARDS.includes(type ?? '')) return 'danger';
  if (WARNINGS.includes(type ?? '')) return 'warning';
  if (type === 'plate_read') return 'primary';
  if (type === 'camera_normal') return 'success';
  return 'info';
}

/** A camera's reported status as a tag colour. */
export const statusTag = (status: string | null | undefined) => (status === 'OFFLINE' || status === 'BLOCKED' ? 'danger' : 'success');

export interface CameraForm {
  id: string;
  stationId: number | null;
  kind: CameraKind;
  name: string;
  streams: Record<StreamKind, string>;
  snapshotUrl: string;
  bayIds: number[];
  gateId: string;
}

export function emptyCamera(stationId: number | null = null): CameraForm {
  return { id: '', stationId, kind: 'CAMERA', name: '', streams: { hls: '', webrtc: '', flv: '', rtsp: '' }, snapshotUrl: '', bayIds: [], gateId: '' };
}

export function cameraForm(c: Camera): CameraForm {
  return {
    id: c.id ?? '',
    stationId: c.stationId ?? null,
    kind: (c.kind as CameraKind) ?? 'CAMERA',
    name: c.name ?? '',
    streams: { hls: c.streams?.hls ?? '', webrtc: c.streams?.webrtc ?? '', flv: c.streams?.flv ?? '', rtsp: c.streams?.rtsp ?? '' },
    snapshotUrl: c.snapshotUrl ?? '',
    bayIds: [...(c.bayIds ?? [])],
    gateId: c.gateId ?? '',
  };
}

/** Field problems the form can see (field → problem); the server still decides. */
export function cameraProblems(f: CameraForm, creating: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (creating && !DEVICE_ID.test(f.id.trim())) problems.id = 'id';
  if (f.stationId == null) problems.stationId = 'station';
  if (!f.name.trim()) problems.name = 'name';
  for (const k of STREAM_KINDS) {
    const p = streamProblem(k, f.streams[k]);
    if (p) problems[k] = p;
  }
  const snap = streamProblem('snapshot', f.snapshotUrl);
  if (snap) problems.snapshotUrl = snap;
  return problems;
}

/** The request of a form: text trimmed, blank URLs left out, the id only when registering. */
export function toCameraRequest(f: CameraForm, creating: boolean): CameraRequest {
  const streams: Schemas['StreamsRequest'] = {};
  for (const k of STREAM_KINDS) if (f.streams[k].trim()) streams[k] = f.streams[k].trim();
  const r: CameraRequest = { stationId: f.stationId!, kind: f.kind, name: f.name.trim(), streams, bayIds: [...new Set(f.bayIds)] };
  if (creating) r.id = f.id.trim();
  if (f.snapshotUrl.trim()) r.snapshotUrl = f.snapshotUrl.trim();
  if (f.gateId.trim()) r.gateId = f.gateId.trim();
  return r;
}
