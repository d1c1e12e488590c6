import { readFileSync, readdirSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditResult } from '../../../electron/core/checks/runner'
import { createCore, type Core } from '../../../electron/core/api'
import { runDone } from '../../../electron/core/api/checks'
import { openWorkspace } from '../../../electron/core/workspace'
import { startLab, parseScenario, type Lab } from '../../../electron/lab'
import { callCore } from '../../helpers/call'
import { tempDir } from '../../helpers/tmp'
import { setTripwire, type Tripwire } from '../../helpers/tripwire'

// What a cloud metadata service hands out: the kind of answer a redirect into it would leak.
const ACCESS_KEY_ID = 'ASIAQX4ZLAB7KQ2MNR3T'
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzqR4kL9sQ2'
const CREDENTIALS = JSON.stringify({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: ACCESS_KEY_ID, SecretAccessKey: SECRET_ACCESS_KEY, Expiration: '2030-01-01T00:00:00Z' }, null, 2)

/**
 * inward.test: a site whose apex redirects into the consultant's own loopback service (the
 * port of `target`), whose www redirects to the link-local metadata address, whose script
 * redirects inward, whose api host and MTA-STS policy host resolve to link-local and loopback
 * addresses, and whose page links into both.
 */
function scenario(port: number): string {
  const inward = `http://127.0.0.1:${port}/latest/meta-data/iam/security-credentials/x`
  return `
name: inward
domains: [inward.test]
hosts:
  - { name: inward.test, role: apex }
  - { name: www.inward.test, role: web }
  - { name: app.inward.test, role: app }
  - { name: api.inward.test, role: api }
dns:
  zones:
    inward.test:
      nameservers: [{ name: ns1.inward.test, ip: 127.0.53.31 }]
      records:
        - { name: '@', type: A, data: 127.0.80.31 }
        - { name: www, type: A, data: 127.0.80.32 }
        - { name: app, type: A, data: 127.0.80.33 }
        - { name: api, type: A, data: 169.254.169.254 }
        - { name: mta-sts, type: A, data: 127.0.0.1 }
        - { name: mx, type: A, data: 127.0.25.31 }
        - { name: '@', type: MX, data: 10 mx.inward.test }
        - { name: _mta-sts, type: TXT, data: 'v=STSv1; id=1' }
web:
  hosts:
    '@':
      http: { redirect: { status: 301, to: 'https://{host}{path}{query}' } }
      redirect: { status: 302, to: '${inward}' }
    www:
      redirect: { status: 302, to: 'http://169.254.169.254/latest/meta-data/' }
    app:
      routes:
        /:
          body: '<html><script src="/app.js"></script><script src="http://127.0.0.1:${port}/x.js"></script><a href="http://[fe80::1]/">x</a><img src="http://127.0.0.1:${port}/p.png"></html>'
        /app.js: { redirect: { status: 302, to: 'http://127.0.0.1:${port}/app.js' } }
`
}

const tmp = tempDir('handover-egress-')
let lab: Lab
let core: Core
let target: http.Server
const hits: string[] = []
let wire: Tripwire
let engagementId = ''

async function audit(): Promise<AuditResult> {
  const { runId } = await callCore<{ runId: string }>(core, 'runAudit', { engagementId })
  return (await runDone(runId))!
}

/** Every evidence body of the engagement, as stored. */
function evidenceText(): string {
  const rows = core.workspace.db.prepare<[string], { body: string }>('SELECT body FROM evidence WHERE engagement_id = ? ORDER BY seq').all(engagementId)
  return rows.map((r) => r.body).join('\n')
}

beforeAll(async () => {
  target = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'application/json' }).end(CREDENTIALS)
  })
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r))
  const port = (target.address() as AddressInfo).port
  lab = await startLab(parseScenario(scenario(port), 'inward.yaml'))
  core = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile)
  engagementId = (await callCore<{ id: string }>(core, 'createEngagement', { domain: 'inward.test', hosts: ['www', 'app', 'api'] })).id
  wire = setTripwire()
})
afterAll(async () => {
  wire.restore()
  core.workspace.close()
  await lab.close()
  await new Promise((r) => target.close(r))
  tmp.cleanup()
})

describe('a site that redirects and links into loopback and link-local addresses', () => {
  it('without an allowance: every check ends, nothing reaches the target, and the outcomes say "not followed"', async () => {
    const r = await audit()
    const count = (s: string) => r.checks.filter((c) => c.status === s).length
    console.info(`egress: ${r.checks.length} checks in ${r.durationMs} ms: ${count('error')} error, ${count('fail')} fail, ${count('warn')} warn, ${count('pass')} pass, ${count('skip')} skip; target hits: ${hits.length}`)
    expect(r.checks.length).toBeGreaterThan(20)
    expect(hits).toEqual([])
    // nothing tried to leave loopback either (the link-local redirects were refused before connecting)
    expect(wire.stopped).toEqual([])
    const byId = (id: string, target = 'inward.test') => r.checks.find((c) => c.id === id && c.target === target)
    expect(byId('http.canonical')?.summary).toMatch(/the site redirects to a private address \(http:\/\/127\.0\.0\.1:\d+\/latest\/meta-data\/iam\/security-credentials\/x → 127\.0\.0\.1, loopback\); not followed/)
    const all = r.checks.map((c) => c.summary).join('\n')
    expect(all).toMatch(/redirects to a private address \(http:\/\/169\.254\.169\.254\/latest\/meta-data\/ → 169\.254\.169\.254, link-local\); not followed/)
    expect(all).toMatch(/api\.inward\.test \(169\.254\.169\.254\) is a link-local address; checks do not connect there/)
    expect(byId('mail.mta-sts')?.summary).toMatch(/mta-sts\.inward\.test \(127\.0\.0\.1\) is a loopback address/)
    // the refusals are evidence: the chains that stopped are stored with their reason
    const stored = evidenceText()
    expect(stored).toContain('"kind":"blocked"')
    expect(stored).toMatch(/not followed/)
  })

  it('with the engagement allowing 127.0.0.1: the target is reached, evidence says so, and the leaked keys are stored masked', async () => {
    const e = await callCore<{ privateTargets: string[] }>(core, 'updateEngagement', { id: engagementId, patch: { privateTargets: ['127.0.0.1'] } })
    expect(e.privateTargets).toEqual(['127.0.0.1'])
    const r = await audit()
    console.info(`egress with an allowance: ${r.checks.length} checks in ${r.durationMs} ms; target hits: ${hits.length}`)
    expect(hits).toContain('/latest/meta-data/iam/security-credentials/x')
    expect(wire.stopped).toEqual([])
    const stored = evidenceText()
    // the decision is in the chain, and so is every connection it allowed
    expect(stored).toContain('"kind":"engagement.private-targets"')
    expect(stored).toContain('Checks may reach these private targets: 127.0.0.1')
    expect(stored).toContain('reached 127.0.0.1 (loopback) because the engagement allows \\"127.0.0.1\\" as a private target')
    // link-local stays refused: the allowance names one address, not every private one
    expect(stored).toMatch(/169\.254\.169\.254, link-local\); not followed/)
    expect(r.checks.find((c) => c.id === 'tls.cert' && c.target === 'api.inward.test')?.summary).toMatch(/169\.254\.169\.254\) is a link-local address/)
    // the credentials the target handed out were fetched, and stored masked
    expect(stored).toContain('ASIA…[redacted]')
    for (const f of readdirSync(tmp.dir).filter((n) => n.startsWith('workspace.sqlite'))) {
      const bytes = readFileSync(join(tmp.dir, f)).toString('latin1')
      expect(bytes, f).not.toContain(ACCESS_KEY_ID)
      expect(bytes, f).not.toContain(SECRET_ACCESS_KEY)
    }
  })
})
