/** A finished run's tally, as the run indicator and the end-of-run notifications word it. */
export interface RunTally {
  cancelled: boolean
  done: number
  total: number
  fail: number
  /** Checks that could not judge: not a verdict about the client, so never counted as a fail. */
  error: number
  warn: number
  /** The run's network checks wait in the offline queue. */
  waiting?: 'offline' | 'untrusted'
}

/**
 * What a finished run found, in words: "3 fail · 1 error · 2 warn", "no failures", "cancelled
 * after 4 of 9", or, when its network checks wait for a sound network, that first.
 */
export function runOutcome(r: RunTally): string {
  if (r.cancelled) return `cancelled after ${r.done} of ${r.total}`
  const parts = [r.fail && `${r.fail} fail`, r.error && `${r.error} error`, r.warn && `${r.warn} warn`].filter(Boolean)
  if (r.waiting) return r.waiting === 'offline' ? 'offline, checks wait' : 'network not trusted, checks wait'
  return parts.length ? parts.join(' · ') : 'no failures'
}
