import { gunzipSync, gzipSync } from 'node:zlib'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { exportEngagement, importEngagement } from '../../../electron/core/workspace/transfer'
import { gunzipBounded } from '../../../electron/core/workspace/transfer-read'
import { SprintService } from '../../../electron/core/sprint/service'
import { signAnchor, type AnchorSigner } from '../../../electron/core/evidence/anchor'
import { linkHash } from '../../../electron/core/evidence/store'
import { createMemoryStore } from '../../../electron/core/vault/memory-store'
import { chainedWorkspace, testSigner } from '../../helpers/chained'
import { tempDir } from '../../helpers/tmp'

type Doc = { version: number; engagement: { domain: string }; chainHead: string; anchor: unknown; tables: Record<string, Record<string, unknown>[]>; attachments: { sha256: string; dataBase64: string }[] }

let a: Workspace
let b: Workspace
let signer: AnchorSigner
const cleanups: (() => void)[] = []

beforeEach(async () => {
  const ta = tempDir()
  const tb = tempDir()
  cleanups.push(ta.cleanup, tb.cleanup)
  a = chainedWorkspace(ta.dir, 'move.example').ws
  b = openWorkspace(tb.dir)
  signer = await testSigner(a)
})
afterEach(() => {
  a.close()
  b.close()
  cleanups.splice(0).forEach((c) => c())
})

function tamper(bytes: Buffer, fn: (doc: Doc) => void): Buffer {
  const doc = JSON.parse(gunzipSync(bytes).toString()) as Doc
  fn(doc)
  return gzipSync(JSON.stringify(doc))
}

const nothingImported = () => {
  expect(b.engagements.list()).toEqual([])
  expect(existsSync(join(b.dir, 'attachments')) ? readdirSync(join(b.dir, 'attachments')) : []).toEqual([])
}

describe('engagement export and import', () => {
  it('round-trips evidence, hashes, results, sprint, waivers, inventory, runbooks and attachments, with the signed head', async () => {
    const out = exportEngagement(a, 'move.example', signer)
    const r = await importEngagement(b, out.bytes)
    expect(r).toMatchObject({ domain: 'move.example', evidence: out.evidence, signedBy: { name: 'Ada Consultant', fingerprint: signer.fingerprint } })
    const mine = await import('../../../electron/core/evidence/coverage').then((m) => m.verifyChain(b.db, b.evidence, r.id))
    expect(mine).toMatchObject({ ok: true, count: out.evidence, anchor: { purpose: 'export', seq: out.evidence, signer: { fingerprint: signer.fingerprint } } })
    const s = new SprintService(b).status('move.example')
    expect(s.items.find((i) => i.id === 'dnssec')!.status).toBe('waived')
    expect(s.items.find((i) => i.id === 'alert-drill')!.status).toBe('pass')
    expect(new SprintService(b).attachments('move.example')).toMatchObject([{ name: 'sms.png', size: 4 }])
    expect(b.engagements.get('move.example').hosts.map((h) => h.name)).toEqual(['move.example', 'app.move.example', 'www.move.example'])
  })

  it('refuses a results table changed to all-pass, naming the first result that disagrees with its evidence', async () => {
    const { bytes } = exportEngagement(a, 'move.example', signer)
    const allPass = tamper(bytes, (d) => {
      for (const r of d.tables.check_results) r.status = 'pass'
    })
    await expect(importEngagement(b, allPass)).rejects.toThrow(/tampered export: check result \d+ \(http\.https www\.move\.example\): status is "pass" in the table but "fail" in evidence item 1; nothing was imported/)
    nothingImported()
  })

  it('refuses a tampered body, a cut chain, a recomputed chain, a missing or foreign signed head, or a swapped attachment', async () => {
    const { bytes } = exportEngagement(a, 'move.example', signer)
    const cases: [string, Buffer, RegExp][] = [
      ['body', tamper(bytes, (d) => void (d.tables.evidence[1].body = String(d.tables.evidence[1].body).replace('answer', 'Answer'))), /tampered export: evidence item 2 does not match its hash/],
      ['cut', tamper(bytes, (d) => void d.tables.evidence.pop()), /the evidence chain was cut short/],
      [
        'cut, head moved back',
        tamper(bytes, (d) => {
          d.tables.evidence.pop()
          d.chainHead = String(d.tables.evidence.at(-1)!.hash)
        }),
        /the chain was cut: Ada Consultant signed item \d+ as its head, the export holds \d+ items/,
      ],
      [
        'recomputed',
        tamper(bytes, (d) => {
          let prev = '0'.repeat(64)
          for (const row of d.tables.evidence) {
            row.body = String(row.body).replace('"status":"fail","summary":"certificate expired"', '"status":"pass","summary":"certificate valid"')
            row.prev_hash = prev
            row.hash = prev = linkHash(prev, String(row.body))
          }
          d.chainHead = prev
        }),
        /the evidence chain is not the one Ada Consultant signed \(item \d+\): it was recomputed/,
      ],
      ['unsigned', tamper(bytes, (d) => void delete d.anchor), /tampered export: no signed chain head/],
      ['older format', tamper(bytes, (d) => void (d.version = 1)), /made before exports carried a signed chain head/],
      ['swapped attachment', tamper(bytes, (d) => void (d.attachments[0].dataBase64 = Buffer.from([9, 9, 9]).toString('base64'))), /attachment .* does not match its hash/],
      ['not gzip', Buffer.from('not gzip'), /not a Handover Console engagement export/],
    ]
    for (const [label, file, expected] of cases) await expect(importEngagement(b, file), label).rejects.toThrow(expected)
    nothingImported()
  })

  it('a chain recomputed and re-signed with another key still fails against the earlier anchor it carries', async () => {
    // The consultant built a bundle earlier: that anchor (signed with their key) travels in the export.
    const first = exportEngagement(a, 'move.example', signer)
    const other = await testSigner(openWorkspace(':memory:'), createMemoryStore(), 'Mallory')
    const forged = tamper(first.bytes, (d) => {
      let prev = '0'.repeat(64)
      for (const row of d.tables.evidence) {
        row.body = String(row.body).replace('"status":"fail","summary":"certificate expired"', '"status":"pass","summary":"certificate valid"')
        row.prev_hash = prev
        row.hash = prev = linkHash(prev, String(row.body))
      }
      for (const r of d.tables.check_results) if (r.check_id === 'tls.cert') Object.assign(r, { status: 'pass', summary: 'certificate valid' })
      d.chainHead = prev
      // Mallory signs the recomputed head with her own key (in a scratch workspace of hers).
      const eid = String(d.tables.engagements[0].id)
      const scratch = openWorkspace(':memory:')
      scratch.db.prepare("INSERT INTO engagements (id, client_name, domain, stage, vertical, created_at, updated_at) VALUES (?, 'x', 'move.example', 'demo-launch', 'other', '', '')").run(eid)
      d.anchor = signAnchor(scratch.db, { engagementId: eid, domain: 'move.example', seq: d.tables.evidence.length, head: prev, purpose: 'export', signer: other })
      scratch.close()
    })
    await expect(importEngagement(b, forged)).rejects.toThrow(/is not the head that was signed .* by Ada Consultant \(export\): the chain was recomputed/)
    nothingImported()
  })

  it('treats every imported field as hostile: a path in the domain, bad hosts, names and hashes are refused before anything is written', async () => {
    const { bytes } = exportEngagement(a, 'move.example', signer)
    const cases: [string, (d: Doc) => void, RegExp][] = [
      ['traversal domain', (d) => void (d.tables.engagements[0].domain = '../../../../../../tmp/x/pwned'), /engagements row 1: domain: a normalised, registrable domain/],
      ['unnormalised domain', (d) => void (d.tables.engagements[0].domain = 'MOVE.example'), /engagements row 1: domain/],
      ['host outside the domain', (d) => void (d.tables.hosts[1].name = 'evil.other.example'), /host "evil\.other\.example" is not a normalised name under move\.example/],
      ['client name too long', (d) => void (d.tables.engagements[0].client_name = 'x'.repeat(300)), /engagements row 1: client_name/],
      ['attachment name with a path', (d) => void (d.tables.attachments[0].name = '../../etc/cron.d/x'), /attachments row 1: name: a plain file name/],
      ['hash not hex', (d) => void (d.tables.evidence[0].hash = 'ZZ'.repeat(32)), /evidence row 1: hash: a SHA-256 as hex/],
      ['unknown column', (d) => void (d.tables.sprints[0].evil = 'x'), /sprints row 1: row: Unrecognized key/],
      ['unknown table', (d) => void (d.tables.credentials = [{ id: 'x' }]), /carries a table this version does not know \(credentials\)/],
      ['row of another engagement', (d) => void (d.tables.check_runs[0].engagement_id = 'someone-else'), /a row of check_runs belongs to another engagement/],
    ]
    for (const [label, fn, expected] of cases) await expect(importEngagement(b, tamper(bytes, fn)), label).rejects.toThrow(expected)
    nothingImported()
  })

  it('refuses objects that cannot even be turned into text (a fuzz counterexample) with a clear error, not an internal one', async () => {
    const { bytes } = exportEngagement(a, 'move.example', signer)
    const poison = { toString: null }
    const places: [string, (d: Doc) => void][] = [
      ['the format version', (d) => void ((d as unknown as Record<string, unknown>).version = poison)],
      ['the chain head', (d) => void ((d as unknown as Record<string, unknown>).chainHead = poison)],
      ['a row field', (d) => void (d.tables.engagements[0].client_name = poison)],
      ['an evidence body', (d) => void (d.tables.evidence[0].body = poison)],
    ]
    for (const [label, fn] of places) {
      const err = await importEngagement(b, tamper(bytes, fn)).then(() => null, (e: unknown) => e as { code?: string; message: string })
      expect(err, label).not.toBeNull()
      expect(err!.code, `${label}: ${err!.message}`).toBe('invalid_input')
      expect(err!.message, label).not.toMatch(/primitive value/)
    }
    nothingImported()
  })

  it('refuses to import over an engagement with the same domain', async () => {
    const { bytes } = exportEngagement(a, 'move.example', signer)
    await expect(importEngagement(a, bytes)).rejects.toThrow(/already in this workspace/)
  })

  it('refuses to export a chain that does not verify, or an edited result', () => {
    a.db.exec("UPDATE check_results SET status = 'pass'")
    expect(() => exportEngagement(a, 'move.example', signer)).toThrow(/the evidence does not verify .* status is "pass" in the table but "fail"/)
  })

  it('carries the check settings', async () => {
    a.engagements.update({ id: 'move.example', patch: { dkimSelectors: ['s1', 'k2'], routes: ['/pricing'] } })
    const { bytes } = exportEngagement(a, 'move.example', signer)
    expect(b.engagements.get((await importEngagement(b, bytes)).id)).toMatchObject({ dkimSelectors: ['s1', 'k2'], routes: ['/pricing'] })
  })

  it('inflates with a cap: a small gzip that inflates past it is refused without keeping the output', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024))
    await expect(gunzipBounded(bomb, 1024 * 1024)).rejects.toThrow(/inflates to more than 1\.0 MB/)
    expect((await gunzipBounded(gzipSync(Buffer.from('{}')), 1024)).toString()).toBe('{}')
  })
})
