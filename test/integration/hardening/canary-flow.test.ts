import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { readZipEntries } from '../../../electron/core/handover/bundle/zip-read'
import { BUNDLE_LIMITS } from '../../../electron/core/handover/bundle/input'
import { removeIdentity } from '../../../electron/core/handover/identity'
import { openWorkspace } from '../../../electron/core/workspace'

/** Every entry of a zip, inflated (the bundle zip's entries are compressed: scan what they hold). */
async function unzipped(zip: string): Promise<{ name: string; data: Buffer }[]> {
  const { data } = await readZipEntries(zip, BUNDLE_LIMITS, () => true)
  return [...data].map(([name, d]) => ({ name: `${zip}!${name}`, data: d }))
}
import { handover, type CliResult } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'
import { blobsOf, filesUnder, occurrences } from './scan'

/**
 * Secret canaries across a full flow through the real CLI (bin/handover.js, the built bundle):
 * a canary planted in the OS keychain, and the lab's own canaries (every env var value the
 * sandbox Vercel/Netlify APIs serve carries HANDOVER_CANARY_<hex>, random per run, so the
 * prefix is what we look for) must appear nowhere: not in the SQLite file (and -wal/-shm),
 * any workspace or bundle file, the zip's entries, stdout/stderr, or the PDF's text.
 */
const PREFIX = 'HANDOVER_CANARY_'
const KEY_CANARY = `${PREFIX}${randomBytes(12).toString('hex').toUpperCase()}`
const DOMAIN = 'acme-launch.example'

const tmp = tempDir('handover-canary-flow-')
const W = join(tmp.dir, 'ws')
const B = join(tmp.dir, 'bundle')
const outputs: { name: string; data: string }[] = []
let keychain = false
let credentialId: string | undefined

/** Run the CLI against the test workspace and keep its output for the scan. */
async function cli(args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const r = await handover(['--workspace', W, ...args], { timeoutMs: 120_000, ...opts })
  outputs.push({ name: `stdout of handover ${args.join(' ')}`, data: r.stdout }, { name: `stderr of handover ${args.join(' ')}`, data: r.stderr })
  return r
}

beforeAll(async () => {
  keychain = (await createKeychainStore().available()).ok
})
afterAll(async () => {
  if (credentialId) await handover(['--workspace', W, 'credential', 'remove', credentialId, '--yes'], { timeoutMs: 60_000 }).catch(() => undefined)
  if (keychain) {
    const ws = openWorkspace(W)
    await removeIdentity(ws.db, createKeychainStore(), 'consultant')
    ws.close()
  }
  tmp.cleanup()
})

describe('secret canaries across engagement, credential, audit, sprint and bundle (CLI)', () => {
  it('the scanner finds a planted canary (the check can fail)', () => {
    const control = join(tmp.dir, 'control.bin')
    writeFileSync(control, Buffer.concat([randomBytes(64), Buffer.from(KEY_CANARY), randomBytes(64)]))
    expect(occurrences(blobsOf([control]), [KEY_CANARY, PREFIX])).toHaveLength(2)
  })

  it('runs the whole flow and leaks no canary anywhere', async () => {
    const add = await cli(['engagement', 'add', DOMAIN, '--hosts', 'www,app,api,staging,docs', '--founder-email', `founder@${DOMAIN}`, '--json'])
    expect(add.code, add.stderr).toBe(0)

    // Plant the keychain canary (or, with no Secret Service, prove the refusal path).
    const cred = await cli(['credential', 'add', 'cloudflare', '--label', 'canary token', '--engagement', DOMAIN, '--no-verify', '--json'], { input: KEY_CANARY })
    if (keychain) {
      expect(cred.code, cred.stderr).toBe(0)
      credentialId = (JSON.parse(cred.stdout) as { id: string }).id
    } else {
      expect(cred.code).not.toBe(0)
      expect(cred.stderr).toMatch(/keychain/i)
      expect(cred.stderr).toMatch(/nothing was stored/)
    }
    const listed = await cli(['credential', 'list', '--json'])
    expect(listed.code, listed.stderr).toBe(0)
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(keychain ? 1 : 0)

    const audit = await cli(['audit', '--lab', 'demo', '--json'])
    expect([0, 1], audit.stderr).toContain(audit.code)
    const checks = (JSON.parse(audit.stdout) as { checks: { id: string; status: string }[] }).checks
    // The hosting checks really read the canary-carrying env vars (not skipped for want of a token).
    expect(checks.find((c) => c.id === 'host.env')?.status).toBe('fail')

    expect((await cli(['sprint', 'start', DOMAIN, '--json'])).code).toBe(0)
    const run = await cli(['sprint', 'run', DOMAIN, '--lab', 'demo', '--json'])
    expect([0, 1], run.stderr).toContain(run.code)
    expect((await cli(['sprint', 'status', DOMAIN, '--json'])).code).toBe(0)
    expect((await cli(['inventory', 'prefill', '--engagement', DOMAIN, '--json'])).code).toBe(0)
    expect((await cli(['inventory', 'list', '--engagement', DOMAIN, '--json'])).code).toBe(0)
    expect((await cli(['evidence', 'verify', '--json'])).code).toBe(0)

    const identity = await cli(['identity', 'set', '--name', 'Ada Consultant', '--email', 'ada@studio.example', '--organisation', 'Ada Launch Studio', '--json'])
    expect(identity.code === 0, identity.stderr).toBe(keychain)
    const bundle = await cli(['bundle', '--out', B, '--engagement', DOMAIN, '--json'])
    const blobs = [...blobsOf(filesUnder(W)), ...outputs]
    if (keychain) {
      expect(bundle.code, bundle.stderr).toBe(0)
      expect((await cli(['verify', B])).code).toBe(0)
      blobs.push(...blobsOf(filesUnder(B)))
      const zip = `${B}.zip`
      expect(existsSync(zip)).toBe(true)
      blobs.push(...(await unzipped(zip)))
      const text = execFileSync('pdftotext', [join(B, 'handover.pdf'), '-'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }).toString()
      expect(text).toMatch(/acme-launch\.example/)
      blobs.push({ name: 'pdftotext handover.pdf', data: text })
    } else {
      // no keychain, no key: the identity could not be set, so nothing is signed
      expect(identity.stderr).toMatch(/keychain/i)
      expect(bundle.code).not.toBe(0)
      expect(bundle.stderr).toMatch(/set who signs your bundles first/)
    }

    const db = filesUnder(W).filter((f) => /\.sqlite(-wal|-shm)?$/.test(f))
    expect(db.length).toBeGreaterThanOrEqual(1)
    expect(occurrences(blobs, [KEY_CANARY, PREFIX])).toEqual([])
    // Written out for docs/hardening.md (how much was scanned).
    console.log(`canary-flow: keychain=${keychain}; scanned ${blobs.length} blobs, ${blobs.reduce((n, b) => n + b.data.length, 0)} bytes`)
  }, 600_000)

  it('`handover demo` (two audits, fixes, a manual verdict with an attachment, a signed bundle) leaks no lab canary', async () => {
    const out = join(tmp.dir, 'demo')
    const r = await handover(['demo', '--out', out, '--json'], { timeoutMs: 240_000 })
    expect(r.code, r.stderr).toBe(0)
    const blobs: { name: string; data: Buffer | string }[] = [...blobsOf(filesUnder(out)), { name: 'demo stdout', data: r.stdout }, { name: 'demo stderr', data: r.stderr }]
    const zip = join(out, 'bundle.zip')
    if (existsSync(zip)) blobs.push(...(await unzipped(zip)))
    const pdf = filesUnder(out).find((f) => f.endsWith('handover.pdf'))
    expect(pdf).toBeDefined()
    blobs.push({ name: 'pdftotext demo handover.pdf', data: execFileSync('pdftotext', [pdf!, '-'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }).toString() })
    expect(filesUnder(out).some((f) => f.endsWith('workspace.sqlite'))).toBe(true)
    expect(occurrences(blobs, [PREFIX])).toEqual([])
  }, 300_000)
})
