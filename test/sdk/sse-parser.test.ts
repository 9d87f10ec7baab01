import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../../src/sdk/sources/sse.js';

function parseChunks(chunks: string[]): { events: SseEvent[]; retry: number | undefined } {
  const parser = new SseParser();
  const events = chunks.flatMap((chunk) => parser.push(chunk));
  return { events, retry: parser.retry };
}

/** Cuts text at the given (sorted, deduplicated) positions. */
function cut(text: string, positions: number[]): string[] {
  const points = [...new Set(positions.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const p of points) {
    chunks.push(text.slice(last, p));
    last = p;
  }
  chunks.push(text.slice(last));
  return chunks;
}

// Field values without line breaks; data may hold anything else, including ':' and leading spaces.
const value = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '{', '"', 'é', '😀', '\t', '=') });
const message = fc.record({
  event: fc.option(fc.constantFrom('bundle', 'other'), { nil: undefined }),
  id: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
  data: fc.array(value, { minLength: 1, maxLength: 3 }),
  comment: fc.boolean(),
  retry: fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: undefined }),
});
const eol = fc.constantFrom('\n', '\r\n', '\r');

interface Message {
  event?: string;
  id?: string;
  data: string[];
  comment: boolean;
  retry?: number;
}

function render(messages: Message[], end: string): string {
  return messages.map((m) => [
    ...(m.comment ? [': ping'] : []),
    ...(m.retry !== undefined ? [`retry: ${m.retry}`] : []),
    ...(m.event ? [`event: ${m.event}`] : []),
    ...(m.id ? [`id: ${m.id}`] : []),
    ...m.data.map((d) => `data: ${d}`),
    '',
  ].join(end) + end).join('');
}

function expected(messages: { event?: string; id?: string; data: string[] }[]): SseEvent[] {
  let id = '';
  return messages.map((m) => {
    if (m.id !== undefined) id = m.id;
    return { event: m.event ?? 'message', data: m.data.join('\n'), id };
  });
}

describe('SseParser', () => {
  it('any chunking of a valid stream, with any line ends, yields the same events', () => {
    fc.assert(fc.property(fc.array(message, { maxLength: 8 }), eol, fc.array(fc.nat(), { maxLength: 20 }), (messages, end, positions) => {
      const text = render(messages, end);
      const whole = parseChunks([text]);
      expect(whole.events).toEqual(expected(messages));
      // A final CR may end a line; the parser cannot know yet whether LF follows, and need not.
      expect(parseChunks(cut(text, positions)).events).toEqual(whole.events);
      expect(parseChunks([...text]).events).toEqual(whole.events);
      const lastRetry = messages.map((m) => m.retry).filter((r) => r !== undefined).at(-1);
      expect(whole.retry).toBe(lastRetry);
    }), { numRuns: 300 });
  });

  it('follows the standard on the corner cases', () => {
    const parser = new SseParser();
    const events = parser.push([
      '\uFEFFdata: first', '', // leading BOM is ignored
      'data', '', // a field with no colon has an empty value; empty data still dispatches
      'id: 7', 'event: bundle', 'data:  two spaces', 'data:x', '', // only one leading space is stripped
      ': comment only', '', // no data: nothing dispatched
      'id: bad\0id', 'retry: soon', 'retry: 250', 'unknown: field', 'data: kept id', '',
      'data: no blank line yet',
    ].join('\n'));
    expect(events).toEqual([
      { event: 'message', data: 'first', id: '' },
      { event: 'message', data: '', id: '' },
      { event: 'bundle', data: ' two spaces\nx', id: '7' },
      { event: 'message', data: 'kept id', id: '7' },
    ]);
    expect(parser.retry).toBe(250);
    expect(parser.push('\n\n')).toEqual([{ event: 'message', data: 'no blank line yet', id: '7' }]);
  });

  it('takes a CR at the end of a chunk and an LF at the start of the next as one line end', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r')).toEqual([{ event: 'message', data: 'a', id: '' }]);
    expect(parser.push('\ndata: b\n\n')).toEqual([{ event: 'message', data: 'b', id: '' }]);
  });
});
