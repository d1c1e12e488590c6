import { AppError } from '@shared/errors'
import { probeEndpointSchema, probeSettingsSchema, smokeFlowSchema, underDomain, type ProbeSettings, type ProbeSettingsInput } from '@shared/schemas/probes'
import { logChange } from '../workspace/changelog'
import type { Workspace } from '../workspace'
import type { Db } from '../workspace/db'

/** Entries of a stored JSON list that still pass their schema (an imported file may hold anything). */
function storedEntries<T>(text: string | undefined, parse: (v: unknown) => { success: boolean; data?: T }): T[] {
  let v: unknown
  try {
    v = JSON.parse(text ?? '[]')
  } catch {
    return []
  }
  if (!Array.isArray(v)) return []
  return v.flatMap((x) => {
    const r = parse(x)
    return r.success ? [r.data as T] : []
  })
}

/** The probe declarations of an engagement (empty lists when none were saved). */
export function readProbeSettings(db: Db, engagementId: string): ProbeSettings {
  const r = db.prepare<[string], { endpoints: string; flows: string }>('SELECT endpoints, flows FROM probe_settings WHERE engagement_id = ?').get(engagementId)
  return {
    endpoints: storedEntries(r?.endpoints, (x) => probeEndpointSchema.safeParse(x)).slice(0, 10),
    flows: storedEntries(r?.flows, (x) => smokeFlowSchema.safeParse(x)).slice(0, 5),
  }
}

/**
 * Save the declarations. Every URL must be the engagement's domain or under it (probes never
 * reach a third party), and a smoke step that posts a form must go to a staging or preview host.
 */
export function saveProbeSettings(ws: Workspace, engagementId: string, input: ProbeSettingsInput): ProbeSettings {
  const e = ws.engagements.get(engagementId)
  const s = probeSettingsSchema.parse(input)
  const problems: string[] = []
  for (const ep of s.endpoints) if (!underDomain(ep.url, e.domain)) problems.push(`the endpoint "${ep.id}" (${ep.url}) is not on ${e.domain} or a host under it`)
  const staging = new Set(e.hosts.filter((h) => h.role === 'staging' || h.role === 'preview').map((h) => h.name))
  for (const f of s.flows) {
    for (const st of f.steps) {
      if (!underDomain(st.url, e.domain)) problems.push(`the flow "${f.name}" goes to ${st.url}, which is not on ${e.domain}`)
      else if (st.method === 'POST' && !staging.has(new URL(st.url).hostname)) problems.push(`the flow "${f.name}" posts to ${new URL(st.url).hostname}: forms are posted only to a host declared as staging or preview`)
    }
  }
  if (problems.length) throw new AppError('invalid_input', problems[0], problems.map((message) => ({ path: 'probes', message })))
  ws.db.transaction(() => {
    ws.db
      .prepare(
        `INSERT INTO probe_settings (engagement_id, endpoints, flows, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(engagement_id) DO UPDATE SET endpoints = excluded.endpoints, flows = excluded.flows, updated_at = excluded.updated_at`,
      )
      .run(e.id, JSON.stringify(s.endpoints), JSON.stringify(s.flows), new Date().toISOString())
    logChange(ws.db, e.id, 'probes', 'declared', { endpoints: s.endpoints.map((x) => x.id), flows: s.flows.map((f) => f.name) })
  })()
  return s
}
