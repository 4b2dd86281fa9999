import { describe, expect, it } from 'vitest';
import { cameraForm, cameraProblems, emptyCamera, eventTag, toCameraRequest } from './cameras';

describe('camera form', () => {
  it('sends trimmed text, only the streams given, the bays once, the id only when registering', () => {
    const f = { ...emptyCamera(12), id: ' B1-CAM-07 ', name: ' B1 row 3 ', bayIds: [31, 32, 31], gateId: '  ' };
    f.streams.hls = ' https://media.local/ch7/index.m3u8 ';
    f.streams.rtsp = 'rtsp://nvr.local:554/ch7';
    expect(toCameraRequest(f, true)).toEqual({
      id: 'B1-CAM-07', stationId: 12, kind: 'CAMERA', name: 'B1 row 3', bayIds: [31, 32],
      streams: { hls: 'https://media.local/ch7/index.m3u8', rtsp: 'rtsp://nvr.local:554/ch7' },
    });
    expect(toCameraRequest({ ...f, snapshotUrl: 'https://m/s.jpg', gateId: 'G-1' }, false)).not.toHaveProperty('id');
    expect(toCameraRequest({ ...f, snapshotUrl: 'https://m/s.jpg', gateId: 'G-1' }, false)).toMatchObject({ snapshotUrl: 'https://m/s.jpg', gateId: 'G-1' });
  });

  it('round-trips a stored camera', () => {
    const view = { id: 'C1', stationId: 3, kind: 'EDGE_BOX', name: 'box', streams: { webrtc: 'webrtc://m/live/1' }, bayIds: [5], gateId: 'G' };
    const f = cameraForm(view);
    expect(f.streams).toEqual({ hls: '', webrtc: 'webrtc://m/live/1', flv: '', rtsp: '' });
    expect(toCameraRequest(f, false)).toEqual({ stationId: 3, kind: 'EDGE_BOX', name: 'box', streams: { webrtc: 'webrtc://m/live/1' }, bayIds: [5], gateId: 'G' });
  });

  it('names the fields the server would refuse', () => {
    const f = { ...emptyCamera(null), id: 'bad id!', snapshotUrl: 'ftp://x/s.jpg' };
    f.streams.rtsp = 'rtsp://u:p@nvr/ch1';
    expect(cameraProblems(f, true)).toEqual({ id: 'id', stationId: 'station', name: 'name', rtsp: 'credentials', snapshotUrl: 'scheme' });
    expect(cameraProblems({ ...emptyCamera(1), name: 'ok' }, false)).toEqual({});
  });

  it('colours hazards red and warnings amber', () => {
    expect(eventTag('fire')).toBe('danger');
    expect(eventTag('smoking')).toBe('warning');
    expect(eventTag('plate_read')).toBe('primary');
    expect(eventTag('person')).toBe('info');
  });
});
