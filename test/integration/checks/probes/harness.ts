import type { Engagement } from '@shared/schemas/engagement'
import type { ProbeSettingsInput } from '@shared/schemas/probes'
import { createCore, type Core } from '../../../../electron/core/api'
import { runAudit } from '../../../../electron/core/checks/runner'
import { openWorkspace } from '../../../../electron/core/workspace'
import { startLab, type Lab, type Scenario } from '../../../../electron/lab'
import { callCore } from '../../../helpers/call'
import { tempDir } from '../../../helpers/tmp'

export const D = 'acme-launch.example'

/** The demo scenario's probe endpoints, as a consultant declares them. */
export const DEMO_ENDPOINTS = {
  appLogin: { id: 'app-login', kind: 'login', url: `https://app.${D}/api/login` },
  apiLogin: { id: 'api-login', kind: 'login', url: `https://api.${D}/auth/login` },
  assist: { id: 'assist', kind: 'ai', url: `https://api.${D}/v1/assist`, body: '{"prompt":"{prompt}"}', answerPath: 'answer', canary: 'ACME-CANARY-7Q4Z' },
  assistSafe: { id: 'assist-safe', kind: 'ai', url: `https://api.${D}/v1/assist-safe`, body: '{"prompt":"{prompt}"}', answerPath: 'answer', canary: 'ACME-CANARY-7Q4Z' },
} as const

export interface ProbeSandbox {
  lab: Lab
  core: Core
  engagement: Engagement
  call<T>(method: string, input?: unknown): Promise<T>
  declare(settings: ProbeSettingsInput): Promise<void>
  consent(o?: { endpointIds?: string[]; limits?: Record<string, number> }): Promise<void>
  audit(checkIds: string[]): Promise<Awaited<ReturnType<typeof runAudit>>>
  /** Evidence items of a kind, in chain order, with their data. */
  evidence(kind: string): { id: number; label: string; data: unknown }[]
  /** Requests the lab's host received for "METHOD /path". */
  received(host: string, key: string): number
  close(): Promise<void>
}

/** The demo lab, a fresh workspace and core, and the demo engagement with the scenario's hosts. */
export async function probeSandbox(scenario: Scenario | string = 'demo'): Promise<ProbeSandbox> {
  const tmp = tempDir('handover-probes-')
  const lab = await startLab(scenario)
  const core = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile)
  const call = <T>(method: string, input?: unknown) => callCore<T>(core, method, input)
  const e = await call<Engagement>('createEngagement', { domain: D, hosts: lab.scenario.hosts.map((h) => ({ name: h.name, role: h.role })) })
  return {
    lab,
    core,
    engagement: e,
    call,
    async declare(settings) {
      await call('saveProbeSettings', { engagementId: e.id, settings })
    },
    async consent(o = {}) {
      await call('recordProbeConsent', { engagementId: e.id, givenBy: 'Ada Founder', recordedBy: 'Casey Consultant', note: 'e-mail of 7 December', ...o })
    },
    audit: (checkIds) => runAudit({ workspace: core.workspace, events: core.events, engagement: core.workspace.engagements.get(e.id), profile: lab.profile, checkIds }),
    evidence: (kind) =>
      core.workspace.db
        .prepare<[string, string], { id: number }>('SELECT id FROM evidence WHERE engagement_id = ? AND kind = ? ORDER BY seq')
        .all(e.id, kind)
        .map((r) => core.workspace.evidence.get(r.id)!)
        .map((r) => ({ id: r.id, label: r.label, data: r.data })),
    received: (host, key) => lab.requests()[host]?.[key] ?? 0,
    async close() {
      core.workspace.close()
      await lab.close()
      tmp.cleanup()
    },
  }
}
