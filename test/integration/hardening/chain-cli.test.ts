import { readdirSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportEngagement } from '../../../electron/core/workspace/transfer'
import { verifyChain } from '../../../electron/core/evidence/coverage'
import { signAnchor } from '../../../electron/core/evidence/anchor'
import { chainedWorkspace, testSigner } from '../../helpers/chained'
import { handover } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'

/**
 * The attacks of issue 16 through the CLI a person runs: an export edited to say every check
 * passed, an export whose domain is a path, a results table edited in place, and a chain whose
 * tail was cut after a bundle signed its head.
 */
const tmp = tempDir('handover-chain-cli-')
const W = join(tmp.dir, 'ws')
let exported: Buffer
afterAll(() => tmp.cleanup())

beforeAll(async () => {
  const { ws, id } = chainedWorkspace(W, 'tamper.example')
  try {
    const signer = await testSigner(ws)
    exported = exportEngagement(ws, id, signer).bytes
    const v = verifyChain(ws.db, ws.evidence, id)
    if (!v.ok) throw new Error(v.reason)
    // A bundle was built here once: its signed head is an anchor of this workspace.
    signAnchor(ws.db, { engagementId: id, domain: 'tamper.example', seq: v.count, head: v.head, purpose: 'bundle', signer })
  } finally {
    ws.close()
  }
}, 60_000)

function edited(fn: (doc: { tables: Record<string, Record<string, unknown>[]> }) => void): string {
  const doc = JSON.parse(gunzipSync(exported).toString())
  fn(doc)
  const file = join(tmp.dir, `edited-${Math.random().toString(36).slice(2)}.handover`)
  writeFileSync(file, gzipSync(JSON.stringify(doc)))
  return file
}

describe('chain attacks through the CLI', () => {
  it('an export whose results were all set to pass is refused, naming the first result that disagrees', async () => {
    const target = join(tmp.dir, 'target')
    const r = await handover(['--workspace', target, 'engagement', 'import', edited((d) => d.tables.check_results.forEach((x) => (x.status = 'pass')))])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/^handover: tampered export: check result \d+ \(http\.https www\.tamper\.example\): status is "pass" in the table but "fail" in evidence item 1; nothing was imported$/)
    const list = await handover(['--workspace', target, 'engagement', 'list', '--json'])
    expect(JSON.parse(list.stdout)).toEqual([])
    expect(existsSync(join(target, 'attachments')) ? readdirSync(join(target, 'attachments')) : []).toEqual([])
  })

  it('an export whose domain is a path is refused before anything is written', async () => {
    const target = join(tmp.dir, 'target2')
    const r = await handover(['--workspace', target, 'engagement', 'import', edited((d) => (d.tables.engagements[0].domain = '../../../../../../tmp/x/pwned'))])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/engagements row 1: domain: a normalised, registrable domain; nothing was imported/)
    expect(existsSync('/tmp/x/pwned')).toBe(false)
    expect(readdirSync(target).filter((n) => !n.startsWith('workspace.sqlite'))).toEqual([])
  })

  it('the untampered export imports, reporting who signed its head', async () => {
    const r = await handover(['--workspace', join(tmp.dir, 'target3'), 'engagement', 'import', edited(() => undefined)])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/Imported tamper\.example with \d+ evidence items \(chain, results and state verified; head signed by Ada Consultant on .*, key [0-9a-f]{64}\)/)
  })

  it('evidence verify names a result edited in the workspace file, and a tail cut after a signed head', async () => {
    const ok = await handover(['--workspace', W, 'evidence', 'verify'])
    expect(ok.code, ok.stdout + ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/✓ tamper\.example: \d+ evidence items, chain intact .*; head of item \d+ signed .* by Ada Consultant \(bundle\)/)
    const db = new Database(join(W, 'workspace.sqlite'))
    db.exec("SAVEPOINT s; UPDATE check_results SET status = 'pass' WHERE check_id = 'tls.cert'; RELEASE s")
    db.close()
    const edit = await handover(['--workspace', W, 'evidence', 'verify'])
    expect(edit.code).toBe(1)
    expect(edit.stdout).toMatch(/✗ tamper\.example: check result \d+ \(tls\.cert app\.tamper\.example\): status is "pass" in the table but "fail" in evidence item \d+/)

    const db2 = new Database(join(W, 'workspace.sqlite'))
    db2.exec("UPDATE check_results SET status = 'fail' WHERE check_id = 'tls.cert'")
    const last = db2.prepare('SELECT max(seq) FROM evidence').pluck().get() as number
    // The attacker removes the last two items (and the trigger that refuses it).
    db2.exec(`DROP TRIGGER evidence_no_delete; DELETE FROM evidence WHERE seq > ${last - 2}`)
    db2.close()
    const cut = await handover(['--workspace', W, 'evidence', 'verify', '--json'])
    expect(cut.code).toBe(1)
    expect(JSON.parse(cut.stdout).engagements[0]).toMatchObject({ ok: false, reason: expect.stringMatching(new RegExp(`the chain ends at item ${last - 2}, but item ${last} was its head when signed .* \\((export|bundle)\\): items ${last - 1}–${last} are missing`)) })
  })
})
