import { describe, expect, it } from 'vitest';
import { parseSse } from './live';

describe('server-sent events', () => {
  it('parses complete events and keeps a partial one for the next chunk', () => {
    const seen: [string, string][] = [];
    const rest = parseSse('event:connector\ndata:{"a":1}\n\nevent: sessions\ndata: {"b"', (e, d) => seen.push([e, d]));
    expect(seen).toEqual([['connector', '{"a":1}']]);
    expect(rest).toBe('event: sessions\ndata: {"b"');
    parseSse(rest + ':2}\n\n', (e, d) => seen.push([e, d]));
    expect(seen[1]).toEqual(['sessions', '{"b":2}']);
  });

  it('joins multi-line data and ignores comments and empty blocks', () => {
    const seen: [string, string][] = [];
    parseSse(':keep-alive\n\ndata:line1\ndata:line2\n\n\n\n', (e, d) => seen.push([e, d]));
    expect(seen).toEqual([['message', 'line1\nline2']]);
  });
});
