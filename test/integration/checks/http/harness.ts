import type { Engagement, Host } from '@shared/schemas/engagement'
import { executeCheck } from '../../../../electron/core/checks/execute'
import { createServices } from '../../../../electron/core/checks/services'
import { DEFAULT_THRESHOLDS, type CheckModule, type CheckOutcome, type Thresholds } from '../../../../electron/core/checks/types'
import type { NetworkProfile } from '../../../../electron/core/net/profile'

/** An engagement for `domain` with the given hosts (name → role). */
export function engagement(domain: string, hosts: Record<string, Host['role']> = {}): Engagement {
  const now = new Date().toISOString()
  return {
    id: `eng-${domain}`,
    clientName: 'Test client',
    founderName: '',
    founderEmail: '',
    domain,
    stage: 'demo-launch',
    vertical: 'bootstrapped-saas',
    notes: '',
    hosts: Object.entries(hosts).map(([name, role]) => ({ name, role })),
    dkimSelectors: [],
    routes: [],
    privateTargets: [],
    createdAt: now,
    updatedAt: now,
  }
}

/** Run one check the way the runner does (own services, timeout, error capture). */
export async function runCheck(
  check: CheckModule,
  profile: NetworkProfile,
  domain: string,
  target = domain,
  o: { role?: Host['role']; thresholds?: Partial<Thresholds>; routes?: string[] } = {},
): Promise<CheckOutcome> {
  const services = createServices(profile)
  const eng = { ...engagement(domain, target !== domain || o.role ? { [target]: o.role ?? 'other' } : {}), routes: o.routes ?? [] }
  const host = eng.hosts.find((h) => h.name === target)
  try {
    const ctx = { engagement: eng, domain, target, host, profile, thresholds: { ...DEFAULT_THRESHOLDS, ...o.thresholds }, services }
    return await executeCheck(check, ctx, new AbortController().signal, check.meta.timeoutMs ?? profile.timeouts.checkMs)
  } finally {
    await services.http.close()
  }
}
