/** One server-sent event as a browser's EventSource would parse it (comments kept apart). */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads server-sent events from a fetch response: `next()` resolves with the next event (or
 * comment line, as event ':'), in order, as they arrive.
 */
export function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pending: SseEvent[] = [];
  const parse = (block: string): void => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) pending.push({ event: ':', data: line.slice(1).trim() });
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      else if (line.startsWith('retry:')) pending.push({ event: 'retry', data: line.slice(6).trim() });
    }
    if (data.length > 0) pending.push({ event, data: data.join('\n') });
  };
  return {
    async next(): Promise<SseEvent> {
      while (pending.length === 0) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      return pending.shift()!;
    },
    /** The next event with that name, skipping others (heartbeats, retry). */
    async nextOf(name: string): Promise<SseEvent> {
      for (;;) {
        const event = await this.next();
        if (event.event === name) return event;
      }
    },
    cancel: () => reader.cancel(),
  };
}
