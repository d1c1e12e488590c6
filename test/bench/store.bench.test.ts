import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { canonicalJson } from '../../electron/core/evidence/canonical'
import { timelineCount, timelinePage, type TimelineFilter } from '../../electron/core/evidence/timeline'
import { latestResults } from '../../electron/core/sprint/results'
import { openWorkspace, type Workspace } from '../../electron/core/workspace'
import { tempDir } from '../helpers/tmp'
import { machine, percentile, record, round } from './results'

const N = 100_000
const BATCH = 1000
const SAMPLES = 200
const ROUNDS = 3
const tmp = tempDir('handover-bench-')
afterAll(() => tmp.cleanup())

const CHECKS = ['dns.hosts', 'http.https', 'tls.cert', 'mail.spf', 'http.routes']
const HOSTS = ['acme.example', 'www.acme.example', 'app.acme.example']
const STATUSES = ['pass', 'warn', 'fail', 'pass']

/** One evidence item of about 2 KB of canonical JSON (a DNS-answer-like body). */
function item(i: number) {
  return {
    kind: i % 3 ? 'dns' : 'http',
    label: `observation ${i}`,
    checkId: CHECKS[i % 5],
    target: HOSTS[i % 3],
    status: STATUSES[i % 4],
    data: { i, server: '127.0.0.1:5353', answers: Array.from({ length: 12 }, (_, k) => ({ name: `n${k}.acme.example`, ttl: 300, data: 'x'.repeat(120) })) },
  }
}
type Item = ReturnType<typeof item>

const COLS = 'engagement_id, seq, kind, label, check_id, target, status, created_at, body, prev_hash, hash'
/** Plain batched inserts of the same rows (JSON.stringify body, no hashing, no redaction) into `db`. */
function rawInserter(db: Database.Database, engagementId: string) {
  const ins = db.prepare(`INSERT INTO evidence (${COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
  const hash = 'f'.repeat(64) // same width as the store's SHA-256 hex, so rows are the same size
  let seq = 0
  return db.transaction((items: Item[]) => {
    const at = new Date().toISOString()
    for (const it of items) ins.run(engagementId, ++seq, it.kind, it.label, it.checkId, it.target, it.status, at, JSON.stringify(it.data), hash, hash)
  })
}

/** Time fn once, in ms. */
function time(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

describe('store benchmarks', () => {
  it('store.insert and store.query at 100k evidence items', () => {
    const ws = openWorkspace(join(tmp.dir, 'store'))
    const id = ws.engagements.create({ domain: 'acme.example', hosts: ['www', 'app'] } as never).id
    const bytes = canonicalJson(item(1).data).length

    // Baselines: a plain table (no indexes), and the workspace's own evidence table with all its
    // indexes, both fed with plain batched inserts. Batches are interleaved with the store's so
    // that load changes on a shared machine hit all three alike; items are built outside the timing.
    const plain = new Database(join(tmp.dir, 'raw.sqlite'))
    plain.pragma('journal_mode = WAL')
    plain.pragma('synchronous = NORMAL')
    plain.exec(`CREATE TABLE evidence (id INTEGER PRIMARY KEY, ${COLS})`)
    const indexed = openWorkspace(join(tmp.dir, 'raw-indexed'))
    const idx = indexed.engagements.create({ domain: 'acme.example' } as never).id
    const rawPlain = rawInserter(plain, id)
    const rawIndexed = rawInserter(indexed.db, idx)
    let plainMs = 0
    let indexedMs = 0
    let storeMs = 0
    for (let b = 0; b < N / BATCH; b++) {
      const items = Array.from({ length: BATCH }, (_, k) => item(b * BATCH + k))
      plainMs += time(() => rawPlain(items))
      indexedMs += time(() => rawIndexed(items))
      storeMs += time(() => ws.evidence.append(id, items))
    }
    plain.close()
    indexed.close()
    const ratio = plainMs / storeMs
    record('store.insert', {
      value: round(ratio),
      unit: 'ratio',
      target: '>= 0.5 of the raw rate',
      met: ratio >= 0.5,
      detail: {
        items: N,
        bytesPerItem: bytes,
        storeMs: round(storeMs, 0),
        rawMs: round(plainMs, 0),
        rawSameSchemaMs: round(indexedMs, 0),
        ratioVsSameSchema: round(indexedMs / storeMs),
        storePerSec: round(N / (storeMs / 1000), 0),
        baseline: 'raw = plain table, no indexes; rawSameSchema = the evidence table with its indexes',
        ...machine(),
      },
    })

    addResults(ws, id)
    const mid = ws.evidence.get(N / 2)!.createdAt
    const shapes: Record<string, (k: number) => Omit<TimelineFilter, 'engagementId'>> = {
      newest: () => ({}),
      checkHostStatus: (k) => ({ checkId: 'http.https', target: 'www.acme.example', status: STATUSES[k % 3] }),
      status: (k) => ({ status: STATUSES[k % 3] }),
      kindHost: () => ({ kind: 'http', target: 'acme.example' }),
      since: () => ({ from: mid }),
      keysetPage: (k) => ({ before: 1 + ((k * 7919) % N) }),
    }
    // Filters that match nothing walk the whole range of their leading index: the worst case.
    const empty: Record<string, () => Omit<TimelineFilter, 'engagementId'>> = {
      hostWithUnknownCheck: () => ({ target: 'www.acme.example', checkId: 'no.such-check' }),
      futureTime: () => ({ from: '2999-01-01T00:00:00.000Z' }),
    }
    const page = (f: Omit<TimelineFilter, 'engagementId'>) => () => timelinePage(ws.db, { engagementId: id, limit: 100, ...f })
    const tasks: Record<string, (k: number) => unknown> = { latest: () => latestResults(ws.db, id) }
    for (const [name, f] of Object.entries(shapes)) {
      tasks[`page.${name}`] = (k) => page(f(k))()
      if (name !== 'keysetPage') tasks[`count.${name}`] = (k) => timelineCount(ws.db, { engagementId: id, ...f(k) })
    }
    for (const [name, f] of Object.entries(empty)) tasks[`empty.${name}`] = page(f())
    const p95 = measure(tasks)
    const inTarget = Object.keys(p95).filter((k) => k === 'latest' || k.startsWith('page.'))
    const worst = Math.max(...inTarget.map((k) => p95[k].best))
    record('store.query', {
      value: round(worst),
      unit: 'ms p95',
      target: '<= 5 ms',
      met: worst <= 5,
      detail: {
        items: N,
        results: RUNS * CHECK_COUNT * HOSTS.length,
        samples: `${ROUNDS} rounds × ${SAMPLES}`,
        value: 'worst p95 (best round) of latest results and the timeline page shapes; counts and empty filters are reported, not in the target',
        bestRoundP95: Object.fromEntries(Object.entries(p95).map(([k, v]) => [k, v.best])),
        worstRoundP95: Object.fromEntries(Object.entries(p95).map(([k, v]) => [k, v.worst])),
        p50: Object.fromEntries(Object.entries(p95).map(([k, v]) => [k, v.p50])),
        cpuP95: Object.fromEntries(Object.entries(p95).map(([k, v]) => [k, v.cpuP95])),
        ...machine(),
      },
    })
    ws.close()
  })
})

const RUNS = 40
const CHECK_COUNT = 36

/** Results for the "latest per check" query: 40 runs × 36 checks × 3 targets. */
function addResults(ws: Workspace, id: string): void {
  const run = ws.db.prepare("INSERT INTO check_runs (id, engagement_id, started_at, status) VALUES (?, ?, ?, 'finished')")
  const res = ws.db.prepare("INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, finished_at) VALUES (?, ?, ?, ?, 'pass', 's', '{}', 5, ?)")
  ws.db.transaction(() => {
    for (let r = 0; r < RUNS; r++) {
      run.run(`run${r}`, id, new Date().toISOString())
      for (let c = 0; c < CHECK_COUNT; c++) for (const t of HOSTS) res.run(`run${r}`, id, `check.c${c}`, t, new Date().toISOString())
    }
  })()
}

/**
 * p95 and p50 of each task over ROUNDS rounds of SAMPLES calls (after 5 warm-up calls each:
 * statement cache, page cache), tasks interleaved per round. Other processes only ever add
 * time, so the best round is the figure and the worst round is reported beside it; the
 * process's CPU time per call (p95) shows what the query itself costs on a loaded machine.
 */
function measure(tasks: Record<string, (k: number) => unknown>): Record<string, { best: number; worst: number; p50: number; cpuP95: number }> {
  const rounds: Record<string, { p95: number[]; p50: number[]; cpu: number[] }> = {}
  for (const fn of Object.values(tasks)) for (let k = 0; k < 5; k++) fn(k)
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of Object.entries(tasks)) {
      const wall: number[] = []
      const cpu: number[] = []
      for (let k = 0; k < SAMPLES; k++) {
        const c = process.cpuUsage()
        wall.push(time(() => fn(k)))
        const d = process.cpuUsage(c)
        cpu.push((d.user + d.system) / 1000)
      }
      const acc = (rounds[name] ??= { p95: [], p50: [], cpu: [] })
      acc.p95.push(percentile(wall, 95))
      acc.p50.push(percentile(wall, 50))
      acc.cpu.push(percentile(cpu, 95))
    }
  }
  return Object.fromEntries(
    Object.entries(rounds).map(([k, v]) => [k, { best: round(Math.min(...v.p95)), worst: round(Math.max(...v.p95)), p50: round(Math.min(...v.p50)), cpuP95: round(Math.min(...v.cpu)) }]),
  )
}
