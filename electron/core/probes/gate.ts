import { underDomain, type ProbeConsent, type ProbeEndpoint, type ProbeKind } from '@shared/schemas/probes'
import type { CheckContext, CheckOutcome, RecordedFacts } from '../checks/types'
import type { Db } from '../workspace/db'
import { activeProbeConsent } from './consent'
import { readProbeSettings } from './settings'

/** The workspace facts the probes read, for the run's `services.recorded`. */
export function probeFacts(db: Db): Required<Pick<RecordedFacts, 'probeConsent' | 'probeSettings'>> {
  return { probeConsent: (id) => activeProbeConsent(db, id), probeSettings: (id) => readProbeSettings(db, id) }
}

const same = (a: ProbeEndpoint, b: ProbeEndpoint) => JSON.stringify(a) === JSON.stringify(b)

export type Gate = { ok: true; consent: ProbeConsent; endpoints: ProbeEndpoint[]; changed: string[] } | { ok: false; outcome: CheckOutcome }

/**
 * The probe gate: the endpoints of the given kinds a probe may send requests to. Without a
 * recorded consent it answers a `skip` outcome and the probe sends nothing. With one, only
 * endpoints the consent lists, still declared exactly as consented, on the engagement's domain.
 */
export function consentedEndpoints(ctx: CheckContext, kinds: readonly ProbeKind[], what: string): Gate {
  const consent = ctx.services.recorded?.probeConsent?.(ctx.engagement.id) ?? null
  if (!consent) {
    return { ok: false, outcome: { status: 'skip', summary: `No consent recorded for probes: ${what} sent no request. Record the site owner's consent first.`, details: { consent: null } } }
  }
  const declared = ctx.services.recorded?.probeSettings?.(ctx.engagement.id).endpoints
  const changed: string[] = []
  const endpoints = consent.endpoints.filter((e) => {
    if (!kinds.includes(e.kind) || !underDomain(e.url, ctx.domain)) return false
    if (declared && !declared.some((d) => same(d, e))) {
      changed.push(e.id)
      return false
    }
    return true
  })
  if (!endpoints.length) {
    const why = changed.length ? `the consented endpoints ${changed.join(', ')} changed since the consent: record it again` : `the consent covers no ${kinds.join('/')} endpoint`
    return { ok: false, outcome: { status: 'skip', summary: `${what} sent no request: ${why}.`, details: { consent: consentRef(consent), changed } } }
  }
  return { ok: true, consent, endpoints, changed }
}

/** How a result names the consent it ran under. */
export function consentRef(c: ProbeConsent): Record<string, unknown> {
  return { id: c.id, givenBy: c.givenBy, recordedBy: c.recordedBy, recordedAt: c.recordedAt, limits: c.limits }
}
