import type { CloudflareClient } from '../../../providers/cloudflare/client'
import type { CfZone } from '../../../providers/cloudflare/types'
import { withProviderCredential, apiEvidence } from '../../../providers/outcome'
import type { CheckContext, CheckOutcome, EvidenceItem, ProviderCredential } from '../../types'

export interface CfRun {
  cf: CloudflareClient
  cred: ProviderCredential
  zone: CfZone
  evidence: EvidenceItem[]
}

/** Run a Cloudflare check with a token; no token → skip, API failure → error. */
export function withCloudflare(ctx: CheckContext, fn: (cf: CloudflareClient, cred: ProviderCredential) => Promise<CheckOutcome>): Promise<CheckOutcome> {
  return withProviderCredential((p) => ctx.services.credentials.get(p), ['cloudflare'], (cred) => fn(ctx.services.providers.cloudflare(cred.secret, ctx.signal), cred))
}

/**
 * Run a check that needs the domain's zone. A domain not on this Cloudflare account → skip
 * (cf.zone is the check that fails on it).
 */
export function withZone(ctx: CheckContext, fn: (run: CfRun) => Promise<CheckOutcome>): Promise<CheckOutcome> {
  return withCloudflare(ctx, async (cf, cred) => {
    const zone = await cf.findZone(ctx.domain)
    const evidence = [apiEvidence(`Cloudflare zone ${ctx.domain}`, zone ?? { found: false }, cred)]
    if (!zone) return { status: 'skip', summary: `${ctx.domain} is not a zone on this Cloudflare account (see cf.zone)`, evidence }
    return fn({ cf, cred, zone, evidence })
  })
}
