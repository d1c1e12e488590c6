import { afterAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../electron/core/workspace'
import { MIGRATIONS } from '../../../electron/core/workspace/migrations'
import { verifyChain } from '../../../electron/core/evidence/coverage'
import { SprintService } from '../../../electron/core/sprint/service'
import { tempDir } from '../../helpers/tmp'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('a workspace from before chained state', () => {
  it('adopts its tables into each chain once at upgrade, then names any later edit', () => {
    // The previous version: no anchors, no adoption; state written to the tables only.
    const old = openWorkspace(tmp.dir, { migrations: MIGRATIONS.filter((m) => !['013-evidence-anchors', '051-chain-adoption'].includes(m.id)) })
    const e = old.engagements.create({ domain: 'legacy.example', hosts: ['www'] } as never)
    const [ev] = old.evidence.append(e.id, [{ kind: 'check.result', label: 'http.https www: fail', checkId: 'http.https', target: 'www.legacy.example', status: 'fail', data: { status: 'fail', summary: 'plain HTTP', details: {}, durationMs: 3 } }])
    old.db.exec(`
      INSERT INTO check_runs (id, engagement_id, started_at, status) VALUES ('r1', '${e.id}', '2024-05-01T10:00:00.000Z', 'done');
      INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, evidence_id, finished_at)
        VALUES ('r1', '${e.id}', 'http.https', 'www.legacy.example', 'fail', 'plain HTTP', '{}', 3, ${ev}, '2024-05-01T10:00:01.000Z');
      INSERT INTO sprints (id, engagement_id, template_id, started_at, ends_at) VALUES ('s1', '${e.id}', 'launch-ready', '2024-05-01T09:00:00.000Z', '2024-05-03T09:00:00.000Z');
      INSERT INTO sprint_items (sprint_id, item_id, status, owner, notes, updated_at) VALUES ('s1', 'dnssec', NULL, 'Ada', 'later', '2024-05-01T11:00:00.000Z');
      INSERT INTO waivers (sprint_id, item_id, reason, accepted_by, expires_at, created_at, revoked_at) VALUES ('s1', 'dnssec', 'no DS', 'Founder', '2024-06-01T00:00:00.000Z', '2024-05-01T12:00:00.000Z', '2024-05-02T12:00:00.000Z');
      INSERT INTO runbook_runs (id, engagement_id, runbook_id, started_at, current_step, by, inputs) VALUES ('rb1', '${e.id}', 'dns-broke-site', '2024-05-01T13:00:00.000Z', 'check-now', 'Ada', '{"last_change":"MX"}');
    `)
    old.close()

    const ws = openWorkspace(tmp.dir)
    try {
      const kinds = ws.db.prepare("SELECT kind FROM evidence WHERE engagement_id = ? ORDER BY seq").pluck().all(e.id)
      expect(kinds).toEqual(['check.result', 'state.adopted'])
      expect(verifyChain(ws.db, ws.evidence, e.id)).toMatchObject({ ok: true, count: 2 })
      // From now on every change is chained as it is made…
      new SprintService(ws).setItem(e.id, 'dnssec', { owner: 'Bea' })
      expect(verifyChain(ws.db, ws.evidence, e.id)).toMatchObject({ ok: true, count: 3 })
      // …and a later edit of an adopted row is named.
      ws.db.exec("UPDATE runbook_runs SET current_step = 'restore-records'")
      expect(verifyChain(ws.db, ws.evidence, e.id)).toMatchObject({ ok: false, reason: expect.stringMatching(/runbook run rb1 \(dns-broke-site\): currentStep is "restore-records" in the table but "check-now" in evidence item 2/) })
    } finally {
      ws.close()
    }
  })
})
