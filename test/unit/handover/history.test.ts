import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { CheckStore } from '../../../electron/core/checks/persist'
import { fixedFindings } from '../../../electron/core/handover/facts/history'
import { latestResults } from '../../../electron/core/handover/results'
import { collectExposures } from '../../../electron/core/handover/exposures/collect'
import { recordRotation } from '../../../electron/core/handover/exposures/record'
import { verifyChain } from '../../../electron/core/evidence/coverage'
import { tempDir } from '../../helpers/tmp'

let ws: Workspace
let cleanup: () => void
let eid: string
let n = 0

type Status = 'pass' | 'warn' | 'fail' | 'error' | 'skip'
/** Store one run of results, `at` a fixed time so history has an order. */
function run(at: string, items: [string, string, Status, Record<string, unknown>?, string?][]) {
  const store = new CheckStore(ws.db, ws.evidence)
  const id = `run-${++n}`
  store.startRun(id, eid, at, items.length)
  store.saveBatch(id, eid, items.map(([checkId, target, status, details, summary]) => ({ checkId, target, outcome: { status, summary: summary ?? `${checkId} ${status}`, details: details ?? {} }, durationMs: 1, finishedAt: at })))
  store.finishRun(id, at, false)
}

beforeEach(() => {
  const t = tempDir()
  cleanup = t.cleanup
  ws = openWorkspace(t.dir)
  eid = ws.engagements.create({ domain: 'a.example', hosts: ['www'] } as never).id
})
afterEach(() => {
  ws.close()
  cleanup()
})

describe('honest history', () => {
  it('counts fail/error → pass as fixed, with what was found before; fail → warn and timings are not fixed', () => {
    run('2026-01-01T10:00:00Z', [['http.exposure', 'a.example', 'fail', {}, '/.env is served'], ['mail.dmarc', 'a.example', 'fail'], ['http.routes', 'a.example', 'fail'], ['dns.hosts', 'www.a.example', 'error', {}, 'timed out']])
    run('2026-01-01T12:00:00Z', [['http.exposure', 'a.example', 'pass'], ['mail.dmarc', 'a.example', 'warn'], ['http.routes', 'a.example', 'pass'], ['dns.hosts', 'www.a.example', 'pass']])
    const fixed = fixedFindings(ws.db, eid, latestResults(ws.db, eid))
    expect(fixed.map((f) => f.checkId).sort()).toEqual(['dns.hosts', 'http.exposure'])
    expect(fixed.find((f) => f.checkId === 'http.exposure')!.before).toEqual({ status: 'fail', summary: '/.env is served', at: '2026-01-01T10:00:00Z' })
  })

  it('keeps every secret ever exposed as rotate-now until a rotation is recorded after it was last seen', () => {
    const env = { probes: [{ path: '/.env', exposed: true, names: ['STRIPE_SECRET_KEY', 'DATABASE_URL'] }] }
    const repo = { findings: [{ rule: 'aws', title: 'AWS access key id', masked: 'AKIA…', path: 'lib/s3.ts', commit: 'abcdef1234', inWorkingTree: false }] }
    run('2026-01-01T10:00:00Z', [['http.exposure', 'a.example', 'fail', env], ['secrets.repo', eid, 'fail', repo]])
    run('2026-01-01T12:00:00Z', [['http.exposure', 'a.example', 'pass', { probes: [{ path: '/.env', exposed: false }] }], ['secrets.repo', eid, 'fail', repo]])
    const before = collectExposures(ws.db, eid)
    expect(before.map((x) => [x.name, x.system, x.stillExposed, !!x.rotation])).toEqual([
      ['DATABASE_URL', 'database', false, false],
      ['STRIPE_SECRET_KEY', 'payments', false, false],
      ['AWS access key id (AKIA…)', 'custom', true, false],
    ])
    expect(JSON.stringify(before)).not.toMatch(/sk_live|postgres:/)
    const stripe = before.find((x) => x.name === 'STRIPE_SECRET_KEY')!
    expect(() => recordRotation(ws, eid, { key: 'env-file:NOPE', by: 'Ada' })).toThrow(/no exposed secret/)
    expect(() => recordRotation(ws, eid, { key: stripe.key, by: 'Ada', rotatedAt: '2099-01-01' }, new Date('2026-01-02T00:00:00Z'))).toThrow(/future/)
    const after = recordRotation(ws, eid, { key: stripe.key, by: 'Ada', note: 'rolled in Stripe' }, new Date('2026-01-02T00:00:00Z'))
    expect(after.find((x) => x.key === stripe.key)!.rotation).toEqual({ at: '2026-01-02T00:00:00.000Z', by: 'Ada', note: 'rolled in Stripe' })
    const aws = after.find((x) => x.source === 'repo-history')!
    recordRotation(ws, eid, { key: aws.key, by: 'Ada' }, new Date('2026-01-02T00:00:00Z'))
    // Served again after the rotation: the new value is exposed too, so it is rotate-now again.
    // History keeps the old AWS key forever, but a rotation killed it: it stays settled.
    run('2026-01-03T10:00:00Z', [['http.exposure', 'a.example', 'fail', env], ['secrets.repo', eid, 'fail', repo]])
    const later = collectExposures(ws.db, eid)
    expect(later.find((x) => x.key === stripe.key)!.rotation).toBeNull()
    expect(later.find((x) => x.key === aws.key)!.rotation).not.toBeNull()
    expect(ws.db.prepare("SELECT COUNT(*) AS n FROM evidence WHERE engagement_id = ? AND kind = 'rotation'").get(eid)).toEqual({ n: 2 })
    // Rotations rest on the chain: a row edited outside the app no longer verifies.
    expect(verifyChain(ws.db, ws.evidence, eid).ok).toBe(true)
    ws.db.prepare("UPDATE secret_rotations SET rotated_by = 'Mallory' WHERE exposure_key = ?").run(stripe.key)
    expect(verifyChain(ws.db, ws.evidence, eid)).toMatchObject({ ok: false, reason: expect.stringMatching(/rotation of env-file:STRIPE_SECRET_KEY.*by is "Mallory" in the table/) })
  })
})
