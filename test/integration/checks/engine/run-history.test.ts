import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckResultInfo, RunChanges, RunInfo } from '@shared/contract/checks'
import { createCore, dispatch, type Core } from '../../../../electron/core/api'
import { runDone } from '../../../../electron/core/api/checks'
import { improved } from '../../../../electron/core/checks/history'
import { CheckStore } from '../../../../electron/core/checks/persist'
import { memoryCredentialSource } from '../../../../electron/core/vault/sources'
import { openWorkspace } from '../../../../electron/core/workspace'
import { startLab, type Lab } from '../../../../electron/lab'
import { tempDir } from '../../../helpers/tmp'

const tmp = tempDir('handover-run-history-')
let lab: Lab
let open: Core[] = []

/** A core on the workspace file, as the app or the CLI opens it at the start of a session. */
function session(): Core {
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  const core = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile, credentials)
  open.push(core)
  return core
}

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await dispatch(core, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

beforeAll(async () => {
  lab = await startLab('demo')
})
afterAll(async () => {
  for (const c of open) c.workspace.close()
  await lab.close()
  tmp.cleanup()
})

const count = (rs: CheckResultInfo[], status: string) => rs.filter((r) => r.status === status).length

describe('run history across sessions', () => {
  let engagementId = ''
  let first = ''
  let second = ''

  it('runs the sprint, fixes DNS in the lab (docs no longer dangles) and re-runs only the failed items', async () => {
    const core = session()
    const e = await call<{ id: string }>(core, 'createEngagement', { domain: 'acme-launch.example', hosts: ['www', 'app', 'api', 'staging', 'docs'] })
    engagementId = e.id
    await call(core, 'startSprint', { engagementId })
    first = (await call<{ runId: string }>(core, 'runSprint', { engagementId })).runId
    await runDone(first)
    await lab.applyFix('fix-dns')
    const rerun = await call<{ runId: string; checkIds: string[] }>(core, 'runSprint', { engagementId, failed: true })
    second = rerun.runId
    await runDone(second)
    expect(rerun.checkIds).toContain('dns.dangling')
    // the re-run covered fewer checks than the full run
    const [a, b] = await Promise.all([first, second].map((runId) => call<CheckResultInfo[]>(core, 'listResults', { engagementId, runId })))
    expect(b!.length).toBeLessThan(a!.length)
    core.workspace.close()
    open = []
  }, 120_000)

  it('a new session lists both runs, newest first, with their counts', async () => {
    const core = session()
    const runs = await call<RunInfo[]>(core, 'listRuns', { engagementId })
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [second, 'finished'],
      [first, 'finished'],
    ])
    for (const run of runs) {
      const results = await call<CheckResultInfo[]>(core, 'listResults', { engagementId, runId: run.id })
      expect(run.counts).toEqual({ pass: count(results, 'pass'), warn: count(results, 'warn'), fail: count(results, 'fail'), error: count(results, 'error'), skip: count(results, 'skip') })
      expect(run.total).toBe(results.length)
      expect(run.finishedAt! >= run.startedAt).toBe(true)
    }
    expect(runs[1]!.counts.fail).toBeGreaterThan(0)
    expect(await call<RunInfo[]>(core, 'listRuns', { engagementId, limit: 1 })).toHaveLength(1)
  })

  it('a new session shows what the re-run changed against the full run: the dangling record went from fail to pass', async () => {
    const core = session()
    const runs = await call<RunInfo[]>(core, 'listRuns', { engagementId })
    const changes = await call<RunChanges>(core, 'runChanges', { engagementId })
    expect(changes.runId).toBe(second)
    expect(changes.previousRunAt).toBe(runs[1]!.startedAt)
    const fixed = changes.rows.find((r) => r.key === 'dns.dangling@acme-launch.example')
    expect(fixed).toMatchObject({ checkId: 'dns.dangling', target: 'acme-launch.example', before: 'fail', after: 'pass' })
    expect(changes.rows.every((r) => r.before !== r.after)).toBe(true)
    // the row points at the re-run's stored result
    const result = await call<CheckResultInfo>(core, 'getResult', { resultId: fixed!.resultId })
    expect(result).toMatchObject({ runId: second, status: 'pass' })
    // improvements come before regressions
    const better = changes.rows.map(improved)
    expect(better).toEqual([...better].sort((x, y) => Number(y) - Number(x)))
    // the full run was the first: nothing to compare it with
    expect(await call<RunChanges>(core, 'runChanges', { engagementId, runId: first })).toEqual({ runId: first, previousRunAt: null, rows: [] })
  })

  it('marks a run left running by a process that ended as interrupted, and a cancelled run as cancelled', async () => {
    const core = session()
    const e = await call<{ id: string }>(core, 'getEngagement', { id: engagementId })
    // a run row another (killed) process started and never finished
    new CheckStore(core.workspace.db, core.workspace.evidence).startRun('killed-run', e.id, new Date().toISOString(), 12)
    const { runId } = await call<{ runId: string }>(core, 'runAudit', { engagementId, checkIds: ['dns.dangling'] })
    expect(await call(core, 'cancelRun', { runId })).toEqual({ cancelled: true })
    await runDone(runId)
    const runs = await call<RunInfo[]>(core, 'listRuns', { engagementId })
    expect(runs.slice(0, 3).map((r) => [r.id, r.status])).toEqual([
      [runId, 'cancelled'],
      ['killed-run', 'interrupted'],
      [second, 'finished'],
    ])
    expect(runs[1]).toMatchObject({ finishedAt: null, total: 12, counts: { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 } })
  })

  it('refuses an unknown engagement, a run of another engagement and a limit out of range', async () => {
    const core = session()
    const other = await call<{ id: string }>(core, 'createEngagement', { domain: 'other.example' })
    const bad = async (method: string, input: unknown) => {
      const r = await dispatch(core, method, input)
      return r.ok ? 'ok' : r.error.code
    }
    expect(await bad('listRuns', { engagementId: 'nope.example' })).toBe('not_found')
    expect(await bad('runChanges', { engagementId: 'nope.example' })).toBe('not_found')
    expect(await bad('runChanges', { engagementId: other.id, runId: first })).toBe('not_found')
    expect(await bad('listRuns', { engagementId, limit: 0 })).toBe('invalid_input')
    expect(await bad('listRuns', { engagementId, limit: 201 })).toBe('invalid_input')
    expect(await call<RunChanges>(core, 'runChanges', { engagementId: other.id })).toEqual({ runId: null, previousRunAt: null, rows: [] })
    expect(await call<RunInfo[]>(core, 'listRuns', { engagementId: other.id })).toEqual([])
  })
})
