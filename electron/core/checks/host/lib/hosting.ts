import type { HostingSnapshot } from '../../../providers/hosting/types'
import { firstUseful } from '../../../providers/outcome'
import type { CheckContext, CheckOutcome, ProviderCredential } from '../../types'

const cache = new WeakMap<object, Map<string, Promise<HostingSnapshot | null>>>()

/** The hosting snapshot, fetched once per run (per credential) and shared by the host.* checks. */
function snapshotOnce(ctx: CheckContext, cred: ProviderCredential): Promise<HostingSnapshot | null> {
  let m = cache.get(ctx.services)
  if (!m) cache.set(ctx.services, (m = new Map()))
  const memo = m
  const key = `${cred.provider}:${cred.id}`
  let p = memo.get(key)
  if (!p) {
    const hosts = ctx.engagement.hosts.map((h) => h.name)
    if (!hosts.includes(ctx.domain)) hosts.unshift(ctx.domain)
    const client = cred.provider === 'vercel' ? ctx.services.providers.vercel(cred.secret, ctx.signal) : ctx.services.providers.netlify(cred.secret, ctx.signal)
    const mine = client.snapshot(hosts)
    // A failure is not shared: the next check (with its own signal and time) tries again.
    mine.catch(() => memo.get(key) === mine && memo.delete(key))
    memo.set(key, mine)
    p = mine
  }
  return p
}

const NAMES: Record<string, string> = { vercel: 'Vercel project', netlify: 'Netlify site' }

/**
 * Run a host.* check with the hosting provider that serves the domain: each provider with a
 * credential is asked (Vercel, then Netlify). None serving it → skip with what to do.
 */
export function withHosting(ctx: CheckContext, fn: (snap: HostingSnapshot, cred: ProviderCredential) => CheckOutcome | Promise<CheckOutcome>): Promise<CheckOutcome> {
  return firstUseful(
    (p) => ctx.services.credentials.get(p),
    ['vercel', 'netlify'],
    (cred) => snapshotOnce(ctx, cred),
    () => true,
    fn,
    (tried) => ({ status: 'skip', summary: `No ${tried.map((p) => NAMES[p]).join(' or ')} on the connected account serves ${ctx.domain}: attach the domain or add the right account's credential` }),
  )
}
