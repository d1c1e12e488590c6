import { loadCloudflareSdk } from '../providers/cloudflare/sdk'
import { preloadSecretlint } from '../secrets/secretlint'
import type { CheckModule, CheckServices } from './types'

/**
 * Load the heavy modules a run will use before its checks start. Loading the Cloudflare SDK or
 * secretlint compiles megabytes of JavaScript synchronously: 1 s on an idle machine, 5–7 s on a
 * busy one, during which every TLS handshake and timed request of the run would stall and end
 * as a false timeout. Bounded by `ms` and the run's signal: a load that takes longer finishes
 * during the run instead.
 */
export async function warmUp(checks: CheckModule[], services: CheckServices, signal: AbortSignal, ms = 20_000): Promise<void> {
  const loads: Promise<unknown>[] = [preloadSecretlint()]
  const cloudflare = checks.some((c) => c.meta.id.startsWith('cf.') || c.meta.id === 'dns.dangling')
  if (cloudflare && (await services.credentials.get('cloudflare').catch(() => null))) loads.push(loadCloudflareSdk().catch(() => undefined))
  let timer: NodeJS.Timeout | undefined
  const onAbort = { resolve: () => undefined as void }
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
    onAbort.resolve = resolve
    signal.addEventListener('abort', onAbort.resolve, { once: true })
  })
  await Promise.race([Promise.all(loads), limit])
  clearTimeout(timer)
  signal.removeEventListener('abort', onAbort.resolve)
}
