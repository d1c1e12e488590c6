import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppEvent } from '@shared/events'
import { EventBus } from '../../../../electron/core/events'
import { MAX_RUNNING_PAIRS, pairLoad, runAudit } from '../../../../electron/core/checks/runner'
import { CheckStore } from '../../../../electron/core/checks/persist'
import type { CheckMeta, CheckModule } from '../../../../electron/core/checks/types'
import { DEFAULT_PROFILE } from '../../../../electron/core/net/profile'
import { openWorkspace, type Workspace } from '../../../../electron/core/workspace'
import { tempDir } from '../../../helpers/tmp'

// Local checks by default: a network check makes the runner probe the network's DNS first (sanity before judgement).
const meta = (id: string, extra: Partial<CheckMeta> = {}): CheckMeta => ({ id, title: id, area: 'dns', stage: 'quick-audit', why: 'w', fix: 'f', scope: 'domain', network: false, ...extra })
const mod = (id: string, run: CheckModule['run'], extra: Partial<CheckMeta> = {}): CheckModule => ({ meta: meta(id, extra), run })

let tmp: ReturnType<typeof tempDir>
let ws: Workspace
beforeEach(() => {
  tmp = tempDir('handover-runner-')
  ws = openWorkspace(tmp.dir)
})
afterEach(() => {
  ws.close()
  tmp.cleanup()
})

function setup(hosts = ['www', 'app']) {
  const engagement = ws.engagements.create({ domain: 'example.com', hosts })
  const events = new EventBus()
  const seen: AppEvent[] = []
  events.on((e) => seen.push(e))
  return { engagement, events, seen }
}

describe('runAudit', () => {
  it('runs checks concurrently, per host for host scope, and records events', async () => {
    const { engagement, events, seen } = setup()
    let inFlight = 0
    let max = 0
    const gate: (() => void)[] = []
    const slow = (id: string, scope: CheckMeta['scope']) =>
      mod(id, async (ctx) => {
        inFlight++
        max = Math.max(max, inFlight)
        // Wait until every check has started: only possible if they run at the same time.
        await new Promise<void>((r) => {
          gate.push(r)
          if (gate.length === 5) gate.forEach((g) => g())
        })
        inFlight--
        return { status: 'pass', summary: `ok ${ctx.target}`, evidence: [{ kind: 'note', label: 'seen', data: { t: ctx.target } }] }
      }, { scope })
    const r = await runAudit({ workspace: ws, events, engagement, profile: DEFAULT_PROFILE, modules: [slow('a.one', 'domain'), slow('a.two', 'engagement'), slow('a.host', 'host')] })
    expect(max).toBe(5)
    expect(r.checks.map((c) => `${c.id} ${c.target}`)).toEqual(['a.host app.example.com', 'a.host example.com', 'a.host www.example.com', 'a.one example.com', 'a.two example.com'])
    expect(seen[0]).toMatchObject({ type: 'run.started', total: 5 })
    expect(seen.filter((e) => e.type === 'check.finished').map((e) => (e as { done: number }).done)).toEqual([1, 2, 3, 4, 5])
    expect(seen[seen.length - 1]).toMatchObject({ type: 'run.finished', cancelled: false })
  })

  it('ends a hanging check as error at its timeout and a throwing one as error, without stopping others', async () => {
    const { engagement, events } = setup([])
    const r = await runAudit({
      workspace: ws,
      events,
      engagement,
      profile: DEFAULT_PROFILE,
      modules: [
        mod('x.hang', () => new Promise(() => undefined), { timeoutMs: 50 }),
        mod('x.throw', async () => {
          throw new Error('resolver exploded\nstack')
        }),
        mod('x.ok', async () => ({ status: 'warn', summary: 'fine-ish' })),
      ],
    })
    const by = Object.fromEntries(r.checks.map((c) => [c.id, c]))
    expect(by['x.hang'].status).toBe('error')
    expect(by['x.hang'].summary).toMatch(/Timed out/)
    expect(by['x.throw']).toMatchObject({ status: 'error', summary: 'resolver exploded' })
    expect(by['x.ok']).toMatchObject({ status: 'warn', summary: 'fine-ish' })
  })

  it('aborts the check signal at the timeout', async () => {
    const { engagement, events } = setup([])
    let aborted = false
    await runAudit({
      workspace: ws,
      events,
      engagement,
      profile: DEFAULT_PROFILE,
      modules: [mod('x.sig', (ctx) => new Promise((res) => ctx.signal.addEventListener('abort', () => ((aborted = true), res({ status: 'pass', summary: 'late' })))), { timeoutMs: 30 })],
    })
    expect(aborted).toBe(true)
  })

  it('cancellation ends pending checks as error and marks the run cancelled', async () => {
    const { engagement, events, seen } = setup([])
    const ac = new AbortController()
    events.on((e) => e.type === 'check.finished' && ac.abort())
    const r = await runAudit({
      workspace: ws,
      events,
      engagement,
      profile: DEFAULT_PROFILE,
      signal: ac.signal,
      modules: [mod('c.fast', async () => ({ status: 'pass', summary: 'done' })), mod('c.slow', () => new Promise(() => undefined))],
    })
    expect(r.cancelled).toBe(true)
    expect(r.checks.find((c) => c.id === 'c.slow')).toMatchObject({ status: 'error', summary: 'Cancelled.' })
    expect(new CheckStore(ws.db, ws.evidence).getRun(r.runId)).toMatchObject({ status: 'cancelled', cancelled: true })
    expect(seen[seen.length - 1]).toMatchObject({ type: 'run.finished', cancelled: true })
  })

  it('offline: network checks end at once as error "offline", local ones still run', async () => {
    const { engagement, events } = setup([])
    let called = false
    const r = await runAudit({
      workspace: ws,
      events,
      engagement,
      profile: { ...DEFAULT_PROFILE, offline: true },
      modules: [mod('o.net', async () => ((called = true), { status: 'pass', summary: 'x' }), { network: true }), mod('o.local', async () => ({ status: 'pass', summary: 'local' }), { network: false })],
    })
    expect(called).toBe(false)
    expect(r.checks.find((c) => c.id === 'o.net')).toMatchObject({ status: 'error', summary: expect.stringMatching(/^offline/) })
    expect(r.checks.find((c) => c.id === 'o.local')?.status).toBe('pass')
    // The run waits in the offline queue for its one network check.
    expect(r.waiting).toEqual({ kind: 'offline', reason: 'this computer is offline', pending: 1 })
  })

  it('a database that goes away mid-run rejects with a clear error after run.finished', async () => {
    const { engagement, events, seen } = setup([])
    const p = runAudit({ workspace: ws, events, engagement, profile: DEFAULT_PROFILE, modules: [mod('d.gone', async () => (ws.db.close(), { status: 'pass', summary: 'x' }))] })
    await expect(p).rejects.toThrow(/results could not be saved/)
    expect(seen.at(-1)).toMatchObject({ type: 'run.finished' })
  })

  it('persists results and evidence (hash chain intact); latest result per check × target', async () => {
    const { engagement, events } = setup([])
    const m = (n: number) => mod('p.one', async () => ({ status: 'pass', summary: `run ${n}`, details: { n }, evidence: [{ kind: 'dns.answer', label: 'a', data: { n } }, { kind: 'dns.answer', label: 'b', data: { n } }] }))
    const first = await runAudit({ workspace: ws, events, engagement, profile: DEFAULT_PROFILE, modules: [m(1)] })
    const second = await runAudit({ workspace: ws, events, engagement, profile: DEFAULT_PROFILE, modules: [m(2)] })
    const store = new CheckStore(ws.db, ws.evidence)
    const latest = store.listResults(engagement.id)
    expect(latest).toHaveLength(1)
    expect(latest[0]).toMatchObject({ runId: second.runId, summary: 'run 2', details: { n: 2 } })
    expect(store.listResults(engagement.id, first.runId)[0].summary).toBe('run 1')
    const ids = store.evidenceIds(latest[0])
    expect(ids).toHaveLength(3)
    expect(ws.evidence.get(ids[0])).toMatchObject({ kind: 'check.result', checkId: 'p.one', status: 'pass' })
    expect(second.checks[0].evidenceId).toBe(ids[0])
    expect(ws.evidence.verify(engagement.id)).toMatchObject({ ok: true, count: 6 })
  })
})

describe('runAudit across runs: pairs running at once', () => {
  it('runs at most MAX_RUNNING_PAIRS check × target pairs at once in the process, and a queued pair’s timeout starts with its turn', async () => {
    const { engagement, events } = setup([])
    let inFlight = 0
    let max = 0
    // 2 × 64 pairs hold every slot until the third run's pairs are queued, then 60 ms more
    const hold = (id: string) =>
      mod(id, async () => {
        inFlight++
        max = Math.max(max, inFlight)
        for (let k = 0; k < 500 && pairLoad().waiting < 10; k++) await new Promise((r) => setTimeout(r, 10))
        await new Promise((r) => setTimeout(r, 60))
        inFlight--
        return { status: 'pass', summary: 'held' }
      })
    // each needs 5 ms but allows only 30: it passes only if the wait for a slot is not counted
    const quick = (id: string) =>
      mod(
        id,
        async () => {
          inFlight++
          max = Math.max(max, inFlight)
          await new Promise((r) => setTimeout(r, 5))
          inFlight--
          return { status: 'pass', summary: 'quick' }
        },
        { timeoutMs: 30 },
      )
    const many = (prefix: string, n: number, make: (id: string) => CheckModule) => Array.from({ length: n }, (_, i) => make(`${prefix}.c${i}`))
    const run = (modules: CheckModule[]) => runAudit({ workspace: ws, events, engagement, profile: DEFAULT_PROFILE, modules })
    const a = run(many('a', MAX_RUNNING_PAIRS / 2, hold))
    const b = run(many('b', MAX_RUNNING_PAIRS / 2, hold))
    // the third run starts once the first two fill every slot
    for (let k = 0; k < 500 && pairLoad().running < MAX_RUNNING_PAIRS; k++) await new Promise((r) => setTimeout(r, 10))
    expect(pairLoad().running).toBe(MAX_RUNNING_PAIRS)
    const c = run(many('q', 10, quick))
    const results = await Promise.all([a, b, c])
    expect(max).toBe(MAX_RUNNING_PAIRS)
    expect(results.flatMap((r) => r.checks).filter((x) => x.status !== 'pass')).toEqual([])
    expect(results[2].checks.map((x) => x.summary)).toEqual(Array(10).fill('quick'))
    expect(pairLoad()).toEqual({ running: 0, waiting: 0 })
  })
})
