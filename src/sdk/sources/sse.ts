/** One dispatched server-sent event. */
export interface SseEvent {
  /** The `event:` field; `message` when the server named none. */
  event: string;
  /** The `data:` lines joined with newlines. */
  data: string;
  /** The last event ID in force when the event was dispatched ('' when none was ever set). */
  id: string;
}

/**
 * An incremental text/event-stream parser (the WHATWG "event stream interpretation"): feed it
 * decoded text in chunks of any size, get complete events back. Handles CRLF, CR and LF line
 * ends (a CR at the end of one chunk and the LF at the start of the next are one line end), a
 * leading BOM, comments, multi-line data, `id` (ignored when it holds NUL) and `retry`.
 * Runtime-neutral and allocation-light: a bundle event is one long line.
 */
export class SseParser {
  /** The last event ID, sent back as `Last-Event-ID` when reconnecting. */
  lastEventId = '';
  /** The reconnection time the server asked for, ms, if it did. */
  retry: number | undefined;
  #buffer = '';
  #started = false;
  #skipLf = false;
  #event = '';
  #data: string[] = [];

  /** Parses a chunk; returns the events it completed, in order. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#skipLf && text.startsWith('\n')) text = text.slice(1);
    this.#skipLf = false;
    const out: SseEvent[] = [];
    let start = 0;
    const source = this.#buffer + text;
    const offset = this.#buffer.length;
    // Line ends cannot hide in the old buffer: it was scanned already.
    for (let i = offset; i < source.length; i++) {
      const ch = source.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      this.#line(source.slice(start, i), out);
      if (ch === 13) {
        if (i + 1 === source.length) this.#skipLf = true;
        else if (source.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.#buffer = source.slice(start);
    return out;
  }

  #line(line: string, out: SseEvent[]): void {
    if (line === '') return this.#dispatch(out);
    if (line.charCodeAt(0) === 58) return; // ':' comment (heartbeat)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'event': this.#event = value; break;
      case 'data': this.#data.push(value); break;
      case 'id': if (!value.includes('\0')) this.lastEventId = value; break;
      case 'retry': if (/^\d+$/.test(value)) this.retry = Number(value); break;
      default: break; // unknown fields are ignored, as the standard says
    }
  }

  #dispatch(out: SseEvent[]): void {
    const data = this.#data;
    const event = this.#event;
    this.#data = [];
    this.#event = '';
    if (data.length === 0) return;
    out.push({ event: event || 'message', data: data.join('\n'), id: this.lastEventId });
  }
}
