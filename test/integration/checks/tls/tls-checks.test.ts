import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as cert } from '../../../../electron/core/checks/tls/cert'
import { check as protocols } from '../../../../electron/core/checks/tls/protocols'
import { makePki } from '../../../unit/net/tls/pki'
import { runCheck } from '../http/harness'
import { allHosts } from '../http/sites'
import { startWeb, type Web } from '../http/web'

describe('tls.cert and tls.protocols against loopback hosts', () => {
  let web: Web
  beforeAll(async () => {
    web = await startWeb(makePki(), allHosts())
  })
  afterAll(() => web.close())

  it.each([
    ['www.good.test', 'pass', /trusted, matches/],
    ['soon.bad.test', 'warn', /expires in 12 days/],
    // Issued for exactly 5 days: it reads 5, moments later as ever (not 4).
    ['five.bad.test', 'fail', /expires in 5 days/],
    ['doom.bad.test', 'fail', /expires in 3 days/],
    ['expired.bad.test', 'fail', /expired/],
    ['wrong.bad.test', 'fail', /does not cover wrong\.bad\.test/],
    ['self.bad.test', 'fail', /not trusted/],
    ['nothing.good.test', 'error', /No TLS handshake/],
  ])('tls.cert %s → %s', async (host, status, summary) => {
    const o = await runCheck(cert, web.profile, host.split('.').slice(-2).join('.'), host)
    expect(o.status).toBe(status)
    expect(o.summary).toMatch(summary)
    if (status !== 'error') {
      expect(o.details?.connectTo).toEqual([expect.stringMatching(new RegExp(`^${host}:443 → 127\\.0\\.0\\.1:\\d+$`))])
      expect(JSON.stringify(o.evidence)).toContain('BEGIN CERTIFICATE')
    }
  })

  it.each([
    ['www.good.test', 'pass', /refuses TLS 1\.0\/1\.1/],
    ['legacy.bad.test', 'warn', /still accepts TLS 1\.0 and TLS 1\.1/],
    ['nothing.good.test', 'error', /No TLS 1\.2\+ handshake/],
  ])('tls.protocols %s → %s', async (host, status, summary) => {
    const o = await runCheck(protocols, web.profile, host.split('.').slice(-2).join('.'), host)
    expect(o.status).toBe(status)
    expect(o.summary).toMatch(summary)
  })
})
