/**
 * A keyed semaphore: at most `limit` tasks run at once per key (a remote host), others queue.
 * Used for per-host politeness by any check family.
 */
export class KeyedLimiter {
  private readonly active = new Map<string, number>()
  private readonly waiting = new Map<string, (() => void)[]>()
  constructor(readonly limit = 4) {}

  /** Run `fn` when a slot for `key` is free; the slot is released however `fn` ends. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(key)
    try {
      return await fn()
    } finally {
      this.release(key)
    }
  }

  private acquire(key: string): Promise<void> {
    const n = this.active.get(key) ?? 0
    if (n < Math.max(1, this.limit)) {
      this.active.set(key, n + 1)
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const q = this.waiting.get(key) ?? []
      q.push(resolve)
      this.waiting.set(key, q)
    })
  }

  private release(key: string): void {
    const q = this.waiting.get(key)
    const next = q?.shift()
    if (q && !q.length) this.waiting.delete(key)
    // Hand the slot straight to the next waiter; otherwise free it.
    if (next) return next()
    const n = (this.active.get(key) ?? 1) - 1
    if (n <= 0) this.active.delete(key)
    else this.active.set(key, n)
  }

  /** Tasks running for a key (for tests and progress displays). */
  running(key: string): number {
    return this.active.get(key) ?? 0
  }

  /** Tasks waiting for a slot of a key. */
  queued(key: string): number {
    return this.waiting.get(key)?.length ?? 0
  }
}
