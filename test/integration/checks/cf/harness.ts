import type { Engagement, Host } from '@shared/schemas/engagement'
import { createServices } from '../../../../electron/core/checks/services'
import { DEFAULT_THRESHOLDS, type CheckContext, type CheckModule, type CheckOutcome, type CheckServices } from '../../../../electron/core/checks/types'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../../../electron/core/net/profile'
import { createProviderServices } from '../../../../electron/core/providers'
import { startDnsServer, type DnsRecord } from '../../../../electron/lab/dns/server'
import { startProviders, type ProvidersInput } from '../../../../electron/lab/providers'
import { providersSchema } from '../../../../electron/lab/providers/schema'
import { tempDir } from '../../../helpers/tmp'

export const DOMAIN = 'shop.test'
export const CF_NS = ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com']

/** The engagement the provider checks run for (apex, www, api). */
export function engagement(o: Partial<Engagement> = {}): Engagement {
  const hosts: Host[] = [
    { name: DOMAIN, role: 'apex' },
    { name: `www.${DOMAIN}`, role: 'web' },
    { name: `api.${DOMAIN}`, role: 'api' },
  ]
  return { id: 'eng1', clientName: 'Shop', founderName: 'Fay', founderEmail: 'founder@shop.test', domain: DOMAIN, stage: 'demo-launch', vertical: 'bootstrapped-saas', notes: '', hosts, dkimSelectors: [], routes: [], privateTargets: [], createdAt: '', updatedAt: '', ...o }
}

/** DNS the checks see: the domain delegated to Cloudflare, apex/www/api addresses. */
export function defaultRecords(ns = CF_NS): DnsRecord[] {
  return [
    ...ns.map((n) => ({ name: DOMAIN, type: 'NS', data: n })),
    { name: DOMAIN, type: 'A', data: '192.0.2.10' },
    { name: `www.${DOMAIN}`, type: 'CNAME', data: DOMAIN },
    { name: `api.${DOMAIN}`, type: 'A', data: '192.0.2.11' },
  ]
}

export interface Sandbox {
  profile: NetworkProfile
  credentials: Record<string, string>
  canaries: string[]
  /** Run one check; `only` limits which sandbox credentials the run has. */
  run(check: CheckModule, o?: { engagement?: Engagement; only?: string[]; timeoutMs?: number; recorded?: CheckServices['recorded'] }): Promise<CheckOutcome>
  close(): Promise<void>
}

/** Start A2's provider APIs and A1's DNS server on loopback and build a real check context. */
export async function sandbox(spec: ProvidersInput, o: { records?: DnsRecord[]; requestMs?: number; extra?: (p: NetworkProfile) => NetworkProfile } = {}): Promise<Sandbox> {
  const providers = await startProviders(providersSchema.parse(spec), { domains: [DOMAIN] })
  const dns = await startDnsServer({ zones: [DOMAIN], records: o.records ?? defaultRecords(), recursive: true })
  const tmp = tempDir('handover-e2-')
  let profile: NetworkProfile = {
    ...DEFAULT_PROFILE,
    resolvers: [`${dns.host}:${dns.port}`],
    providers: providers.urls,
    timeouts: { ...DEFAULT_PROFILE.timeouts, dnsMs: 1000, requestMs: o.requestMs ?? 3000, checkMs: 20_000 },
  }
  if (o.extra) profile = o.extra(profile)
  const open: CheckServices[] = []
  return {
    profile,
    credentials: providers.credentials,
    canaries: providers.canaries,
    async run(check, r = {}) {
      const creds = providers.credentials
      const services = createServices(profile, {
        credentials: {
          get: async (p) => ((r.only ?? Object.keys(creds)).includes(p) && creds[p] ? { id: `lab-${p}`, provider: p, label: `lab ${p}`, secret: creds[p] } : null),
        },
        providers: createProviderServices(profile, { cacheDir: tmp.dir }),
        ...(r.recorded ? { recorded: r.recorded } : {}),
      })
      open.push(services)
      const ctx: CheckContext = {
        engagement: r.engagement ?? engagement(),
        domain: DOMAIN,
        target: DOMAIN,
        profile,
        thresholds: DEFAULT_THRESHOLDS,
        signal: AbortSignal.timeout(r.timeoutMs ?? 20_000),
        services,
      }
      return check.run(ctx)
    },
    async close() {
      for (const s of open) await Promise.all([s.providers.close(), s.http.close()])
      await providers.close()
      await dns.close()
      tmp.cleanup()
    },
  }
}

/** Every string in an outcome (summary, details, evidence) as one text, for leak assertions. */
export function outcomeText(o: CheckOutcome): string {
  return JSON.stringify(o)
}
