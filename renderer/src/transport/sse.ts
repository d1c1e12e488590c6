/**
 * An incremental parser for the browser-mode event stream (text/event-stream): feed it text
 * chunks as they arrive; it returns the `data:` payloads of every complete event. Comment
 * lines (heartbeats, starting with ':') and other fields are ignored.
 */
export class SseParser {
  private buffer = ''

  /** Add a chunk; returns the data of each event completed by it. */
  push(chunk: string): string[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n')
    const out: string[] = []
    let idx = this.buffer.indexOf('\n\n')
    while (idx !== -1) {
      const block = this.buffer.slice(0, idx)
      this.buffer = this.buffer.slice(idx + 2)
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).replace(/^ /, ''))
      if (data.length) out.push(data.join('\n'))
      idx = this.buffer.indexOf('\n\n')
    }
    return out
  }
}

/** Reconnect delay after `attempt` consecutive failures: 0.5 s doubling, capped at 10 s. */
export function backoffMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, Math.min(attempt, 10)))
}
