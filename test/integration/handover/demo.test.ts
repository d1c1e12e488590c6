import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { openWorkspace } from '../../../electron/core/workspace'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { removeIdentity } from '../../../electron/core/handover/identity'
import { cli, tool } from './tools'

// The "done when": `handover demo --out DIR` ends in a bundle pdfsig and openssl verify,
// `handover verify` passes it, and drift against the sandbox lists what a scripted change did.
describe('handover demo', () => {
  const tmp = tempDir()
  // the demo's own workspace, where it signs as the demo consultant
  const ws = join(tmp.dir, 'demo', 'workspace')
  afterAll(async () => {
    const w = openWorkspace(ws)
    await removeIdentity(w.db, createKeychainStore(), 'consultant')
    w.close()
    tmp.cleanup()
  })

  it('runs a sprint on the demo scenario and ends in a verifiable signed bundle', { timeout: 240_000 }, async () => {
    // a workspace of one's own has no demo identity forced on it: it signs as its consultant set
    const mine = await cli(['--workspace', join(tmp.dir, 'mine'), 'demo', '--out', join(tmp.dir, 'not-here'), '--json'])
    expect(mine.code).toBe(2)
    expect(mine.stderr).toContain('set who signs your bundles first')
    expect(existsSync(join(tmp.dir, 'not-here'))).toBe(false)
    const r = await cli(['demo', '--out', join(tmp.dir, 'demo'), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout)
    const out = j.bundle.dir as string
    expect(j.fixesApplied.length).toBeGreaterThan(0)
    expect(j.secondRun.failedOrErrored).toBeLessThan(j.firstRun.failedOrErrored)
    expect(tool('pdfsig', ['handover.pdf'], out).out).toContain('Signature is Valid')
    expect(tool('sh', ['-c', 'openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in manifest.json -sigfile manifest.sig'], out).out).toContain('Signature Verified Successfully')
    const v = await cli(['verify', out])
    expect(v.code).toBe(0)
    expect(v.stdout).toContain('Signed by Demo Consultant <consultant@handover.example>, Handover Console demo')
    const text = tool('pdftotext', ['handover.pdf', '-'], out).out
    expect(text).toMatch(/Blockers fixed/)
    // Months later: the sandbox without the consultant's fixes is what "drift" must report.
    const drift = await cli(['--workspace', join(tmp.dir, 'founder'), 'drift', out, '--lab', 'demo', '--json'])
    expect(drift.code).toBe(1)
    const changes = JSON.parse(drift.stdout).changes as { checkId: string; kind: string }[]
    expect(changes.some((c) => c.kind === 'status')).toBe(true)
  })
})
