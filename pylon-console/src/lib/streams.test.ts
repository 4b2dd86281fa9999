import { describe, expect, it } from 'vitest';
import { browserOpens, detectStreamKind, looksLikeOther, playback, refreshed, safeHref, streamProblem, streamsOf } from './streams';

describe('stream URLs', () => {
  it('tells the kind of a stream from its scheme and path', () => {
    expect(detectStreamKind('rtsp://nvr.local:554/ch7')).toBe('rtsp');
    expect(detectStreamKind('RTSPS://nvr.local/ch7')).toBe('rtsp');
    expect(detectStreamKind('https://media.local/ch7/index.m3u8?token=1')).toBe('hls');
    expect(detectStreamKind('webrtc://media.local/live/ch7')).toBe('webrtc');
    expect(detectStreamKind('https://media.local/rtc/v1/whep/?app=live&stream=ch7')).toBe('webrtc');
    expect(detectStreamKind('http://media.local/live/ch7.flv')).toBe('flv');
    expect(detectStreamKind('wss://media.local/live/ch7')).toBe('flv');
    expect(detectStreamKind('https://media.local/ch7')).toBeNull();
    expect(detectStreamKind('not a url')).toBeNull();
    expect(detectStreamKind('')).toBeNull();
  });

  it('refuses what the server refuses: the scheme of the kind, a host, no credentials', () => {
    expect(streamProblem('hls', 'https://media.local/a.m3u8')).toBeNull();
    expect(streamProblem('hls', '  ')).toBeNull();
    expect(streamProblem('hls', 'rtsp://media.local/a')).toBe('scheme');
    expect(streamProblem('rtsp', 'rtsp://admin:secret@nvr.local/ch1')).toBe('credentials');
    expect(streamProblem('webrtc', 'webrtc://media.local/live/ch7')).toBeNull();
    expect(streamProblem('flv', 'ws://media.local/live/ch7.flv')).toBeNull();
    expect(streamProblem('snapshot', 'ftp://media.local/snap.jpg')).toBe('scheme');
    expect(streamProblem('snapshot', 'just text')).toBe('url');
  });

  it('hints when a URL put in one field looks like another kind', () => {
    expect(looksLikeOther('hls', 'rtsp://nvr.local/ch7')).toBe('rtsp');
    expect(looksLikeOther('hls', 'https://media.local/ch7/index.m3u8')).toBeNull();
    expect(looksLikeOther('flv', 'https://media.local/unknown')).toBeNull();
  });

  it('plays HLS in the page and hands the rest over as links; RTSP never opens in a browser', () => {
    expect(playback('hls')).toBe('video');
    expect(playback('webrtc')).toBe('link');
    expect(playback('rtsp')).toBe('link');
    expect(browserOpens('rtsp', 'rtsp://nvr.local/ch7')).toBe(false);
    expect(browserOpens('webrtc', 'webrtc://media.local/live/ch7')).toBe(false);
    expect(browserOpens('flv', 'https://media.local/live/ch7.flv')).toBe(true);
  });

  it('never makes a link of a script URL', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('rtsp://nvr.local/ch7')).toBe('rtsp://nvr.local/ch7');
  });

  it('lists a camera\'s streams in the order a browser can play them, skipping blank ones', () => {
    const list = streamsOf({ rtsp: 'rtsp://nvr/ch1', hls: ' https://m/ch1.m3u8 ', flv: '', webrtc: undefined });
    expect(list).toEqual([{ kind: 'hls', url: 'https://m/ch1.m3u8' }, { kind: 'rtsp', url: 'rtsp://nvr/ch1' }]);
    expect(streamsOf(null)).toEqual([]);
  });

  it('refreshes a snapshot with a cache-busting parameter and keeps the rest of the URL', () => {
    expect(refreshed('https://m/snap.jpg?ch=7', 42)).toBe('https://m/snap.jpg?ch=7&_pylon=42');
    expect(refreshed('https://m/snap.jpg?_pylon=1', 2)).toBe('https://m/snap.jpg?_pylon=2');
  });
});
