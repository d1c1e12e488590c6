import type { CheckInfo } from '@shared/contract/checks'
import type { TimelineItem } from '@shared/contract/evidence'
import type { ErrorInfo } from '@shared/errors'
import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { FullResult, ResultState, Hop, Cert, EvidenceView, ResultActions } from './types/results'

export type { FullResult, ResultState, Hop, Cert, EvidenceView, ResultActions } from './types/results'

export const initialResult: ResultState = { resultId: null, loading: false, data: null, history: [], error: null, catalog: null, latest: null, rerun: null }

/** Wait until the run events say a run ended: checked every 200 ms, for at most 10 minutes (a run's own limit is lower). */
async function runEnded(ended: () => boolean): Promise<void> {
  for (let i = 0; i < 3000 && !ended(); i++) await new Promise((r) => setTimeout(r, 200))
  if (!ended()) throw new Error('the run did not report its end within 10 minutes')
}

/** Opening a result: keep the catalog, forget the previous result. */
export function resultRequested(s: ResultState, resultId: number): ResultState {
  return { ...initialResult, catalog: s.catalog, latest: s.latest, resultId, loading: true }
}

/** The result (and its history) arrived; a late answer for another result is ignored. */
export function resultLoaded(s: ResultState, data: FullResult, history: TimelineItem[]): ResultState {
  if (s.resultId !== data.id) return s
  return { ...s, loading: false, data, history, error: null }
}

/** Loading failed: say why, in place. */
export function resultFailed(s: ResultState, resultId: number, error: ErrorInfo): ResultState {
  return s.resultId === resultId ? { ...s, loading: false, error } : s
}

/** The catalog entry of a check, if known. */
export function checkOf(catalog: CheckInfo[] | null, checkId: string): CheckInfo | null {
  return catalog?.find((c) => c.id === checkId) ?? null
}

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v))
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** Headers as sorted name/value pairs, from an object or a list of pairs. */
export function headerPairs(h: unknown): [string, string][] {
  const out: [string, string][] = []
  if (Array.isArray(h)) for (const p of h) if (Array.isArray(p) && p.length >= 2) out.push([str(p[0]), str(p[1])])
  if (obj(h)) for (const [k, v] of Object.entries(h)) for (const one of Array.isArray(v) ? v : [v]) out.push([k, str(one)])
  return out.sort((a, b) => a[0].localeCompare(b[0]))
}

function hopOf(h: Record<string, unknown>): Hop {
  const headers = headerPairs(h.headers)
  const timing = obj(h.timing) ? h.timing : {}
  return {
    url: str(h.url),
    status: num(h.status),
    location: headers.find(([k]) => k.toLowerCase() === 'location')?.[1] ?? null,
    ms: num(timing.totalMs) ?? num(timing.total) ?? num(h.ms),
  }
}

function findCerts(data: Record<string, unknown>): Cert[] | null {
  for (const v of Object.values(data)) {
    if (Array.isArray(v) && v.length && v.every((c) => obj(c) && typeof c.pem === 'string'))
      return v.map((c: Record<string, unknown>) => ({ subject: str(c.subject), issuer: str(c.issuer), validFrom: str(c.validFrom), validTo: str(c.validTo ?? c.validUntil), pem: str(c.pem) }))
  }
  return null
}

/** Pick the presentation for one evidence item's data. */
export function evidenceView(data: unknown): EvidenceView {
  if (!obj(data)) return { type: 'json' }
  if (Array.isArray(data.answers) && obj(data.question)) {
    const records = [...data.answers, ...(Array.isArray(data.authorities) ? data.authorities : [])].filter(obj)
    return {
      type: 'dns',
      server: str(data.serverName ? `${str(data.server)} (${str(data.serverName)})` : data.server),
      question: `${str(data.question.name)} ${str(data.question.type)}`,
      rcode: str(data.rcode),
      ms: num(data.ms),
      records: records.map((r) => ({ name: str(r.name), type: str(r.type), ttl: num(r.ttl) ?? 0, data: str(r.data) })),
    }
  }
  if (Array.isArray(data.hops) && data.hops.length) return { type: 'redirects', hops: data.hops.filter(obj).map(hopOf) }
  const certs = findCerts(data)
  if (certs) return { type: 'certs', certs }
  if (data.headers !== undefined && (obj(data.headers) || Array.isArray(data.headers)))
    return { type: 'http', url: str(data.url), status: num(data.status), headers: headerPairs(data.headers), body: typeof data.bodyExcerpt === 'string' ? data.bodyExcerpt : typeof data.body === 'string' ? data.body : null }
  return { type: 'json' }
}

type Api = SliceApi

/** Store actions of the result detail screen; they hand answers to the transitions above. */
export function resultActions(transport: Transport, set: Api['setState'], get: Api['getState']): ResultActions {
  const patch = (f: (r: ResultState) => ResultState) => set((s) => ({ result: f(s.result) }))
  const load = async (resultId: number): Promise<FullResult | null> => {
    patch((r) => resultRequested(r, resultId))
    try {
      const catalog = get().result.catalog ?? (await transport.call('listChecks'))
      patch((r) => ({ ...r, catalog }))
      const data = await transport.call('getResult', { resultId })
      const page = await transport.call('evidenceTimeline', { engagementId: data.engagementId, checkId: data.checkId, target: data.target, kind: 'check.result', limit: 50, count: false })
      patch((r) => resultLoaded(r, data, page.rows))
      return data
    } catch (e) {
      patch((r) => resultFailed(r, resultId, toErrorInfo(e)))
      return null
    }
  }
  return {
    loadResult: async (resultId) => void (await load(resultId)),
    async openResult(resultId) {
      const data = await load(resultId)
      if (data) get().navigate({ name: 'result', id: data.engagementId, resultId })
      else get().toast({ kind: 'error', title: 'Could not open the result', detail: get().result.error?.message })
    },
    async loadLatestResults(engagementId) {
      patch((r) => ({ ...r, latest: { engagementId, items: null, error: null } }))
      try {
        const items = await transport.call('listResults', { engagementId })
        patch((r) => (r.latest?.engagementId === engagementId ? { ...r, latest: { engagementId, items, error: null } } : r))
      } catch (e) {
        patch((r) => (r.latest?.engagementId === engagementId ? { ...r, latest: { engagementId, items: [], error: toErrorInfo(e) } } : r))
      }
    },
    async rerunResult(engagementId, checkId, target) {
      if (get().result.rerun) return
      patch((r) => ({ ...r, rerun: 'starting' }))
      try {
        const { runId } = await transport.call('runAudit', { engagementId, checkIds: [checkId] })
        patch((r) => ({ ...r, rerun: runId }))
        await runEnded(() => get().activity.find((a) => a.runId === runId)?.finishedAt != null)
        const all = await transport.call('listResults', { engagementId })
        const hit = all.find((r) => r.checkId === checkId && r.target === target)
        patch((r) => ({ ...r, rerun: null }))
        if (hit) await get().openResult(hit.id)
      } catch (e) {
        patch((r) => ({ ...r, rerun: null }))
        get().toast({ kind: 'error', title: 'Could not re-run the check', detail: toErrorInfo(e).message })
      }
    },
    async openLatestResult(engagementId, checkId, target) {
      try {
        const all = await transport.call('listResults', { engagementId })
        const hit = all.find((r) => r.checkId === checkId && r.target === target)
        if (hit) await get().openResult(hit.id)
        else get().toast({ kind: 'info', title: 'No stored result for this check', detail: `${checkId} on ${target}` })
      } catch (e) {
        get().toast({ kind: 'error', title: 'Could not list results', detail: toErrorInfo(e).message })
      }
    },
  }
}
