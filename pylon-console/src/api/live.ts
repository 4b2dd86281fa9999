// Server push: reads the SSE stream GET /api/v1/live with fetch (EventSource cannot send the Bearer token) and hands
// each event to its subscribers. Reconnects with a back-off while anyone listens.
import { reactive } from 'vue';
import type { Audience, Schemas } from './client';
import { token } from './client';

export type ConnectorEvent = Schemas['ConnectorEvent'];
export type SessionsEvent = Schemas['SessionsEvent'];
export type CountersEvent = Schemas['Dashboard'];
export type AlarmEvent = Schemas['AlarmView'];

type Handlers = {
  connector: ConnectorEvent;
  sessions: SessionsEvent;
  counters: CountersEvent;
  alarm: AlarmEvent;
};
type Name = keyof Handlers;

const listeners: { [K in Name]: Set<(e: Handlers[K]) => void> } = {
  connector: new Set(), sessions: new Set(), counters: new Set(), alarm: new Set(),
};

export const liveState = reactive({ connected: false, events: 0 });

let controller: AbortController | null = null;
let users = 0;

/** Parses SSE text: blocks separated by a blank line, "event:" and "data:" fields. Returns the unparsed rest. */
export function parseSse(buffer: string, emit: (event: string, data: string) => void): string {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) emit(event, data.join('\n'));
  }
  return rest;
}

/**
 * Follows one SSE stream while the signal allows: reads it with fetch and the audience's Bearer token, hands every
 * event to {@code onEvent}, and reconnects with a back-off (1 s doubling to 15 s) when it ends or fails. Shared by the
 * console's feed and the driver app's own stream (api/meLive.ts).
 */
export async function followSse(url: string, audience: Audience, signal: AbortSignal,
  onEvent: (event: string, data: string) => void, onConnected: (connected: boolean) => void = () => {}) {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token(audience)}`, Accept: 'text/event-stream' },
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
      onConnected(true);
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = parseSse(buffer + value, onEvent);
      }
    } catch {
      // reconnect below
    }
    onConnected(false);
    if (signal.aborted) return;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

function run(signal: AbortSignal) {
  return followSse('/api/v1/live', 'staff', signal, (event, data) => {
    const set = listeners[event as Name];
    if (!set) return;
    liveState.events++;
    const parsed = JSON.parse(data);
    set.forEach((fn) => (fn as (e: unknown) => void)(parsed));
  }, (connected) => {
    liveState.connected = connected;
  });
}

/** Subscribes to one kind of event; returns the unsubscribe function. The stream runs while anyone subscribes. */
export function onLive<K extends Name>(name: K, fn: (e: Handlers[K]) => void): () => void {
  listeners[name].add(fn);
  users++;
  if (!controller) {
    controller = new AbortController();
    void run(controller.signal);
  }
  return () => {
    listeners[name].delete(fn);
    users--;
    if (users === 0 && controller) {
      controller.abort();
      controller = null;
    }
  };
}
