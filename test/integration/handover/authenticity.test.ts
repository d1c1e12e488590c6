import { generateKeyPairSync, sign } from 'node:crypto'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { realKeychain } from '../../helpers/keychain'
import { seededWorkspace } from '../../unit/handover/fixture'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { openWorkspace } from '../../../electron/core/workspace'
import { removeIdentity } from '../../../electron/core/handover/identity'
import { manifestBytes, sha256, type Manifest } from '../../../electron/core/handover/bundle/manifest'
import { verifyText } from '../../../electron/core/handover/bundle/verify-text'
import { openBundle } from '../../../electron/core/handover/bundle/input'
import { cli } from './tools'

// Who signed it and who accepted it, through the CLI on a real keychain: the consultant's
// identity, verify against a known key, substituted keys, other consultants' bundles, two
// founders' acceptances, an acceptance moved to another bundle, and an explicit re-key.
describe('authenticity: identity, expected fingerprints and acceptances', () => {
  const tmp = tempDir()
  const ada = join(tmp.dir, 'ada-ws')
  const mallory = join(tmp.dir, 'mallory-ws')
  const founders = join(tmp.dir, 'founders-machine')
  const keychain = createKeychainStore()
  const printed: string[] = []
  const run = async (args: string[]) => {
    const r = await cli(args)
    printed.push(r.stdout, r.stderr)
    return r
  }
  const bundle = async (ws: string, name: string) => {
    const r = await run(['--workspace', ws, 'bundle', '--out', join(tmp.dir, name)])
    expect(r.code, r.stderr).toBe(0)
    return join(tmp.dir, name)
  }
  const copy = (from: string, name: string) => {
    cpSync(from, join(tmp.dir, name), { recursive: true })
    return join(tmp.dir, name)
  }
  let fp = ''
  let a = ''
  let b = ''
  beforeAll(async () => {
    await realKeychain()
    seededWorkspace(ada).ws.close()
    seededWorkspace(mallory).ws.close()
  })
  afterAll(async () => {
    for (const dir of [ada, mallory, founders]) {
      const ws = openWorkspace(dir)
      await removeIdentity(ws.db, keychain, 'consultant')
      await removeIdentity(ws.db, keychain, 'founder')
      ws.close()
    }
    tmp.cleanup()
  })

  it('has no identity until one is set, refuses to sign without one, and shows the full fingerprint once set', async () => {
    expect(await run(['--workspace', ada, 'identity', 'show'])).toMatchObject({ code: 2, stderr: expect.stringContaining('handover identity set') })
    const refused = await run(['--workspace', ada, 'bundle', '--out', join(tmp.dir, 'refused')])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('set who signs your bundles first')
    const bad = await run(['--workspace', ada, 'identity', 'set', '--name', 'Ada Consultant', '--email', 'ada', '--organisation', 'Ada Launch Studio'])
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('an email address') })
    const set = await run(['--workspace', ada, 'identity', 'set', '--name', 'Ada Consultant', '--email', 'ada@studio.example', '--organisation', 'Ada Launch Studio', '--website', 'https://studio.example'])
    expect(set.code, set.stderr).toBe(0)
    fp = /^ {2}([0-9a-f]{64})$/m.exec(set.stdout)![1]
    expect(set.stdout).toContain('`openssl pkey -pubin -in signer.pub.pem -outform DER | openssl dgst -sha256` prints the same')
    const shown = JSON.parse((await run(['--workspace', ada, 'identity', 'show', '--json'])).stdout)
    expect(shown).toMatchObject({ name: 'Ada Consultant', organisation: 'Ada Launch Studio', website: 'https://studio.example', fingerprint: fp, confirmed: true })
    // changing the details keeps the key: the fingerprint founders were given stays valid
    const renamed = await run(['--workspace', ada, 'identity', 'set', '--name', 'Ada Lovelace-Consultant', '--email', 'ada@studio.example', '--organisation', 'Ada Launch Studio', '--json'])
    expect(JSON.parse(renamed.stdout)).toMatchObject({ name: 'Ada Lovelace-Consultant', fingerprint: fp })
    a = await bundle(ada, 'bundle-a')
    expect(printed.at(-2)).toContain(`Signed by Ada Lovelace-Consultant <ada@studio.example>, Ada Launch Studio\nKey fingerprint (tell the founder another way than the bundle: in person, on a call):\n  ${fp}\n`)
    b = await bundle(ada, 'bundle-b')
  })

  it('verify with a wrong expected fingerprint exits 1, with the right one 0, with a malformed one 2', async () => {
    const none = await run(['verify', a])
    expect(none.code).toBe(0)
    expect(none.stdout).toContain(`Signed by Ada Lovelace-Consultant <ada@studio.example>, Ada Launch Studio\n  with the key ${fp}\n  That fingerprint must match the one your consultant gave you another way`)
    const wrong = await run(['verify', a, '--expect-fingerprint', 'ab'.repeat(32)])
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toMatch(/FAIL\s+expected key: signed with the key [0-9a-f]{64}, not the one you expected/)
    const right = await run(['verify', a, '--expect-fingerprint', fp])
    expect(right.code).toBe(0)
    expect(right.stdout).toContain('which is the key you expected.')
    // as other tools print it: upper case with colons, or openssl dgst's prefix
    const colons = fp.toUpperCase().match(/../g)!.join(':')
    expect((await run(['verify', a, '--expect-fingerprint', colons])).code).toBe(0)
    expect((await run(['verify', a, '--expect-fingerprint', `SHA2-256(stdin)= ${fp}`])).code).toBe(0)
    expect(await run(['verify', a, '--expect-fingerprint', 'abc'])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a key fingerprint') })
  })

  it('a bundle whose inventory was edited and whose manifest and VERIFY.txt were re-signed with a fresh key fails', async () => {
    const forged = copy(a, 'forged')
    writeFileSync(join(forged, 'inventory.json'), readFileSync(join(forged, 'inventory.json'), 'utf8').replace(/"ownerAccount": "[^"]*"/, '"ownerAccount": "mallory@evil.example"'))
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString()
    writeFileSync(join(forged, 'signer.pub.pem'), pub)
    const m = JSON.parse(readFileSync(join(forged, 'manifest.json'), 'utf8')) as Manifest
    m.signer.fingerprint = sha256(publicKey.export({ type: 'spki', format: 'der' }))
    const listed = m.files.map((f) => f.path)
    writeFileSync(join(forged, 'VERIFY.txt'), verifyText(m, listed))
    m.files = listed.map((path) => {
      const bytes = readFileSync(join(forged, path))
      return { path, sha256: sha256(bytes), size: bytes.length }
    })
    const bytes = manifestBytes(m)
    writeFileSync(join(forged, 'manifest.json'), bytes)
    writeFileSync(join(forged, 'manifest.sig'), sign(null, bytes, privateKey))
    const pinned = await run(['verify', forged, '--expect-fingerprint', fp])
    expect(pinned.code).toBe(1)
    expect(pinned.stdout).toMatch(/FAIL\s+expected key: signed with the key [0-9a-f]{64}, not the one you expected/)
    // even unpinned, the PDF the consultant signed names another key than the manifest's
    const unpinned = await run(['verify', forged])
    expect(unpinned.code).toBe(1)
    expect(unpinned.stdout).toMatch(new RegExp(`FAIL\\s+PDF fingerprint: the PDF cover prints the key fingerprint ${fp}, but signer.pub.pem's is`))
    expect(unpinned.stdout).toMatch(/ok\s+manifest signature/)
  })

  it("a whole bundle from another consultant's run verifies on its own, and fails against the expected fingerprint", async () => {
    expect((await run(['--workspace', mallory, 'identity', 'set', '--name', 'Mallory Consultant', '--email', 'm@evil.example', '--organisation', 'Evil Ltd'])).code).toBe(0)
    const other = await bundle(mallory, 'bundle-mallory')
    const alone = await run(['verify', other])
    expect(alone.code).toBe(0)
    expect(alone.stdout).toContain('Signed by Mallory Consultant')
    const pinned = await run(['verify', other, '--expect-fingerprint', fp])
    expect(pinned.code).toBe(1)
    expect(pinned.stdout).toContain('which is NOT the key you expected')
  })

  it('two founders accept two bundles on their machine, each named correctly, with their own keys', async () => {
    const ra = await run(['--workspace', founders, 'countersign', a, '--name', 'Ada Founder', '--email', 'ada@acme.example', '--json'])
    const rb = await run(['--workspace', founders, 'countersign', b, '--name', 'Bob Other-Founder', '--email', 'bob@acme.example'])
    expect(ra.code, ra.stderr).toBe(0)
    expect(rb.code, rb.stderr).toBe(0)
    expect(rb.stdout).toContain('Accepted by Bob Other-Founder <bob@acme.example>')
    const va = await run(['verify', a])
    const vb = await run(['verify', b])
    expect([va.code, vb.code]).toEqual([0, 0])
    expect(va.stdout).toMatch(/Accepted by Ada Founder <ada@acme\.example> on \d{4}-\d\d-\d\dT[\d:]+Z, key [0-9a-f]{64}/)
    expect(va.stdout).not.toContain('Bob')
    expect(vb.stdout).toContain('Accepted by Bob Other-Founder <bob@acme.example>')
    expect(vb.stdout).not.toContain('Ada Founder')
    const keyOf = (out: string) => /, key ([0-9a-f]{64})/.exec(out)![1]
    expect(keyOf(va.stdout)).not.toBe(keyOf(vb.stdout))
    expect(JSON.parse(ra.stdout).fingerprint).toBe(keyOf(va.stdout))
    // the consultant's signed files are as they were: the manifest still lists only them
    expect((await run(['verify', a, '--expect-fingerprint', fp])).code).toBe(0)
  })

  it('rejects an acceptance carried over to another manifest', async () => {
    const moved = copy(b, 'moved-acceptance')
    for (const f of readdirSync(a).filter((n) => n.startsWith('acceptance-'))) cpSync(join(a, f), join(moved, f))
    const r = await run(['verify', moved])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/FAIL\s+acceptance-[0-9a-f]{16}: accepts another manifest \(sha256 [0-9a-f]{16}…\), not this bundle's/)
    expect(r.stdout).toMatch(/Acceptance acceptance-[0-9a-f]{16} does not hold/)
  })

  it('accepts a zip in place: its files stay byte for byte, the acceptance sits in its folder', async () => {
    // a zip nobody accepted yet (bundle-a.zip was refreshed when its folder was accepted)
    const zip = join(tmp.dir, 'bundle-mallory-copy.zip')
    cpSync(`${join(tmp.dir, 'bundle-mallory')}.zip`, zip)
    expect([...(await openBundle(zip)).files.keys()].some((n) => n.startsWith('acceptance-'))).toBe(false)
    const before = await openBundle(zip)
    expect((await run(['--workspace', founders, 'countersign', zip, '--name', 'Ada Founder', '--email', 'ada@acme.example'])).code).toBe(0)
    const after = await openBundle(zip)
    for (const [name, bytes] of before.files) expect(after.files.get(name)?.equals(bytes), name).toBe(true)
    expect([...after.files.keys()].filter((n) => !before.files.has(n)).length).toBe(3)
    expect((await run(['verify', zip])).stdout).toContain('Accepted by Ada Founder <ada@acme.example>')
  })

  it('re-keys only when asked, records it in the key history and in the engagement it signed, and old bundles keep their key', async () => {
    expect(await run(['--workspace', ada, 'identity', 'rekey', '--reason', 'laptop lost'])).toMatchObject({ code: 2, stderr: expect.stringContaining('not re-keyed') })
    const oldRef = (() => {
      const ws = openWorkspace(ada)
      const row = ws.db.prepare<[], { key_ref: string }>("SELECT key_ref FROM signing_identities WHERE id = 'consultant'").get()!
      ws.close()
      return row.key_ref
    })()
    const r = await run(['--workspace', ada, 'identity', 'rekey', '--reason', 'laptop lost', '--yes', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const next = JSON.parse(r.stdout) as { fingerprint: string; engagements: number; keys: { event: string; previous: string | null; reason: string }[] }
    expect(next.fingerprint).not.toBe(fp)
    expect(next.engagements).toBe(1)
    expect(next.keys.at(-1)).toMatchObject({ event: 'rekeyed', previous: fp, reason: 'laptop lost' })
    expect(await keychain.get(`signing:${oldRef}:ed25519`)).toBeNull()
    const ws = openWorkspace(ada)
    const item = ws.db.prepare<[], { body: string }>("SELECT body FROM evidence WHERE kind = 'identity.rekeyed'").get()!
    ws.close()
    expect(JSON.parse(item.body).data).toMatchObject({ previous: fp, fingerprint: next.fingerprint, reason: 'laptop lost' })
    expect((await run(['--workspace', ada, 'evidence', 'verify'])).code).toBe(0)
    expect((await run(['--workspace', ada, 'identity', 'show'])).stdout).toMatch(new RegExp(`Re-keyed: .* from ${fp} \\(laptop lost\\)`))
    expect((await run(['verify', a, '--expect-fingerprint', fp])).code).toBe(0)
    const c = await bundle(ada, 'bundle-c')
    expect((await run(['verify', c, '--expect-fingerprint', next.fingerprint])).code).toBe(0)
    expect((await run(['verify', c, '--expect-fingerprint', fp])).code).toBe(1)
  })

  it('never printed or stored private key material', () => {
    for (const text of printed) expect(text).not.toMatch(/PRIVATE KEY/)
    for (const dir of [ada, mallory, founders])
      for (const f of readdirSync(dir).filter((n) => n.startsWith('workspace.sqlite'))) expect(readFileSync(join(dir, f)).toString('latin1'), f).not.toMatch(/PRIVATE KEY/)
  })
})
