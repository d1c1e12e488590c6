import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { seededWorkspace } from '../../unit/handover/fixture'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { registerSecret, unregisterSecret } from '../../../electron/core/vault/redact'
import { openWorkspace } from '../../../electron/core/workspace'
import { removeIdentity } from '../../../electron/core/handover/identity'
import { cli, tool } from './tools'
import { CheckStore } from '../../../electron/core/checks/persist'

// Runs against the real Secret Service (npm test starts one; or see the brief's dbus-run-session
// line). Bundles are built by the CLI in-process and checked with openssl, pdfsig and sha256sum.
describe('handover bundle, verified with standard tools', () => {
  const tmp = tempDir()
  const wsDir = join(tmp.dir, 'ws')
  const out = join(tmp.dir, 'bundle')
  const canary = `sk_live_CANARY${Date.now()}x9Qz`
  const keychain = createKeychainStore()
  let domain = ''
  beforeAll(async () => {
    const available = await keychain.available()
    if (!available.ok) throw new Error(`these tests need a Secret Service (run them via npm test or dbus-run-session): ${available.reason}`)
    // The canary is a keychain secret...
    await keychain.set('test-canary', canary)
    const { ws, engagement } = seededWorkspace(wsDir)
    domain = engagement.domain
    // ...that leaked into a stored check result and its evidence before it was registered for
    // redaction (what a buggy check might do); the app stored it through its own writer.
    const store = new CheckStore(ws.db, ws.evidence)
    const at = new Date().toISOString()
    store.startRun('run-leak', engagement.id, at, 1)
    store.saveBatch('run-leak', engagement.id, [
      { checkId: 'mail.dmarc', target: domain, outcome: { status: 'warn', summary: `DMARC p=none without rua token ${canary}`, details: { leak: canary }, evidence: [{ kind: 'http.exchange', label: 'leaky response', data: { header: `Bearer ${canary}` } }] }, durationMs: 5, finishedAt: at },
    ])
    store.finishRun('run-leak', at, false)
    ws.close()
    // Registered from now on, as every secret the app reads: the bundle must mask it.
    registerSecret(canary)
    const id = await cli(['--workspace', wsDir, 'identity', 'set', '--name', 'Ada Consultant', '--email', 'ada@example.com', '--organisation', 'Ada Launch Studio'])
    expect(id.code, id.stderr).toBe(0)
    const r = await cli(['--workspace', wsDir, 'bundle', '--out', out])
    expect(r.stderr).toContain('Building')
    expect(r.code, r.stderr).toBe(0)
  })
  afterAll(async () => {
    unregisterSecret(canary)
    await keychain.delete('test-canary')
    // Leave no test keys behind in the keychain.
    const ws = openWorkspace(wsDir)
    await removeIdentity(ws.db, keychain, 'consultant')
    await removeIdentity(ws.db, keychain, 'founder')
    ws.close()
    tmp.cleanup()
  })

  it('pdfsig reports a valid signature over the whole document', () => {
    const r = tool('pdfsig', ['handover.pdf'], out)
    expect(r.out).toContain('Signature is Valid')
    expect(r.out).toContain('Total document signed')
  })

  it('openssl verifies manifest.sig with the included public key, as VERIFY.txt says', () => {
    const verify = readFileSync(join(out, 'VERIFY.txt'), 'utf8')
    const cmd = 'openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in manifest.json -sigfile manifest.sig'
    expect(verify).toContain(cmd)
    expect(tool('sh', ['-c', cmd], out).out).toContain('Signature Verified Successfully')
    // every step of VERIFY.txt, run as written: verify-txt.test.ts
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(tool('sh', ['-c', 'openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum'], out).out).toContain(manifest.signer.fingerprint)
  })

  it('handover verify passes the folder and the zip, and fails a tampered copy (openssl too)', async () => {
    expect((await cli(['verify', out])).code).toBe(0)
    expect((await cli(['verify', `${out}.zip`, '--json'])).stdout).toContain('"ok": true')
    const copy = join(tmp.dir, 'tampered')
    cpSync(out, copy, { recursive: true })
    const m = readFileSync(join(copy, 'manifest.json'))
    m[m.length - 5] ^= 0x01
    writeFileSync(join(copy, 'manifest.json'), m)
    const r = await cli(['verify', copy])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/FAIL\s+manifest signature/)
    expect(tool('sh', ['-c', 'openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in manifest.json -sigfile manifest.sig'], copy).out).toContain('Signature Verification Failure')
    const pdfCopy = join(tmp.dir, 'tampered-pdf')
    cpSync(out, pdfCopy, { recursive: true })
    const pdf = readFileSync(join(pdfCopy, 'handover.pdf'))
    pdf[2000] ^= 0x01
    writeFileSync(join(pdfCopy, 'handover.pdf'), pdf)
    expect(tool('pdfsig', ['handover.pdf'], pdfCopy).out).not.toContain('Signature is Valid')
    expect((await cli(['verify', pdfCopy])).stdout).toMatch(/FAIL\s+PDF signature/)
  })

  it('the founder accepts with their own keychain key; openssl and verify accept it', async () => {
    const copy = join(tmp.dir, 'accepted')
    cpSync(out, copy, { recursive: true })
    const r = await cli(['--workspace', wsDir, 'countersign', copy, '--name', 'Zoë Müller', '--email', 'zoe@example.com', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const { stem } = JSON.parse(r.stdout) as { stem: string }
    expect(tool('sh', ['-c', `openssl pkeyutl -verify -pubin -inkey ${stem}.pub.pem -rawin -in ${stem}.txt -sigfile ${stem}.sig`], copy).out).toContain('Signature Verified Successfully')
    expect((await cli(['verify', copy])).stdout).toContain('Accepted by Zoë Müller <zoe@example.com>')
  })

  it('no secret appears in any bundle file or in the PDF text', () => {
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f)).toString('latin1'), f).not.toContain(canary)
    const text = tool('pdftotext', ['-enc', 'UTF-8', 'handover.pdf', '-'], out).out
    expect(text).toContain('Executive summary')
    expect(text).toContain('bücher-café.example') // IDN names render in Unicode
    expect(text).not.toContain(canary)
    expect(readFileSync(join(out, 'evidence.json'), 'utf8')).toContain('[redacted]')
  })

  it('items masked for the bundle are marked, and verify links them by their recorded hash', async () => {
    const items = (JSON.parse(readFileSync(join(out, 'evidence.json'), 'utf8')) as { items: { label: string; masked?: boolean }[] }).items
    expect(items.filter((i) => i.masked).map((i) => i.label)).toEqual([expect.stringMatching(/mail\.dmarc/), 'leaky response'])
    expect((await cli(['verify', out])).stdout).toMatch(/ok\s+evidence chain: \d+ items re-hash to the head Ada Consultant signed .*; 2 masked for the bundle/)
  })

  it('the inventory CLI lists, sets and imports rows', async () => {
    const set = await cli(['--workspace', wsDir, 'inventory', 'set', 'registrar', '--name', 'Gandi', '--login-url', 'https://admin.gandi.example', '--two-factor', 'on', '--admins', 'zoe@example.com,ada@example.com', '--json'])
    expect(set.code, set.stderr).toBe(0)
    expect(JSON.parse(set.stdout)).toMatchObject({ system: 'registrar', name: 'Gandi', twoFactor: 'on' })
    const file = join(tmp.dir, 'inv.json')
    writeFileSync(file, JSON.stringify([{ system: 'custom', name: 'Intercom', purpose: 'support chat' }]))
    expect((await cli(['--workspace', wsDir, 'inventory', 'import', file])).code).toBe(0)
    const list = JSON.parse((await cli(['--workspace', wsDir, 'inventory', 'list', '--json'])).stdout) as { name: string }[]
    expect(list.map((e) => e.name)).toEqual(expect.arrayContaining(['Gandi', 'Intercom', 'Cloudflare']))
    const bad = await cli(['--workspace', wsDir, 'inventory', 'set', 'dns', '--login-url', 'nope'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('login URL')
    expect(domain).toBe('xn--bcher-caf-j4a4r.example')
  })
})
