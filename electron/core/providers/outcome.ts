import type { CheckOutcome, EvidenceItem, ProviderCredential } from '../checks/types'
import { ProviderError, providerLabel } from './errors'
import { safeExcerpt } from './excerpt'

/** How to add a credential, per provider, for skip summaries. */
const ADD_HINT: Record<string, string> = {
  cloudflare: 'add a read-only Cloudflare API token (handover credential add cloudflare)',
  vercel: 'add a Vercel token (handover credential add vercel)',
  netlify: 'add a Netlify personal access token (handover credential add netlify)',
  uptimerobot: 'add an UptimeRobot read-only API key (handover credential add uptimerobot)',
  betterstack: 'add a Better Stack Uptime API token (handover credential add betterstack)',
}

/** The `skip` outcome for a missing credential, naming what to add. */
export function missingCredential(...providers: string[]): CheckOutcome {
  const names = providers.map(providerLabel).join(' or ')
  return { status: 'skip', summary: `No ${names} credential: ${providers.map((p) => ADD_HINT[p] ?? `add a ${providerLabel(p)} credential`).join(', or ')} to run this check` }
}

/** A provider failure as an `error` outcome (other exceptions propagate: the runner records them). */
export function providerFailure(e: unknown, evidence: EvidenceItem[] = []): CheckOutcome {
  if (!(e instanceof ProviderError)) throw e
  return { status: 'error', summary: e.message, details: { provider: e.provider, reason: e.kind, httpStatus: e.status }, evidence }
}

/** An evidence item for an API excerpt, with secret fields and the credential itself removed. */
export function apiEvidence(label: string, data: unknown, cred?: ProviderCredential): EvidenceItem {
  return { kind: 'api', label, data: safeExcerpt(data, cred ? [cred.secret] : []) }
}

/** Run `fn` with the first provider that has a credential; none → skip; provider errors → error. */
export async function withProviderCredential(
  get: (provider: string) => Promise<ProviderCredential | null>,
  providers: string[],
  fn: (cred: ProviderCredential) => Promise<CheckOutcome>,
): Promise<CheckOutcome> {
  for (const p of providers) {
    const cred = await get(p)
    if (!cred) continue
    try {
      return await fn(cred)
    } catch (e) {
      return providerFailure(e)
    }
  }
  return missingCredential(...providers)
}

/**
 * Try each provider that has a credential, in order, and hand `fn` the first snapshot that is
 * useful (e.g. a project that serves the domain, an account with monitors). When none is useful,
 * the first loaded snapshot is used (or `none` when every load returned null); when every
 * attempt failed, the first failure is the `error` result. No credential at all → skip.
 */
export async function firstUseful<T>(
  get: (provider: string) => Promise<ProviderCredential | null>,
  providers: string[],
  load: (cred: ProviderCredential) => Promise<T | null>,
  useful: (snap: T) => boolean,
  fn: (snap: T, cred: ProviderCredential) => CheckOutcome | Promise<CheckOutcome>,
  none: (tried: string[]) => CheckOutcome,
): Promise<CheckOutcome> {
  const tried: string[] = []
  let fallback: { snap: T; cred: ProviderCredential } | undefined
  let failure: unknown
  for (const p of providers) {
    const cred = await get(p)
    if (!cred) continue
    tried.push(p)
    try {
      const snap = await load(cred)
      if (snap === null) continue
      if (useful(snap)) return await fn(snap, cred)
      fallback ??= { snap, cred }
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e
      failure ??= e
    }
  }
  if (tried.length === 0) return missingCredential(...providers)
  if (fallback) return fn(fallback.snap, fallback.cred)
  if (failure) return providerFailure(failure)
  return none(tried)
}
