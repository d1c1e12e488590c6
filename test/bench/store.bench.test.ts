import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { canonicalJson } from '../../electron/core/evidence/canonical'
import { timelinePage } from '../../electron/core/evidence/timeline'
import { latestResults } from '../../electron/core/sprint/results'
import { openWorkspace } from '../../electron/core/workspace'
import { tempDir } from '../helpers/tmp'
import { percentile, record, round } from './results'

const N = 100_000
const BATCH = 1000
const tmp = tempDir('handover-bench-')
afterAll(() => tmp.cleanup())

function item(i: number) {
  return {
    kind: i % 3 ? 'dns' : 'http',
    label: `observation ${i}`,
    checkId: ['dns.hosts', 'http.https', 'tls.cert', 'mail.spf', 'http.routes'][i % 5],
    target: ['acme.example', 'www.acme.example', 'app.acme.example'][i % 3],
    status: ['pass', 'warn', 'fail', 'pass'][i % 4],
    data: { i, server: '127.0.0.1:5353', answers: Array.from({ length: 12 }, (_, k) => ({ name: `n${k}.acme.example`, ttl: 300, data: 'x'.repeat(120) })) },
  }
}

describe('store benchmarks', () => {
  it('store.insert and store.query at 100k evidence items', () => {
    const ws = openWorkspace(join(tmp.dir, 'store'))
    const id = ws.engagements.create({ domain: 'acme.example', hosts: ['www', 'app'] } as never).id
    const bytes = canonicalJson(item(1).data).length

    // Raw baseline: the same rows (same table, same canonical body text) through plain batched inserts, no hashing.
    const raw = new Database(join(tmp.dir, 'raw.sqlite'))
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    raw.exec('CREATE TABLE evidence (id INTEGER PRIMARY KEY, engagement_id TEXT, seq INTEGER, kind TEXT, label TEXT, check_id TEXT, target TEXT, status TEXT, created_at TEXT, body TEXT, prev_hash TEXT, hash TEXT)')
    const ins = raw.prepare('INSERT INTO evidence (engagement_id, seq, kind, label, check_id, target, status, created_at, body, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
    const t0 = performance.now()
    for (let b = 0; b < N / BATCH; b++) {
      raw.transaction(() => {
        for (let i = b * BATCH; i < (b + 1) * BATCH; i++) {
          const it = item(i)
          ins.run(id, i + 1, it.kind, it.label, it.checkId, it.target, it.status, new Date().toISOString(), JSON.stringify(it.data), '', '')
        }
      })()
    }
    const rawMs = performance.now() - t0
    raw.close()

    const t1 = performance.now()
    for (let b = 0; b < N / BATCH; b++) ws.evidence.append(id, Array.from({ length: BATCH }, (_, k) => item(b * BATCH + k)))
    const storeMs = performance.now() - t1
    const ratio = rawMs / storeMs
    record('store.insert', {
      value: round(ratio),
      unit: 'ratio',
      target: '>= 0.5 of the raw rate',
      met: ratio >= 0.5,
      detail: { items: N, bytesPerItem: bytes, storeMs: round(storeMs, 0), rawMs: round(rawMs, 0), storePerSec: round(N / (storeMs / 1000), 0) },
    })

    // Results for the "latest per check" query: 40 runs × 36 checks × 3 targets.
    const res = ws.db.prepare("INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, finished_at) VALUES (?, ?, ?, ?, 'pass', 's', '{}', 5, ?)")
    ws.db.transaction(() => {
      for (let r = 0; r < 40; r++) {
        ws.db.prepare("INSERT INTO check_runs (id, engagement_id, started_at, status) VALUES (?, ?, ?, 'finished')").run(`run${r}`, id, new Date().toISOString())
        for (let c = 0; c < 36; c++) for (let t = 0; t < 3; t++) res.run(`run${r}`, id, `check.c${c}`, `t${t}.acme.example`, new Date().toISOString())
      }
    })()
    const latest: number[] = []
    const page: number[] = []
    for (let k = 0; k < 200; k++) {
      let s = performance.now()
      latestResults(ws.db, id)
      latest.push(performance.now() - s)
      s = performance.now()
      timelinePage(ws.db, { engagementId: id, checkId: 'http.https', status: ['pass', 'fail', 'warn'][k % 3], target: 'www.acme.example', limit: 100 })
      page.push(performance.now() - s)
    }
    const p95 = Math.max(percentile(latest, 95), percentile(page, 95))
    record('store.query', {
      value: round(p95),
      unit: 'ms p95',
      target: '<= 5 ms',
      met: p95 <= 5,
      detail: { items: N, results: 40 * 36 * 3, latestP95: round(percentile(latest, 95)), timelineP95: round(percentile(page, 95)), samples: 200 },
    })
    ws.close()
  })
})
