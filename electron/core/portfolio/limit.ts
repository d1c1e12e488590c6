import { KeyedLimiter } from '../checks/limiter'

/** One item's outcome in a portfolio run: its value, or the one-line reason it could not finish. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: string; cause: unknown }

/** The most engagements a portfolio runs at once (each audit already runs its checks concurrently). */
export const MAX_CONCURRENCY = 16

/**
 * Run `fn` over `items` with at most `limit` at once, in input order of results. A failure of
 * one item is its result, never the end of the others.
 */
export async function runLimited<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<Settled<R>[]> {
  const gate = new KeyedLimiter(Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(limit))))
  return Promise.all(
    items.map((item, i) =>
      gate.run('all', async (): Promise<Settled<R>> => {
        try {
          return { ok: true, value: await fn(item, i) }
        } catch (e) {
          return { ok: false, error: (e instanceof Error ? e.message : String(e)).split('\n')[0], cause: e }
        }
      }),
    ),
  )
}
