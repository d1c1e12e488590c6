import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engagement } from '@shared/schemas/engagement'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { runAudit, selectChecks, type AuditResult } from '../../../electron/core/checks/runner'
import { memoryCredentialSource } from '../../../electron/core/vault/sources'
import { openWorkspace } from '../../../electron/core/workspace'
import { startLab, type Lab } from '../../../electron/lab'
import { tempDir } from '../../helpers/tmp'

/** A generous ceiling for the whole run: every check has its own timeout (30 s by default). */
const RUN_LIMIT_MS = 150_000
const RSS_LIMIT = 400 * 1024 * 1024

let lab: Lab
let core: Core
let tmp: { dir: string; cleanup(): void }
let result: AuditResult
let peakRss = 0
let engagementId = ''
const escaped: unknown[] = []
const onEscape = (e: unknown) => escaped.push(e)

beforeAll(async () => {
  tmp = tempDir('handover-hostile-')
  lab = await startLab('hostile')
  core = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile)
  process.on('uncaughtException', onEscape)
  process.on('unhandledRejection', onEscape)
  const created = await dispatch(core, 'createEngagement', { domain: lab.scenario.domains[0], hosts: lab.scenario.hosts.map((h) => ({ name: h.name, role: h.role })) })
  if (!created.ok) throw new Error(created.error.message)
  const engagement = created.value as Engagement
  engagementId = engagement.id

  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  let limit: NodeJS.Timeout | undefined
  try {
    const run = runAudit({
      workspace: core.workspace,
      events: core.events,
      engagement,
      profile: lab.profile,
      services: { credentials: memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))), repos: lab.endpoints.repos },
    })
    const timeout = new Promise<never>((_, reject) => (limit = setTimeout(() => reject(new Error(`the hostile audit did not finish within ${RUN_LIMIT_MS} ms`)), RUN_LIMIT_MS)))
    result = await Promise.race([run, timeout])
  } finally {
    clearTimeout(limit)
    clearInterval(sampler)
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
}, RUN_LIMIT_MS + 30_000)

afterAll(async () => {
  process.off('uncaughtException', onEscape)
  process.off('unhandledRejection', onEscape)
  core?.workspace.close()
  await lab?.close()
  tmp?.cleanup()
})

describe('hostile scenario end to end (every check against timeouts, garbage and hangs)', () => {
  it('finishes the whole audit inside the bound, with no uncaught error', () => {
    expect(result.cancelled).toBe(false)
    expect(result.checks.length).toBeGreaterThan(20)
    expect(escaped).toEqual([])
  })

  it('every check ends with a clear status and a summary a person can read', () => {
    const unclear = result.checks.filter((c) => !['pass', 'warn', 'fail', 'error', 'skip'].includes(c.status) || !c.summary.trim() || /undefined|\[object Object\]|NaN/.test(c.summary))
    expect(unclear).toEqual([])
  })

  it('no check outlives its own timeout (the executor ends hung checks)', () => {
    // A bound on hanging, not a speed claim: each check's deadline plus slack for a busy machine.
    const limit = new Map(selectChecks().map((c) => [c.meta.id, c.meta.timeoutMs ?? lab.profile.timeouts.checkMs]))
    const over = result.checks.filter((c) => c.durationMs > (limit.get(c.id) ?? lab.profile.timeouts.checkMs) + 10_000).map((c) => `${c.id} ${c.target}: ${c.durationMs} ms`)
    expect(over).toEqual([])
  })

  it('no check passes against a hostile target (the false-negative guard)', () => {
    // tls.protocols judges protocol versions only: a TLS 1.3-only host passes it even when its
    // certificate is broken (tls.cert fails those hosts). Every other check must not pass.
    const passed = result.checks.filter((c) => c.status === 'pass' && c.id !== 'tls.protocols').map((c) => `${c.id} ${c.target}: ${c.summary}`)
    expect(passed).toEqual([])
    expect(result.checks.filter((c) => c.id === 'tls.cert' && c.status === 'pass')).toEqual([])
  })

  it('every result and its evidence were recorded, and the evidence chain verifies', async () => {
    const missing = result.checks.filter((c) => c.resultId === null)
    expect(missing).toEqual([])
    const rows = core.workspace.db.prepare('SELECT COUNT(*) AS n FROM check_results WHERE run_id = ?').get(result.runId) as { n: number }
    expect(rows.n).toBe(result.checks.length)
    const chain = await dispatch(core, 'verifyEvidence', { id: engagementId })
    expect(chain).toMatchObject({ ok: true, value: { ok: true } })
    expect((chain as { value: { count: number } }).value.count).toBeGreaterThanOrEqual(result.checks.length)
  })

  it(`peak RSS during the run stays under ${RSS_LIMIT / 1024 / 1024} MB`, () => {
    expect(peakRss).toBeGreaterThan(0)
    expect(peakRss).toBeLessThan(RSS_LIMIT)
  })

  it('prints the outcome table for docs/hardening.md', () => {
    const by = (s: string) => result.checks.filter((c) => c.status === s).length
    console.log(`hostile: ${result.checks.length} checks in ${result.durationMs} ms; error ${by('error')}, fail ${by('fail')}, warn ${by('warn')}, skip ${by('skip')}, pass ${by('pass')}; peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`)
    for (const c of [...result.checks].sort((a, b) => a.id.localeCompare(b.id))) console.log(`  ${c.status.padEnd(5)} ${c.id.padEnd(18)} ${c.target.padEnd(26)} ${c.durationMs} ms  ${c.summary.slice(0, 110)}`)
  })
})
