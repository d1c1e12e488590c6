import { randomUUID } from 'node:crypto'
import { STAGES, VERTICALS } from '@shared/schemas/engagement'
import { SprintService } from '../../electron/core/sprint/service'
import { loadTemplate } from '../../electron/core/sprint/templates'
import { CredentialRepo } from '../../electron/core/vault/repo'
import type { Workspace } from '../../electron/core/workspace'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const OUTCOMES = ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'warn', 'warn', 'fail', 'fail', 'error', 'skip'] as const

/** A small deterministic PRNG (mulberry32), so a seeded portfolio is the same every time. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Portfolio {
  ids: string[]
  /** Check results stored in all. */
  results: number
}

/**
 * Many engagements as a busy consultant's workspace holds them, written through the real
 * services where a person would act (sprints, fix order, verdicts, waivers) and as the runner
 * stores results: every fifth without a sprint, the others running, finished or out of time;
 * `runs` runs of every template check on three hosts; two credentials each, some due for rotation.
 */
export function seedPortfolio(ws: Workspace, o: { engagements: number; runs: number; now: Date; seed?: number }): Portfolio {
  const rnd = prng(o.seed ?? 1)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const sprints = new SprintService(ws)
  const creds = new CredentialRepo(ws.db)
  const items = loadTemplate().items
  const verdictItems = items.filter((i) => !i.gate)
  const checks = [...new Set(items.flatMap((i) => i.checks ?? []))]
  const now = o.now.getTime()
  const run = ws.db.prepare("INSERT INTO check_runs (id, engagement_id, started_at, finished_at, status) VALUES (?, ?, ?, ?, 'done')")
  const res = ws.db.prepare(
    'INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, 12, ?)',
  )
  const ids: string[] = []
  let results = 0
  for (let n = 0; n < o.engagements; n++) {
    const domain = `client-${n}.example`
    const e = ws.engagements.create({ domain, clientName: `Client ${n}`, hosts: ['www', 'app'], stage: STAGES[n % STAGES.length], vertical: VERTICALS[n % VERTICALS.length] } as never)
    ids.push(e.id)
    const kind = n % 5 // 0 no sprint, 1 early, 2 late, 3 finished, 4 out of time
    const started = now - [0, 5, 40, 60, 50][kind]! * HOUR
    if (kind) sprints.start(e.id, undefined, new Date(started))
    ws.db.transaction(() => {
      for (let r = 0; r < o.runs; r++) {
        const at = new Date(started + (r + 1) * (kind ? 1 : -1) * HOUR).toISOString()
        const runId = randomUUID()
        run.run(runId, e.id, at, at)
        for (const c of checks) {
          for (const host of [domain, `www.${domain}`, `app.${domain}`]) {
            res.run(runId, e.id, c, host, pick(OUTCOMES), `${c} on ${host}`, '{"observed":"something"}', at)
            results++
          }
        }
      }
    })()
    if (kind) {
      const when = (h: number) => new Date(started + h * HOUR)
      if (rnd() < 0.3) sprints.setItem(e.id, pick(items).id, { fixOrder: 1 + Math.floor(rnd() * 3) }, when(0.5))
      // a gate item's state comes from what it names (the inventory), never from a verdict
      if (rnd() < 0.3) sprints.setItem(e.id, pick(verdictItems).id, { status: pick(['doing', 'pass', 'fail', 'blocked'] as const) }, when(o.runs + 1))
      if (rnd() < 0.3) sprints.setItem(e.id, pick(verdictItems).id, { status: 'pass' }, when(0.2))
      if (rnd() < 0.4) sprints.waive(e.id, pick(items).id, { reason: 'Accepted for launch week', acceptedBy: 'Founder', expiresAt: when(rnd() < 0.5 ? 3 : 400).toISOString() }, when(0.1))
      if (kind === 3) sprints.finish(e.id, when(45))
    }
    for (const label of ['Cloudflare token', 'Vercel token']) {
      const due = rnd() < 0.5 ? null : new Date(now + (rnd() * 90 - 30) * DAY).toISOString().slice(0, 10)
      creds.insert({ id: randomUUID(), provider: label.startsWith('Cloud') ? 'cloudflare' : 'vercel', label, owner: 'consultant', engagementId: e.id, createdAt: new Date(now).toISOString(), rotationDue: due, rotationDays: 90 })
    }
  }
  return { ids, results }
}
