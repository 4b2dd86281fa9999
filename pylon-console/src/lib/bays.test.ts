import { describe, expect, it } from 'vitest';
import { BAY_COLOURS, BAY_STATES, alarmLink, alarmsBySubject, attentionFirst, byName, countByState, groupByStation, minutesSince, minutesText, type Bay } from './bays';
import type { Alarm } from './alarms';

const bay = (over: Partial<Bay>): Bay => ({ id: 1, stationId: 1, name: 'B1', state: 'FREE', since: '2026-06-01T10:00:00Z', ...over });

describe('bays', () => {
  it('has a distinct colour for every state', () => {
    const borders = BAY_STATES.map((s) => BAY_COLOURS[s].border);
    expect(new Set(borders).size).toBe(BAY_STATES.length);
  });

  it('orders names naturally and groups bays by station', () => {
    const list = [bay({ id: 1, name: 'B1-10' }), bay({ id: 2, name: 'B1-2' }), bay({ id: 3, name: 'A-1', stationId: 2 })];
    expect([...list].sort(byName).map((b) => b.name)).toEqual(['A-1', 'B1-2', 'B1-10']);
    const groups = groupByStation(list);
    expect([...groups.keys()]).toEqual([1, 2]);
    expect(groups.get(1)!.map((b) => b.name)).toEqual(['B1-2', 'B1-10']);
  });

  it('puts bays with the worst alarm first, then idle-occupying, then the longest in their state', () => {
    const list = [
      bay({ id: 1, name: 'free', state: 'FREE' }),
      bay({ id: 2, name: 'idle-new', state: 'IDLE_OCCUPYING', since: '2026-06-01T11:00:00Z' }),
      bay({ id: 3, name: 'idle-old', state: 'IDLE_OCCUPYING', since: '2026-06-01T09:00:00Z' }),
      bay({ id: 4, name: 'charging-alarm', state: 'CHARGING' }),
      bay({ id: 5, name: 'finished', state: 'FINISHED' }),
    ];
    const alarm = (b: Bay) => (b.id === 4 ? ({ id: 9, severity: 'CRITICAL' } as Alarm) : undefined);
    expect(attentionFirst(list, alarm).map((b) => b.name)).toEqual(['charging-alarm', 'idle-old', 'idle-new', 'finished', 'free']);
  });

  it('counts every state, zero included', () => {
    expect(countByState([bay({ state: 'CHARGING' }), bay({ state: 'CHARGING' })])).toEqual({ FREE: 0, VEHICLE_PRESENT: 0, CHARGING: 2, FINISHED: 0, IDLE_OCCUPYING: 0 });
  });

  it('says since when in minutes, hours and days', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    expect(minutesSince('2026-06-01T11:15:30Z', now)).toBe(44);
    expect(minutesSince(undefined, now)).toBeNull();
    expect(minutesSince('2026-06-01T13:00:00Z', now)).toBe(0);
    expect(minutesText(44)).toBe('44 min');
    expect(minutesText(185)).toBe('3 h 05 min');
    expect(minutesText(3000)).toBe('2 d 2 h');
    expect(minutesText(null)).toBe('-');
  });

  it('maps each subject to its worst open alarm of the right detectors', () => {
    const alarms = [
      { id: 1, subject: 'bay:7', source: 'parking', severity: 'WARNING', state: 'OPEN' },
      { id: 2, subject: 'bay:7', source: 'camera', severity: 'EVACUATION', state: 'ACKNOWLEDGED' },
      { id: 3, subject: 'bay:7', source: 'thermal', severity: 'EVACUATION', state: 'OPEN' }, // a thermal bay, another registry
      { id: 4, subject: 'bay:8', source: 'parking', severity: 'CRITICAL', state: 'CLEARED' },
      { id: 5, subject: 'bay:9', source: 'parking', severity: 'WARNING', state: 'OPEN' },
      { id: 6, subject: 'bay:9', source: 'parking', severity: 'WARNING', state: 'OPEN' },
    ] as Alarm[];
    const map = alarmsBySubject(alarms, ['parking', 'camera']);
    expect(map.get('bay:7')?.id).toBe(2);
    expect(map.has('bay:8')).toBe(false);
    expect(map.get('bay:9')?.id).toBe(6);
    expect(alarmsBySubject(alarms, ['thermal']).get('bay:7')?.id).toBe(3);
    expect(alarmLink(2)).toBe('/alarms?alarm=2');
  });
});
