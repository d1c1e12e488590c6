import { setMaxListeners } from 'node:events'
import { maskSecrets } from '../secrets/mask'
import type { CheckContext, CheckModule, CheckOutcome } from './types'

/** Message of anything thrown, as one line. */
export function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e)
  return m.split('\n')[0].slice(0, 300) || 'the check failed without a message'
}

/**
 * Run one check with its own timeout: the check's signal aborts at the deadline and a race
 * ends it as `error` even if the check ignores the signal. A throw becomes `error` too. The
 * outcome comes back with every secret the secret scanners find masked (summary, details, evidence).
 */
export async function executeCheck(check: CheckModule, ctx: Omit<CheckContext, 'signal'>, parent: AbortSignal, timeoutMs: number): Promise<CheckOutcome> {
  if (parent.aborted) return { status: 'error', summary: 'Cancelled before it started.' }
  if (ctx.profile.offline && check.meta.network) return { status: 'error', summary: 'offline: this check needs the network' }
  const ac = new AbortController()
  // Every DNS query and request of the check listens on this signal: no listener cap.
  setMaxListeners(0, ac.signal)
  const onParent = () => ac.abort(parent.reason)
  parent.addEventListener('abort', onParent, { once: true })
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      ac.abort(new Error('timeout'))
      resolve({ status: 'error', summary: `Timed out after ${Math.round(timeoutMs / 100) / 10} s without an answer.` })
    }, timeoutMs)
  })
  const cancelled = new Promise<CheckOutcome>((resolve) => {
    parent.addEventListener('abort', () => resolve({ status: 'error', summary: 'Cancelled.' }), { once: true })
  })
  const work = (async (): Promise<CheckOutcome> => {
    try {
      const o = await check.run({ ...ctx, signal: ac.signal })
      if (!o || typeof o.status !== 'string') return { status: 'error', summary: 'The check returned no result.' }
      return o
    } catch (e) {
      return { status: 'error', summary: messageOf(e) }
    }
  })()
  try {
    // Whatever a check fetched, secrets the scanners recognise are masked before anything is stored.
    return await maskSecrets(await Promise.race([work, deadline, cancelled]))
  } finally {
    clearTimeout(timer)
    parent.removeEventListener('abort', onParent)
    ac.abort()
  }
}
