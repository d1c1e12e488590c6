import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../electron/core/workspace'
import { verifyChain } from '../../../electron/core/evidence/coverage'
import { signAnchor } from '../../../electron/core/evidence/anchor'
import { linkHash } from '../../../electron/core/evidence/store'
import { createBundle } from '../../../electron/core/handover/bundle/build'
import { createMemoryStore } from '../../../electron/core/vault/memory-store'
import { chainedWorkspace, testSigner } from '../../helpers/chained'
import { tempDir } from '../../helpers/tmp'

/**
 * Every fact a conclusion rests on is in the chain: a direct edit of any result, verdict, item,
 * waiver, inventory row, runbook run or evidence column in the workspace file is named by
 * `evidence verify` (verifyChain), and so is a cut tail or a recomputed chain once a head was
 * signed. Each attack runs inside a savepoint that is rolled back, on one workspace.
 */
const tmp = tempDir()
let ws: Workspace
let id = ''
const secrets = createMemoryStore()
const verdict = () => verifyChain(ws.db, ws.evidence, id)

function attack(sql: string | ((ws: Workspace) => void)): ReturnType<typeof verdict> {
  ws.db.exec('SAVEPOINT attack')
  try {
    if (typeof sql === 'string') ws.db.exec(sql)
    else sql(ws)
    return verdict()
  } finally {
    ws.db.exec('ROLLBACK TO attack; RELEASE attack')
  }
}

beforeAll(() => {
  ;({ ws, id } = chainedWorkspace(join(tmp.dir, 'ws')))
})
afterAll(() => {
  ws.close()
  tmp.cleanup()
})

describe('evidence verify covers every table a conclusion rests on', () => {
  it('passes on a workspace written only by the app', () => {
    expect(verdict()).toMatchObject({ ok: true, anchor: null })
  })

  const LIFT = 'DROP TRIGGER evidence_no_update; DROP TRIGGER evidence_no_delete;'
  it.each([
    ['a result status', "UPDATE check_results SET status = 'pass' WHERE check_id = 'tls.cert'", /check result \d+ \(tls\.cert app\.chain\.example\): status is "pass" in the table but "fail" in evidence item \d+/],
    ['a result summary', "UPDATE check_results SET summary = 'all good' WHERE check_id = 'tls.cert'", /check result \d+ \(tls\.cert app\.chain\.example\): summary is "all good" in the table but "certificate expired"/],
    ['result details', `UPDATE check_results SET details = '{"daysLeft":90}' WHERE check_id = 'tls.cert'`, /\(tls\.cert app\.chain\.example\): its details differ from those in evidence item \d+/],
    ['a deleted result (the older one shows again)', "DELETE FROM check_results WHERE check_id = 'tls.cert'", /evidence item \d+ records a check result that has no row in check_results/],
    [
      'a result row copied from an older pass',
      `INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, evidence_id, finished_at)
       SELECT run_id, engagement_id, check_id, target, status, summary, details, duration_ms, evidence_id, finished_at FROM check_results WHERE check_id = 'http.https' AND status = 'pass'`,
      /check result \d+ \(http\.https www\.chain\.example\) repeats evidence item \d+/,
    ],
    ['a verdict', "UPDATE sprint_items SET status = 'fail' WHERE item_id = 'alert-drill'", /sprint item "alert-drill" \(sprint \w+\): status is "fail" in the table but "pass" in evidence item \d+/],
    ['an item owner', "UPDATE sprint_items SET owner = 'Eve' WHERE item_id = 'dnssec'", /sprint item "dnssec" \(sprint \w+\): owner is "Eve" in the table but "Ada"/],
    ['a fix order', "UPDATE sprint_items SET fix_order = 9 WHERE item_id = 'dnssec'", /sprint item "dnssec" \(sprint \w+\): fixOrder is 9 in the table but 2/],
    ['an item state nobody set', "INSERT INTO sprint_items (sprint_id, item_id, status, updated_at) SELECT id, 'tls-cert', 'pass', started_at FROM sprints", /sprint item "tls-cert" \(sprint \w+\) is not in the evidence chain/],
    ['a revoked waiver made live again', 'UPDATE waivers SET revoked_at = NULL', /waiver on "dnssec" \(sprint \w+, given [^)]+\): revokedAt is null in the table but "\d{4}-/],
    ['a waiver reason', "UPDATE waivers SET reason = 'x' WHERE revoked_at IS NULL", /waiver on "dnssec" .*: reason is "x" in the table but "Moving registrar next month"/],
    ['a deleted waiver', 'DELETE FROM waivers WHERE revoked_at IS NULL', /waiver on "dnssec" .* is in evidence item \d+ but missing from the table/],
    ['a waiver nobody gave', "INSERT INTO waivers (sprint_id, item_id, reason, accepted_by, expires_at, created_at) SELECT id, 'tls-cert', 'fine', 'Eve', ends_at, started_at FROM sprints", /waiver on "tls-cert" .* is not in the evidence chain/],
    ['an inventory row', "UPDATE inventory_entries SET fields = json_set(fields, '$.ownerAccount', 'eve@evil.example') WHERE fields LIKE '%founder@chain%'", /inventory row \w+ \(registrar\): fields is .* in the table but .* in evidence item \d+/],
    ['a deleted inventory row', "DELETE FROM inventory_entries WHERE name = 'Status page'", /inventory row \w+ \(custom Status page\) is in evidence item \d+ but missing from the table/],
    ['a runbook run moved on', "UPDATE runbook_runs SET current_step = 'restore-records'", /runbook run \w+ \(dns-broke-site\): currentStep is "restore-records" in the table but "check-now"/],
    ['a sprint clock', "UPDATE sprints SET ends_at = '2099-01-01T00:00:00.000Z'", /sprint \w+: endsAt is "2099-01-01T00:00:00.000Z" in the table/],
    ['an attachment', "UPDATE attachments SET name = 'other.png'", /attachment "other\.png" of item "alert-drill" is not in the evidence chain/],
    ['an evidence status column', `${LIFT} UPDATE evidence SET status = 'pass' WHERE kind = 'check.result' AND check_id = 'tls.cert'`, /item \d+: its status column says "pass" but its hashed body says "fail"/],
    ['an evidence label', `${LIFT} UPDATE evidence SET label = 'fine' WHERE seq = 3`, /item 3: its label column says "fine"/],
    ['an evidence time', `${LIFT} UPDATE evidence SET created_at = '2001-01-01T00:00:00.000Z' WHERE seq = 2`, /item 2: its created_at column says "2001-01-01T00:00:00.000Z"/],
    ['an evidence kind', `${LIFT} UPDATE evidence SET kind = 'note' WHERE seq = 1`, /item 1: its kind column says "note" but its hashed body says "check.result"/],
    ['an evidence target', `${LIFT} UPDATE evidence SET target = 'x.example' WHERE seq = 1`, /item 1: its target column says "x.example"/],
  ])('names %s', (_label, sql, expected) => {
    const v = attack(sql)
    expect(v.ok).toBe(false)
    expect((v as { reason: string }).reason).toMatch(expected)
  })

  it('reports a cut tail and a recomputed chain against the head a bundle or export signed', async () => {
    const signer = await testSigner(ws, secrets)
    const walk = verdict()
    if (!walk.ok) throw new Error(walk.reason)
    ws.db.exec('SAVEPOINT anchored')
    try {
      signAnchor(ws.db, { engagementId: id, domain: 'chain.example', seq: walk.count, head: walk.head, purpose: 'bundle', signer })
      expect(verdict()).toMatchObject({ ok: true, anchor: { seq: walk.count, purpose: 'bundle', signer: { name: 'Ada Consultant' } } })
      const cut = attack(`DROP TRIGGER evidence_no_delete; DELETE FROM evidence WHERE engagement_id = '${id}' AND seq > ${walk.count - 3}`)
      expect(cut).toMatchObject({ ok: false, reason: expect.stringMatching(new RegExp(`the chain ends at item ${walk.count - 3}, but item ${walk.count} was its head when signed .* by Ada Consultant \\(bundle\\): items ${walk.count - 2}–${walk.count} are missing`)) })
      const recomputed = attack((w) => {
        // The attacker's whole rewrite: the failing certificate becomes a pass everywhere, every hash recomputed.
        w.db.exec('DROP TRIGGER evidence_no_update')
        let prev = '0'.repeat(64)
        for (const r of w.db.prepare<[string], { id: number; body: string }>('SELECT id, body FROM evidence WHERE engagement_id = ? ORDER BY seq').all(id)) {
          const body = r.body.replace('"status":"fail","summary":"certificate expired"', '"status":"pass","summary":"certificate valid"')
          const hash = linkHash(prev, body)
          w.db.prepare('UPDATE evidence SET body = ?, prev_hash = ?, hash = ? WHERE id = ?').run(body, prev, hash, r.id)
          prev = hash
        }
      })
      expect(recomputed).toMatchObject({ ok: false, reason: expect.stringMatching(/item \d+ is not the head that was signed .* by Ada Consultant \(bundle\): the chain was recomputed/) })
    } finally {
      ws.db.exec('ROLLBACK TO anchored; RELEASE anchored')
    }
  })

  it('refuses to build a bundle from a workspace whose results were edited, writing nothing', async () => {
    ws.db.exec('SAVEPOINT bundle')
    const out = join(tmp.dir, 'bundle')
    try {
      ws.db.exec("UPDATE check_results SET status = 'pass'")
      await expect(createBundle({ workspace: ws, engagement: ws.engagements.get(id), outDir: out, secrets })).rejects.toThrow(
        /the evidence does not verify \(check result \d+ \(http\.https www\.chain\.example\): status is "pass" in the table but "fail" in evidence item \d+\); no bundle was built/,
      )
      expect(existsSync(out)).toBe(false)
    } finally {
      ws.db.exec('ROLLBACK TO bundle; RELEASE bundle')
    }
  })
})
