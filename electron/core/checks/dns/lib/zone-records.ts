import { ProviderError } from '../../../providers/errors'
import { apiEvidence } from '../../../providers/outcome'
import type { CheckContext, EvidenceItem } from '../../types'

/** The zone's records as the DNS provider's API lists them, or why they could not be listed. */
export interface ZoneListing {
  provider: 'cloudflare'
  records: { type: string; name: string; content: string; proxied: boolean }[]
  evidence: EvidenceItem[]
  error?: string
}

/**
 * Every record of the domain's zone from the Cloudflare API, when the engagement has a
 * Cloudflare credential and the domain is a zone on it; null otherwise (no API: the caller
 * falls back to declared hosts and guesses). An API failure is returned, never thrown: the
 * public DNS walk still runs.
 */
export async function zoneRecords(ctx: CheckContext): Promise<ZoneListing | null> {
  const cred = await ctx.services.credentials.get('cloudflare').catch(() => null)
  if (!cred || !ctx.services.providers) return null
  try {
    const cf = ctx.services.providers.cloudflare(cred.secret, ctx.signal)
    const zone = await cf.findZone(ctx.domain)
    if (!zone) return null
    const records = (await cf.dnsRecords(zone.id)).map((r) => ({ type: r.type, name: r.name.toLowerCase().replace(/\.$/, ''), content: r.content, proxied: r.proxied }))
    return { provider: 'cloudflare', records, evidence: [apiEvidence(`Cloudflare DNS records of ${ctx.domain}`, records, cred)] }
  } catch (e) {
    if (e instanceof ProviderError || e instanceof Error) return { provider: 'cloudflare', records: [], evidence: [], error: e.message.split('\n')[0].slice(0, 200) }
    throw e
  }
}
