import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import { probeEndpointSchema, probeLimitsSchema, type ProbeConsent, type ProbeEndpoint, type ProbeLimits } from '@shared/schemas/probes'
import { FACT } from '../evidence/facts'
import { redact } from '../vault/redact'
import { logChange } from '../workspace/changelog'
import type { Workspace } from '../workspace'
import type { Db } from '../workspace/db'
import { readProbeSettings } from './settings'

interface Row {
  id: string
  given_by: string
  recorded_by: string
  recorded_at: string
  endpoints: string
  limits: string
  note: string
  revoked_at: string | null
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function toConsent(r: Row): ProbeConsent {
  const eps = parseJson(r.endpoints)
  const limits = probeLimitsSchema.safeParse(parseJson(r.limits))
  return {
    id: r.id,
    givenBy: r.given_by,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    // Read defensively: only entries that still pass the schema are ever probed.
    endpoints: Array.isArray(eps) ? eps.flatMap((x) => (probeEndpointSchema.safeParse(x).success ? [probeEndpointSchema.parse(x)] : [])) : [],
    // A row whose limits do not parse allows the least: one request.
    limits: limits.success ? limits.data : { maxRequests: 1, perSecond: 1, aiCases: 1, aiTokens: 100 },
    note: r.note,
    revokedAt: r.revoked_at,
  }
}

/** The chained body of a consent row (the whole row after each change). */
export function consentFact(c: ProbeConsent): Record<string, unknown> {
  return { ...c }
}

/**
 * Record a site owner's consent: who agreed (`givenBy`), who records it, the declared endpoints it
 * covers (all declared ones unless `endpointIds` names some) exactly as declared now, and limits.
 * The row and its chained fact are written in one transaction.
 */
export function recordProbeConsent(
  ws: Workspace,
  engagementId: string,
  input: { givenBy: string; recordedBy: string; endpointIds?: string[]; limits?: Partial<ProbeLimits>; note?: string },
  now = new Date(),
): ProbeConsent {
  const e = ws.engagements.get(engagementId)
  const declared = readProbeSettings(ws.db, e.id).endpoints
  const ids = input.endpointIds?.length ? input.endpointIds : declared.map((d) => d.id)
  const unknown = ids.filter((id) => !declared.some((d) => d.id === id))
  if (unknown.length) throw new AppError('invalid_input', `no declared endpoint is named ${unknown.map((u) => `"${u}"`).join(', ')}: declare it first`)
  const endpoints: ProbeEndpoint[] = declared.filter((d) => ids.includes(d.id))
  if (!endpoints.length) throw new AppError('invalid_input', 'declare the endpoints to probe before recording consent')
  const c: ProbeConsent = {
    id: randomUUID(),
    givenBy: redact(input.givenBy.trim()),
    recordedBy: redact(input.recordedBy.trim()),
    recordedAt: now.toISOString(),
    endpoints,
    limits: probeLimitsSchema.parse(input.limits ?? {}),
    note: redact((input.note ?? '').trim()),
    revokedAt: null,
  }
  if (!c.givenBy) throw new AppError('invalid_input', 'say who agreed to the probes (the site owner)')
  if (!c.recordedBy) throw new AppError('invalid_input', 'say who records the consent')
  ws.db.transaction(() => {
    ws.db
      .prepare('INSERT INTO probe_consents (id, engagement_id, given_by, recorded_by, recorded_at, endpoints, limits, note, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)')
      .run(c.id, e.id, c.givenBy, c.recordedBy, c.recordedAt, JSON.stringify(c.endpoints), JSON.stringify(c.limits), c.note)
    ws.evidence.append(e.id, [{ kind: FACT.probeConsent, label: `Probe consent by ${c.givenBy}: ${endpoints.map((x) => x.id).join(', ')} (≤${c.limits.maxRequests} requests, ≤${c.limits.perSecond}/s)`, data: consentFact(c) }])
    logChange(ws.db, e.id, 'probes', 'consent', { id: c.id, endpoints: ids })
  })()
  return c
}

/** Revoke every consent still in force (rows keep their history; the chain states each again, revoked). Returns the newest. */
export function revokeProbeConsent(ws: Workspace, engagementId: string, by: string, now = new Date()): ProbeConsent {
  const e = ws.engagements.get(engagementId)
  return ws.db.transaction(() => {
    const live = listProbeConsents(ws.db, e.id).filter((c) => !c.revokedAt)
    if (!live.length) throw new AppError('not_found', 'no consent to revoke: the probes send nothing already')
    const who = redact(by.trim()) || 'the consultant'
    const revoked = live.map((cur) => {
      const next = { ...cur, revokedAt: now.toISOString() }
      ws.db.prepare('UPDATE probe_consents SET revoked_at = ? WHERE id = ?').run(next.revokedAt, cur.id)
      ws.evidence.append(e.id, [{ kind: FACT.probeConsent, label: `Probe consent by ${cur.givenBy} revoked by ${who}`, data: consentFact(next) }])
      return next
    })
    logChange(ws.db, e.id, 'probes', 'revoked', { ids: revoked.map((c) => c.id) })
    return revoked[revoked.length - 1]
  })()
}

/** Every consent of an engagement, oldest first. */
export function listProbeConsents(db: Db, engagementId: string): ProbeConsent[] {
  return db.prepare<[string], Row>('SELECT * FROM probe_consents WHERE engagement_id = ? ORDER BY recorded_at, id').all(engagementId).map(toConsent)
}

/** The consent probes run under: the newest one not revoked, or null (then no probe sends a request). */
export function activeProbeConsent(db: Db, engagementId: string): ProbeConsent | null {
  const r = db.prepare<[string], Row>('SELECT * FROM probe_consents WHERE engagement_id = ? AND revoked_at IS NULL ORDER BY recorded_at DESC, id DESC LIMIT 1').get(engagementId)
  return r ? toConsent(r) : null
}
