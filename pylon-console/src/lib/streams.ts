// A camera's stream and snapshot URLs as the console handles them: which kind of stream a URL is, whether the server
// would take it (the rules of StreamUrls: scheme per kind, a host, no credentials), and how the console can show it.
// Pylon serves no video: HLS plays in a <video> element (natively or with hls.js), the rest are handed to the
// operator's own player as URLs.
import type { Schemas } from '../api/client';

export type StreamKind = 'hls' | 'webrtc' | 'flv' | 'rtsp';
/** The order the live-video dialog offers them: what a browser can play first. */
export const STREAM_KINDS: StreamKind[] = ['hls', 'webrtc', 'flv', 'rtsp'];

/** The schemes the server accepts per kind (and for snapshots). */
export const SCHEMES: Record<StreamKind | 'snapshot', string[]> = {
  rtsp: ['rtsp', 'rtsps'],
  hls: ['http', 'https'],
  webrtc: ['http', 'https', 'webrtc'],
  flv: ['http', 'https', 'ws', 'wss'],
  snapshot: ['http', 'https'],
};

function parse(url: string | null | undefined): URL | null {
  const u = (url ?? '').trim();
  if (!u) return null;
  try {
    return new URL(u);
  } catch {
    return null;
  }
}

const scheme = (u: URL) => u.protocol.replace(/:$/, '').toLowerCase();

/**
 * The kind of stream a URL looks like, from its scheme and path: rtsp(s):// is RTSP, webrtc:// or a WHEP path is
 * WebRTC, a .m3u8 playlist HLS, a .flv path or a ws(s):// URL FLV; null when it cannot be told (e.g. a bare http URL).
 */
export function detectStreamKind(url: string | null | undefined): StreamKind | null {
  const u = parse(url);
  if (!u) return null;
  const s = scheme(u);
  const path = u.pathname.toLowerCase();
  if (s === 'rtsp' || s === 'rtsps') return 'rtsp';
  if (s === 'webrtc') return 'webrtc';
  if (s === 'ws' || s === 'wss') return 'flv';
  if (s !== 'http' && s !== 'https') return null;
  if (path.endsWith('.m3u8')) return 'hls';
  if (path.endsWith('.flv')) return 'flv';
  if (/(^|\/)(whep|rtc)(\/|$)/.test(path) || u.searchParams.has('whep')) return 'webrtc';
  return null;
}

/** Why the server would refuse a URL for this field: 'url', 'scheme', 'host' or 'credentials'; null when fine or blank. */
export function streamProblem(kind: StreamKind | 'snapshot', url: string | null | undefined): 'url' | 'scheme' | 'host' | 'credentials' | null {
  if (!(url ?? '').trim()) return null;
  const u = parse(url);
  if (!u) return 'url';
  if (!SCHEMES[kind].includes(scheme(u))) return 'scheme';
  if (!u.host) return 'host';
  if (u.username || u.password) return 'credentials';
  return null;
}

/** Whether a URL given as one kind looks like another kind (a hint, the server does not check it). */
export function looksLikeOther(kind: StreamKind, url: string | null | undefined): StreamKind | null {
  const detected = detectStreamKind(url);
  return detected && detected !== kind ? detected : null;
}

/** How the console shows a stream: HLS in a video element, the rest as a URL to copy or open elsewhere. */
export function playback(kind: StreamKind): 'video' | 'link' {
  return kind === 'hls' ? 'video' : 'link';
}

/** Whether a browser can open the URL at all (RTSP and webrtc:// need a player of their own). */
export function browserOpens(kind: StreamKind, url: string): boolean {
  const u = parse(url);
  return u != null && (scheme(u) === 'http' || scheme(u) === 'https') && kind !== 'rtsp';
}

/** The URL as a safe href (only the schemes streams may have, never javascript: and the like), or null. */
export function safeHref(url: string | null | undefined): string | null {
  const u = parse(url);
  if (!u) return null;
  return ['http', 'https', 'rtsp', 'rtsps', 'webrtc', 'ws', 'wss'].includes(scheme(u)) ? u.href : null;
}

export type Streams = Schemas['CameraStreams'];

/** The streams a camera has, in {@link STREAM_KINDS} order. */
export function streamsOf(streams: Streams | null | undefined): { kind: StreamKind; url: string }[] {
  return STREAM_KINDS.filter((k) => (streams?.[k] ?? '').trim()).map((k) => ({ kind: k, url: streams![k]!.trim() }));
}

/** A snapshot URL once more, with a cache-busting parameter so the browser fetches a new picture. */
export function refreshed(url: string, now: number = Date.now()): string {
  const u = parse(url);
  if (!u) return url;
  u.searchParams.set('_pylon', String(now));
  return u.href;
}
