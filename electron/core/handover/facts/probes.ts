import type { ProbeConsent } from '@shared/schemas/probes'
import type { Workspace } from '../../workspace'
import { listProbeConsents } from '../../probes/consent'
import { hasTable, type ResultRow } from '../results'

/** What the probes found, for the handover: the consent they ran under and each probe's latest result. */
export interface ProbesView {
  consents: (Pick<ProbeConsent, 'givenBy' | 'recordedBy' | 'recordedAt' | 'revokedAt' | 'limits' | 'note'> & { endpoints: string[] })[]
  rateLimit: { status: string; summary: string; endpoints: { id: string; url: string; requests: number; limitedAfter: number | null; signal: string | null; status: string }[] } | null
  ai: { status: string; summary: string; set: string; endpoints: { id: string; leakedClasses: string[]; cases: { id: string; class: string; verdict: string; how?: string }[] }[] } | null
  errorTracking: { status: string; summary: string; trackers: { name: string; release?: string; key?: { value: string; note: string } }[] } | null
  smoke: { status: string; summary: string; flows: { name: string; ok: boolean; steps: { n: number; request: string; expected: string; got: string; ok: boolean }[] }[] } | null
}

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : [])

/** Read the probes' consents and their latest results (the exact detail shapes the checks record). */
export function probesView(ws: Workspace, engagementId: string, latest: readonly ResultRow[]): ProbesView {
  const one = (id: string) => latest.find((r) => r.checkId === id && r.status !== 'skip') ?? latest.find((r) => r.checkId === id)
  const rl = one('abuse.rate-limit')
  const ai = one('ai.injection')
  const et = one('obs.error-tracking')
  const sm = one('http.smoke')
  return {
    consents: hasTable(ws.db, 'probe_consents')
      ? listProbeConsents(ws.db, engagementId).map((c) => ({ givenBy: c.givenBy, recordedBy: c.recordedBy, recordedAt: c.recordedAt, revokedAt: c.revokedAt, limits: c.limits, note: c.note, endpoints: c.endpoints.map((e) => `${e.id} (${e.method} ${e.url})`) }))
      : [],
    rateLimit: rl ? { status: rl.status, summary: rl.summary, endpoints: arr(rl.details.endpoints) } : null,
    ai: ai ? { status: ai.status, summary: ai.summary, set: String(ai.details.set ?? ''), endpoints: arr(ai.details.endpoints) } : null,
    errorTracking: et ? { status: et.status, summary: et.summary, trackers: arr(et.details.trackers) } : null,
    smoke: sm ? { status: sm.status, summary: sm.summary, flows: arr(sm.details.flows) } : null,
  }
}
