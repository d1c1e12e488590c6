import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { forgetConsultant } from '../../helpers/identity'
import { loadScenario } from '../../../electron/lab'
import type { DriftReport } from '../../../electron/core/handover/drift'
import { cli } from './tools'

const ALL_FIXES = ['add-hsts', 'fix-dns', 'renew-cert', 'hide-env']

// Issue 23's "done when" for drift, on the real demo bundle: the state at handover (every fix
// applied, in a fresh sandbox with new keys and certificates) is no regression; three scripted
// changes a founder would care about are exactly three regressions, each one sentence.
describe('drift as verdicts: the demo months later', () => {
  const tmp = tempDir()
  // the demo's own workspace, where it signs as the demo consultant
  const ws = join(tmp.dir, 'demo', 'workspace')
  const scenarioFile = join(tmp.dir, 'demo-later.yaml')
  let bundle = ''

  beforeAll(async () => {
    const r = await cli(['demo', '--out', join(tmp.dir, 'demo'), '--json'])
    expect(r.code, r.stderr).toBe(0)
    bundle = JSON.parse(r.stdout).bundle.dir as string
    const scenario = loadScenario('demo')
    scenario.fixes = {
      ...scenario.fixes,
      'later-changes': {
        dns: { zones: { 'acme-launch.example': { records: [{ name: 'app', type: 'A', data: '127.0.80.33' }] } } },
        web: { hosts: { www: { cert: { kind: 'expiring', days: 21 } }, api: { http: true } } },
      },
    }
    writeFileSync(scenarioFile, stringify(scenario))
  }, 240_000)
  afterAll(async () => {
    await forgetConsultant(ws)
    tmp.cleanup()
  })

  it('reports no regression and exits 0 when the sandbox is as it was at handover', { timeout: 180_000 }, async () => {
    const r = await cli(['--workspace', join(tmp.dir, 'founder'), 'drift', bundle, '--lab', 'demo', '--fix', ...ALL_FIXES, '--json'])
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const report = JSON.parse(r.stdout) as DriftReport
    expect(report.regressions).toBe(0)
    expect(report.findings.filter((f) => f.verdict === 'regression')).toEqual([])
    // a fresh sandbox issues new certificates (the same issuer for the same names: a renewal), and
    // the slow health route may land just past its edge on a busy machine: neither is a regression
    // the bundle's probes ran with the site owner's consent and the smoke flows the consultant
    // declared (a test account's form fields never travel in a bundle); the founder's workspace has
    // neither, so those are not checked this time: neither better nor worse
    for (const f of report.findings) expect(f.headline).toMatch(/was renewed by the same issuer|^Key routes are about as fast as at handover|was not checked this time .*(No consent recorded|No smoke flow declared)/)
  })

  it('words a moved DNS record, a certificate about to expire and a removed redirect as exactly three regressions, exit 1', { timeout: 180_000 }, async () => {
    const r = await cli(['--workspace', join(tmp.dir, 'founder-2'), 'drift', bundle, '--lab', scenarioFile, '--fix', ...ALL_FIXES, 'later-changes'])
    expect(r.code, r.stdout + r.stderr).toBe(1)
    const regressions = r.stdout.slice(r.stdout.indexOf('Regressions (3):'), r.stdout.indexOf('Other changes')).split('\n').filter((l) => l.startsWith('  ✗ '))
    expect(regressions.sort()).toEqual([
      expect.stringMatching(/^ {2}✗ The certificate for www expires in 2[01] days\.$/),
      expect.stringMatching(/^ {2}✗ api no longer redirects to HTTPS: http:\/\/api\.acme-launch\.example\/ serves content over plain HTTP/),
      expect.stringMatching(/^ {2}✗ app now points to 127\.0\.80\.33 \(at handover: 127\.0\.80\.3\)\. If nobody meant to change it, check the DNS provider\.$/),
    ])
    expect(r.stdout).toMatch(/^3 regressions since handover\.$/m)
    const json = await cli(['--workspace', join(tmp.dir, 'founder-2'), 'drift', bundle, '--lab', scenarioFile, '--fix', ...ALL_FIXES, 'later-changes', '--json'])
    expect(json.code).toBe(1)
    expect((JSON.parse(json.stdout) as DriftReport).regressions).toBe(3)
  })

  it('exits 2 on bad input: no bundle there, --fix without --lab', async () => {
    const missing = await cli(['--workspace', join(tmp.dir, 'founder-3'), 'drift', join(tmp.dir, 'nope')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/not a handover bundle/)
    expect((await cli(['--workspace', join(tmp.dir, 'founder-3'), 'drift', bundle, '--fix', 'add-hsts'])).code).toBe(2)
  })
})
