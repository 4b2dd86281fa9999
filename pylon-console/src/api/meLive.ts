// The driver app's server push: GET /api/v1/me/events (driver token) carries the driver's own sessions ("session",
// every 2 s while charging and on every change) and top-ups ("payment", when the provider's callback arrives). The
// same reader and reconnect as the console's feed (api/live.ts); pages fall back to polling while it is not connected.
import type { Schemas } from './client';
import { followSse } from './live';

export type DriverEvents = {
  session: Schemas['LiveSessionView'];
  payment: Schemas['MyPaymentView'];
};

export interface DriverStreamHandlers {
  session?: (e: DriverEvents['session']) => void;
  payment?: (e: DriverEvents['payment']) => void;
  /** Told true when the stream is open, false when it dropped (the page should poll until it is back). */
  connected?: (connected: boolean) => void;
}

/** The stream's URL; {@code follow} names stopped sessions of the driver to hear of as well (e.g. until billed). */
export function driverStreamUrl(follow: readonly number[] = []): string {
  const ids = follow.filter((id) => Number.isSafeInteger(id) && id > 0);
  return '/api/v1/me/events' + (ids.length ? '?' + ids.map((id) => `follow=${id}`).join('&') : '');
}

/** Opens the driver's stream; returns the function that closes it. */
export function openDriverStream(handlers: DriverStreamHandlers, follow: readonly number[] = []): () => void {
  const controller = new AbortController();
  void followSse(driverStreamUrl(follow), 'driver', controller.signal, (event, data) => {
    if (event === 'session') handlers.session?.(JSON.parse(data));
    else if (event === 'payment') handlers.payment?.(JSON.parse(data));
  }, (connected) => handlers.connected?.(connected));
  return () => controller.abort();
}

/**
 * Keeps a page fresh by push, with polling as the fallback: {@code poll} runs every {@code everyMs} while the stream is
 * not connected (before it first connects, and after it drops until it is back). Returns the stop function.
 */
export function pushOrPoll(handlers: DriverStreamHandlers, poll: () => Promise<unknown>, everyMs = 3000,
  follow: readonly number[] = [], onMode: (mode: 'push' | 'poll') => void = () => {}): () => void {
  let connected = false;
  const timer = setInterval(() => {
    if (!connected) void poll().catch(() => {});
  }, everyMs);
  const close = openDriverStream({
    ...handlers,
    connected: (c) => {
      connected = c;
      onMode(c ? 'push' : 'poll');
      handlers.connected?.(c);
    },
  }, follow);
  onMode('poll');
  return () => {
    clearInterval(timer);
    close();
  };
}
