import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunInfo } from '@shared/contract/checks'
import type { EngagementSummary } from '@shared/schemas/summary'
import type { SprintStatus } from '@shared/schemas/sprint'
import { createCore, type Core } from '../../../../electron/core/api'
import { runDone } from '../../../../electron/core/api/checks'
import { credentialService } from '../../../../electron/core/api/credentials'
import { createMemoryStore } from '../../../../electron/core/vault/memory-store'
import { memoryCredentialSource } from '../../../../electron/core/vault/sources'
import { openWorkspace } from '../../../../electron/core/workspace'
import { startLab, type Lab } from '../../../../electron/lab'
import { tempDir } from '../../../helpers/tmp'
import { callCore } from '../../../helpers/call'

const tmp = tempDir('handover-summaries-')
let lab: Lab
let core: Core

beforeAll(async () => {
  lab = await startLab('demo')
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  core = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile, credentials)
  // the vault's secrets in memory: no test touches a person's keychain
  credentialService(core, createMemoryStore())
})
afterAll(async () => {
  core.workspace.close()
  await lab.close()
  tmp.cleanup()
})

const call = <T>(method: string, input?: unknown) => callCore<T>(core, method, input)

const summaries = async () => new Map((await call<EngagementSummary[]>('engagementSummaries', {})).map((s) => [s.engagementId, s]))
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

describe('engagementSummaries on a workspace audited against the demo sandbox', () => {
  let quiet = ''
  let acme = ''
  let done = ''

  it('summarises an engagement without a sprint as not started, with nothing ranked', async () => {
    quiet = (await call<{ id: string }>('createEngagement', { domain: 'quiet.example', clientName: 'Quiet Co' })).id
    expect((await summaries()).get(quiet)).toEqual({
      engagementId: quiet,
      sprint: { state: 'none' },
      progress: null,
      worstRisk: null,
      openRisks: 0,
      riskScore: 0,
      open: { fail: 0, warn: 0 },
      lastRunAt: null,
      rotation: [],
    })
  })

  it('shows a started sprint’s clock, progress and the dashboard’s first risk after a failing run', async () => {
    acme = (await call<{ id: string }>('createEngagement', { domain: 'acme-launch.example', hosts: ['www', 'app', 'api', 'staging', 'docs'] })).id
    await call('startSprint', { engagementId: acme })
    const { runId } = await call<{ runId: string }>('runSprint', { engagementId: acme, stage: 'dns-routing' })
    await runDone(runId)

    const s = (await summaries()).get(acme)!
    const status = (await call<SprintStatus>('sprintStatus', { engagementId: acme }))!
    const [run] = await call<RunInfo[]>('listRuns', { engagementId: acme, limit: 1 })
    expect(s.sprint).toMatchObject({ state: 'running', block: 'Day 1 · morning' })
    expect(s.sprint.state === 'running' && s.sprint.msLeft).toBeGreaterThan(47 * 3_600_000)
    expect(s.progress).toEqual({ done: status.stages.reduce((n, x) => n + x.done, 0), total: status.items.length })
    expect(s.progress!.done).toBeGreaterThan(0)
    // the dashboard's first risk, and it is one the run found failing (dangling docs. record and co.)
    const top = status.risks[0]!
    expect(s.worstRisk).toEqual({ itemId: top.itemId, title: top.title, severity: top.severity, status: top.status })
    expect(s.worstRisk!.status).toBe('fail')
    expect(s.openRisks).toBe(status.risks.length)
    expect(s.open.fail).toBeGreaterThan(0)
    expect(s.open.fail).toBe(run!.counts.fail)
    expect(s.lastRunAt).toBe(run!.finishedAt)

    // the consultant reorders: the list follows the dashboard's fix order
    const second = status.risks[1]!
    await call('updateSprintItem', { engagementId: acme, itemId: second.itemId, patch: { fixOrder: 1 } })
    const reordered = (await call<SprintStatus>('sprintStatus', { engagementId: acme }))!
    expect(reordered.risks[0]!.itemId).toBe(second.itemId)
    expect((await summaries()).get(acme)!.worstRisk).toMatchObject({ itemId: second.itemId, title: second.title })
  }, 60_000)

  it('shows a finished sprint as finished, keeping its open risks', async () => {
    done = (await call<{ id: string }>('createEngagement', { domain: 'done.example' })).id
    await call('startSprint', { engagementId: done })
    const finished = await call<SprintStatus>('finishSprint', { engagementId: done })
    const s = (await summaries()).get(done)!
    expect(s.sprint).toEqual({ state: 'finished', finishedAt: finished.sprint.finishedAt })
    expect(s.worstRisk?.itemId).toBe(finished.risks[0]!.itemId)
  })

  it('lists credentials whose rotation is overdue or due within 14 days, and only those', async () => {
    const add = (label: string, rotationDue: string) =>
      call<{ id: string }>('addCredential', { provider: 'other', label, secret: `s3cret-${label.length}-value`, engagementId: quiet, rotationDue, verify: false })
    const overdue = await add('Registrar login', day(-3))
    const soon = await add('Uptime API key', day(10))
    await add('Hosting token', day(60))
    const s = (await summaries()).get(quiet)!
    expect(s.rotation).toEqual([
      { id: overdue.id, label: 'Registrar login', rotationDue: day(-3), state: 'overdue' },
      { id: soon.id, label: 'Uptime API key', rotationDue: day(10), state: 'soon' },
    ])
    expect((await summaries()).get(acme)!.rotation).toEqual([])
  })
})
