import { EventBus } from '../../../../electron/core/events'
import { runAudit } from '../../../../electron/core/checks/runner'
import { CheckStore } from '../../../../electron/core/checks/persist'
import { engagementCreateSchema, type EngagementCreate } from '@shared/schemas/engagement'
import { openWorkspace } from '../../../../electron/core/workspace'
import { memoryCredentialSource } from '../../../../electron/core/vault/sources'
import { loadScenario, startLab, type Scenario } from '../../../../electron/lab'
import type { RecordSpec, ZoneSpec } from '../../../../electron/lab/scenario/dns-schema'

/** The healthy scenario with changes to its one zone (records replaced by name+type, or removed). */
export function healthyWith(change: (zone: ZoneSpec) => void, records: RecordSpec[] = [], remove: { name: string; type: string }[] = []): Scenario {
  const s = structuredClone(loadScenario('healthy'))
  const zone = s.dns.zones['tidy.example']
  const drop = (r: RecordSpec) => [...records, ...remove].some((x) => x.name === r.name && x.type === r.type)
  zone.records = [...zone.records.filter((r) => !drop(r)), ...records]
  change(zone)
  return s
}

/**
 * Run some checks against a scenario for an engagement with extra fields (check settings…) in a
 * fresh in-memory workspace; returns status, summary and stored details by "id target".
 */
export async function auditWith(
  scenario: Scenario,
  checkIds: string[],
  fields: Omit<EngagementCreate, 'domain'> = {},
): Promise<Record<string, { status: string; summary: string; details: Record<string, unknown> }>> {
  const lab = await startLab(scenario)
  const ws = openWorkspace(':memory:')
  try {
    const engagement = ws.engagements.create(engagementCreateSchema.parse({ domain: scenario.domains[0], hosts: scenario.hosts.map((h) => h.name), ...fields }))
    const r = await runAudit({ workspace: ws, events: new EventBus(), engagement, profile: lab.profile, checkIds })
    const store = new CheckStore(ws.db, ws.evidence)
    return Object.fromEntries(
      r.checks.map((c) => [c.target === engagement.domain ? c.id : `${c.id} ${c.target}`, { status: c.status, summary: c.summary, details: (c.resultId != null && store.getResult(c.resultId)?.details) || {} }]),
    )
  } finally {
    ws.close()
    await lab.close()
  }
}

/**
 * Run some checks against a scenario in a fresh in-memory workspace; returns status and summary
 * by "id target". `withCredentials`: the lab's provider tokens too, as `audit --lab` has them.
 */
export async function runOn(scenario: Scenario, checkIds: string[], withCredentials = false): Promise<Record<string, { status: string; summary: string }>> {
  const lab = await startLab(scenario)
  const ws = openWorkspace(':memory:')
  try {
    const engagement = ws.engagements.create({ domain: scenario.domains[0], hosts: scenario.hosts.map((h) => h.name) })
    const credentials = withCredentials ? { credentials: memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))) } : {}
    const r = await runAudit({ workspace: ws, events: new EventBus(), engagement, profile: lab.profile, checkIds, services: credentials })
    return Object.fromEntries(r.checks.map((c) => [c.target === engagement.domain ? c.id : `${c.id} ${c.target}`, { status: c.status, summary: c.summary }]))
  } finally {
    ws.close()
    await lab.close()
  }
}
