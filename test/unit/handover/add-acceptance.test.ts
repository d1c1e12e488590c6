import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { memoryStore, seededWorkspace } from './fixture'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { handoverApi } from '../../../electron/core/api/handover'
import { identityApi } from '../../../electron/core/api/identity'
import { acceptanceText } from '../../../electron/core/handover/bundle/acceptance'
import { verifyBundle } from '../../../electron/core/handover/bundle/verify'
import type { Acceptance, VerifyReport } from '@shared/contract/handover'

/** What a founder sends back: three files made on their machine with their own key (as VERIFY.txt's openssl steps make them). */
function founderFiles(manifest: Buffer, stem = 'acceptance-ada', who = { name: 'Ada Founder', email: 'ada@acme.example' }) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const text = Buffer.from(acceptanceText({ manifestSha256: createHash('sha256').update(manifest).digest('hex'), ...who, acceptedAt: '2026-12-07T10:00:00Z' }))
  return [
    { name: `${stem}.txt`, bytes: text },
    { name: `${stem}.sig`, bytes: sign(null, text, privateKey) },
    { name: `${stem}.pub.pem`, bytes: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }).toString()) },
  ]
}
const wire = (files: { name: string; bytes: Buffer }[]) => files.map((f) => ({ name: f.name, dataBase64: f.bytes.toString('base64') }))

describe("adding a founder's returned acceptance to a bundle folder", () => {
  const tmp = tempDir()
  let core: Core
  let engagementId = ''
  let bundle = ''
  let dir = ''
  let manifest: Buffer
  const add = (files: { name: string; dataBase64: string }[]) => dispatch(core, 'addAcceptance', { engagementId, bundle, files })
  const listing = () => readdirSync(dir).sort()

  beforeAll(async () => {
    const seeded = seededWorkspace(join(tmp.dir, 'ws'))
    engagementId = seeded.engagement.id
    core = createCore(seeded.ws, 'browser')
    const secrets = memoryStore()
    await identityApi(core, secrets).saveSigningIdentity({ name: 'Ada Consultant', email: 'ada@example.com', organisation: '', website: '' })
    const info = await handoverApi(core, secrets).createBundle({ engagementId })
    dir = info.dir
    bundle = dir.split('/').pop()!
    manifest = readFileSync(join(dir, 'manifest.json'))
  })
  afterAll(() => {
    core.workspace.close()
    tmp.cleanup()
  })

  it('refuses what is not one acceptance that holds for this bundle, and writes nothing', async () => {
    const good = wire(founderFiles(manifest))
    const before = listing()
    const cases: [string, { name: string; dataBase64: string }[], RegExp][] = [
      ['a path for a name', [{ ...good[0]!, name: '../acceptance-ada.txt' }, good[1]!, good[2]!], /not an acceptance file/],
      ['another file of the bundle', [{ ...good[0]!, name: 'manifest.json' }, good[1]!, good[2]!], /not an acceptance file/],
      ['an upper-case label', [{ ...good[0]!, name: 'acceptance-Ada.txt' }, good[1]!, good[2]!], /not an acceptance file/],
      ['two of three parts', good.slice(0, 2), /incomplete: choose acceptance-ada\.pub\.pem too/],
      ['the same part twice', [good[0]!, good[0]!, good[1]!], /chosen twice/],
      ['two acceptances mixed', [good[0]!, good[1]!, { ...good[2]!, name: 'acceptance-bob.pub.pem' }], /two acceptances/],
      ['an oversized statement', [{ ...good[0]!, dataBase64: Buffer.alloc(5000, 'x').toString('base64') }, good[1]!, good[2]!], /at most 4096/],
      ['another bundle', wire(founderFiles(Buffer.from('{"another":"manifest"}\n'))), /does not hold for this bundle.*another manifest/],
      ['a forged statement', [{ ...good[0]!, dataBase64: Buffer.from(acceptanceText({ manifestSha256: createHash('sha256').update(manifest).digest('hex'), name: 'Mallory', email: 'm@evil.example', acceptedAt: '2026-12-07' })).toString('base64') }, good[1]!, good[2]!], /signature does not verify/],
    ]
    for (const [what, files, why] of cases) {
      const r = await add(files)
      expect(r.ok, what).toBe(false)
      expect(!r.ok && r.error.message, what).toMatch(why)
    }
    // the contract bounds count and size before core reads anything
    expect(await add([...good, good[0]!])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await add([{ name: 'acceptance-ada.txt', dataBase64: 'A'.repeat(9000) }])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(listing()).toEqual(before)
  })

  it('adds one that holds, verifies the bundle with it, keeps the same files again, and never overwrites different ones', async () => {
    const files = wire(founderFiles(manifest))
    const r = await add(files)
    expect(r.ok).toBe(true)
    const { acceptance, report } = (r as { ok: true; value: { acceptance: Acceptance; report: VerifyReport } }).value
    expect(acceptance).toMatchObject({ ok: true, stem: 'acceptance-ada', name: 'Ada Founder', email: 'ada@acme.example' })
    expect(report.ok).toBe(true)
    expect(report.acceptances).toEqual([expect.objectContaining({ ok: true, name: 'Ada Founder' })])
    expect(listing()).toEqual(expect.arrayContaining(['acceptance-ada.txt', 'acceptance-ada.sig', 'acceptance-ada.pub.pem']))
    expect(listing().filter((n) => n.startsWith('.'))).toEqual([])
    // the zip beside the folder carries it too
    expect((await verifyBundle(`${dir}.zip`)).acceptances).toEqual([expect.objectContaining({ ok: true, name: 'Ada Founder' })])
    // the same files again: nothing changes
    expect((await add(files)).ok).toBe(true)
    // another founder's key under the same label: refused, the first stays
    const other = await add(wire(founderFiles(manifest, 'acceptance-ada', { name: 'Bob', email: 'bob@acme.example' })))
    expect(other).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(readFileSync(join(dir, 'acceptance-ada.txt'), 'utf8')).toContain('name: Ada Founder')
  })
})
