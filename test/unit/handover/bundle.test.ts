import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { tempDir } from '../../helpers/tmp'
import { consultantStore } from '../../helpers/identity'
import { memoryStore, seededWorkspace } from './fixture'
import { createBundle } from '../../../electron/core/handover/bundle/build'
import { verifyBundle } from '../../../electron/core/handover/bundle/verify'
import { countersignBundle } from '../../../electron/core/handover/bundle/countersign'
import { readBaseline } from '../../../electron/core/handover/drift'
import { verifyPdfSignature } from '../../../electron/core/handover/pdf/verify-sig'
import type { Workspace } from '../../../electron/core/workspace'
import type { Engagement } from '@shared/schemas/engagement'
import type { BundleInfo } from '@shared/contract/handover'

describe('signed handover bundle', () => {
  const tmp = tempDir()
  const secrets = memoryStore()
  let ws: Workspace
  let engagement: Engagement
  let info: BundleInfo
  beforeAll(async () => {
    ;({ ws, engagement } = seededWorkspace(join(tmp.dir, 'ws')))
    await consultantStore(ws, secrets)
    info = await createBundle({ workspace: ws, engagement, outDir: join(tmp.dir, 'bundle'), secrets })
  })
  afterAll(() => {
    ws.close()
    tmp.cleanup()
  })

  it('writes every file of the contract, a zip, and verifies', async () => {
    expect(readdirSync(info.dir).sort()).toEqual(['VERIFY.txt', 'baseline.json', 'evidence.json', 'handover.pdf', 'inventory.json', 'manifest.json', 'manifest.sig', 'signer.cert.pem', 'signer.pub.pem'])
    expect(existsSync(info.zip)).toBe(true)
    const report = await verifyBundle(info.dir)
    expect(report.items.filter((i) => !i.ok)).toEqual([])
    expect(report.items.map((i) => i.name)).toEqual(expect.arrayContaining(['manifest signature', 'PDF signature', 'PDF certificate', 'file handover.pdf']))
    expect((await verifyBundle(info.zip)).ok).toBe(true)
  })

  it('keeps private keys only in the keychain, public parts in the bundle', () => {
    expect([...secrets.items.keys()].some((k) => k.endsWith(':ed25519'))).toBe(true)
    expect([...secrets.items.keys()].some((k) => k.endsWith(':rsa'))).toBe(true)
    for (const f of readdirSync(info.dir)) expect(readFileSync(join(info.dir, f)).toString('latin1')).not.toMatch(/PRIVATE KEY/)
  })

  it('records the baseline: the latest result per check with observed values', () => {
    const b = readBaseline(info.dir)
    expect(b.engagement.domain).toBe(engagement.domain)
    const https = b.checks.find((c) => c.id === 'http.https')!
    expect(https.status).toBe('pass')
    expect(https.observed['chain[1].url']).toBe(`https://www.${engagement.domain}/`)
  })

  const flips: [string, string][] = [
    ['handover.pdf', 'PDF signature'],
    ['inventory.json', 'file inventory.json'],
    ['evidence.json', 'file evidence.json'],
    ['baseline.json', 'file baseline.json'],
    ['VERIFY.txt', 'file VERIFY.txt'],
    ['signer.pub.pem', 'manifest signature'],
    ['signer.cert.pem', 'file signer.cert.pem'],
    ['manifest.json', 'manifest signature'],
    ['manifest.sig', 'manifest signature'],
  ]
  it.each(flips)('a 1-byte change in %s makes verification fail (%s)', async (file, failing) => {
    const copy = join(tmp.dir, `tamper-${file}`)
    cpSync(info.dir, copy, { recursive: true })
    const p = join(copy, file)
    const b = readFileSync(p)
    // Flip one bit of a byte in the middle of the file (inside a PEM body, the PDF content...).
    const at = Math.floor(b.length / 2)
    b[at] = b[at] ^ 0x01
    writeFileSync(p, b)
    const r = await verifyBundle(copy)
    expect(r.ok).toBe(false)
    expect(r.items.find((i) => i.name === failing)?.ok).toBe(false)
  })

  it('detects bytes appended to the signed PDF (an incremental update after signing)', () => {
    const pdf = readFileSync(join(info.dir, 'handover.pdf'))
    const r = verifyPdfSignature(Buffer.concat([pdf, Buffer.from('\n1 0 obj\n<< /Evil true >>\nendobj\n%%EOF\n')]))
    expect(r).toMatchObject({ ok: false })
    expect(r.detail).toMatch(/changed after signing/)
    expect(verifyPdfSignature(pdf)).toMatchObject({ ok: true, signer: 'Ada Consultant' })
  })

  it('flags an extra file not listed in the manifest', async () => {
    const copy = join(tmp.dir, 'extra')
    cpSync(info.dir, copy, { recursive: true })
    writeFileSync(join(copy, 'payload.js'), 'alert(1)')
    expect((await verifyBundle(copy)).items.find((i) => i.name === 'file payload.js')).toMatchObject({ ok: false, detail: 'not listed in the manifest' })
  })

  it("takes a founder's acceptance beside the bundle, leaving the signed files as they were", async () => {
    const copy = join(tmp.dir, 'accepted')
    cpSync(info.dir, copy, { recursive: true })
    const before = new Map(readdirSync(copy).map((f) => [f, readFileSync(join(copy, f))]))
    const a = await countersignBundle(ws.db, secrets, { path: copy, name: 'Zoë Müller', email: 'zoe@example.com', now: new Date('2026-03-01T10:00:00Z') })
    expect(a).toMatchObject({ ok: true, name: 'Zoë Müller', email: 'zoe@example.com', acceptedAt: '2026-03-01T10:00:00Z' })
    for (const [f, bytes] of before) expect(readFileSync(join(copy, f)).equals(bytes), f).toBe(true)
    expect(readdirSync(copy).filter((f) => !before.has(f)).sort()).toEqual([`${a.stem}.pub.pem`, `${a.stem}.sig`, `${a.stem}.txt`])
    expect(readFileSync(join(copy, `${a.stem}.txt`), 'utf8')).toBe(
      `handover-acceptance/1\nmanifest-sha256: ${createHash('sha256').update(before.get('manifest.json')!).digest('hex')}\nname: Zoë Müller\nemail: zoe@example.com\naccepted-at: 2026-03-01T10:00:00Z\n`,
    )
    const report = await verifyBundle(copy)
    expect(report.ok).toBe(true)
    expect(report.acceptances).toEqual([expect.objectContaining({ ok: true, name: 'Zoë Müller', fingerprint: a.fingerprint })])
    const sig = readFileSync(join(copy, `${a.stem}.sig`))
    sig[3] ^= 0xff
    writeFileSync(join(copy, `${a.stem}.sig`), sig)
    expect((await verifyBundle(copy)).items.find((i) => i.name === a.stem)).toMatchObject({ ok: false, detail: expect.stringMatching(/does not verify/) })
  })

  it('refuses to countersign a bundle that does not verify', async () => {
    const copy = join(tmp.dir, 'bad-accept')
    cpSync(info.dir, copy, { recursive: true })
    writeFileSync(join(copy, 'inventory.json'), '{}')
    await expect(countersignBundle(ws.db, secrets, { path: copy, name: 'Zoë', email: 'zoe@example.com' })).rejects.toThrow(/does not verify/)
  })

  it('refuses to sign when the keychain is unavailable, writing nothing', async () => {
    const t2 = tempDir()
    const seeded = seededWorkspace(join(t2.dir, 'ws'))
    try {
      const out = join(t2.dir, 'b')
      await expect(consultantStore(seeded.ws, memoryStore(false))).rejects.toThrow(/keychain is not available/)
      await expect(createBundle({ workspace: seeded.ws, engagement: seeded.engagement, outDir: out, secrets: memoryStore(false) })).rejects.toThrow(/set who signs your bundles first/)
      expect(existsSync(out)).toBe(false)
      expect(seeded.ws.db.prepare('SELECT COUNT(*) AS n FROM signing_identities').get()).toEqual({ n: 0 })
    } finally {
      seeded.ws.close()
      t2.cleanup()
    }
  })

  it('refuses to overwrite a non-empty folder', async () => {
    await expect(createBundle({ workspace: ws, engagement, outDir: info.dir, secrets })).rejects.toThrow(/not empty/)
  })
})
