import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as cache } from '../../../../electron/core/checks/http/cache'
import { check as canonical } from '../../../../electron/core/checks/http/canonical'
import { check as headers } from '../../../../electron/core/checks/http/headers'
import { check as hsts } from '../../../../electron/core/checks/http/hsts'
import { check as https } from '../../../../electron/core/checks/http/https'
import { check as mixed } from '../../../../electron/core/checks/http/mixed-content'
import { check as preview } from '../../../../electron/core/checks/http/preview'
import { check as routes } from '../../../../electron/core/checks/http/routes'
import type { CheckModule } from '../../../../electron/core/checks/types'
import { makePki } from '../../../unit/net/tls/pki'
import { runCheck } from './harness'
import { allHosts } from './sites'
import { startWeb, type Web } from './web'

const RELAXED = { p95PassMs: 3000, p95WarnMs: 5000 }

describe('HTTP checks: every status against loopback sites', () => {
  let web: Web
  beforeAll(async () => {
    web = await startWeb(makePki(), allHosts())
  })
  afterAll(() => web.close())
  const run = (c: CheckModule, domain: string, target = domain, o: Parameters<typeof runCheck>[4] = {}) => runCheck(c, web.profile, domain, target, o)

  it('http.https: pass, warn, fail, error', async () => {
    const pass = await run(https, 'good.test', 'www.good.test')
    expect([pass.status, pass.summary]).toEqual(['pass', expect.stringMatching(/permanently redirects \(308\)/)])
    expect(pass.details?.connectTo).toEqual([expect.stringMatching(/^www\.good\.test:80 → 127\.0\.0\.1:\d+$/)])
    const warn = await run(https, 'bad.test', 'www.bad.test')
    expect(warn.status).toBe('warn')
    expect(warn.summary).toMatch(/another host \(bad\.test\).*temporary \(302\)/)
    const fail = await run(https, 'bad.test')
    expect([fail.status, fail.summary]).toEqual(['fail', expect.stringMatching(/serves content over plain HTTP/)])
    const refused = await run(https, 'bad.test', 'staging.bad.test')
    expect(refused.status).toBe('warn')
    expect((await run(https, 'hostile.test')).status).toBe('error')
  })

  it('http.canonical: pass, warn, fail (two live hosts, 50-hop loop), error', async () => {
    const pass = await run(canonical, 'good.test')
    expect(pass.status).toBe('pass')
    expect(pass.details?.canonical).toBe('www.good.test')
    const two = await run(canonical, 'bad.test')
    expect(two.status).toBe('fail')
    expect(two.summary).toMatch(/two live hosts/)
    const loop = await run(canonical, 'loop.test')
    expect(loop.status).toBe('fail')
    expect(loop.summary).toMatch(/never stops redirecting|loop/)
    const warn = await run(canonical, 'passive.test')
    expect([warn.status, warn.summary]).toEqual(['warn', expect.stringMatching(/did not answer/)])
    // www → apex by a temporary redirect: search engines keep both hosts.
    const temp = await run(canonical, 'temp.test')
    expect([temp.status, temp.summary]).toEqual(['warn', expect.stringMatching(/https?:\/\/www\.temp\.test\/.* → https:\/\/temp\.test\/.* is a temporary redirect \(302\)/)])
    expect((await run(canonical, 'hostile.test')).status).toBe('error')
  })

  it('http.hsts: pass, warn (weak, missing), error', async () => {
    const pass = await run(hsts, 'good.test')
    expect(pass.status).toBe('pass')
    expect(pass.details?.preload).toMatchObject({ eligible: true })
    const weak = await run(hsts, 'bad.test')
    expect([weak.status, weak.summary]).toEqual(['warn', expect.stringMatching(/max-age is 86400 s.*includeSubDomains is missing/)])
    const noSub = await run(hsts, 'passive.test')
    expect(noSub.summary).toMatch(/includeSubDomains is missing/)
    expect((await run(hsts, 'hostile.test')).status).toBe('error')
  })

  it('http.mixed-content: pass, warn (passive), fail (active), error', async () => {
    expect((await run(mixed, 'good.test')).status).toBe('pass')
    const passive = await run(mixed, 'passive.test')
    expect([passive.status, passive.summary]).toEqual(['warn', expect.stringMatching(/http:\/\/img\.passive\.test\/a\.png/)])
    const active = await run(mixed, 'bad.test')
    expect([active.status, active.summary]).toEqual(['fail', expect.stringMatching(/<script> http:\/\/cdn\.bad\.test\/x\.js/)])
    expect((await run(mixed, 'drip.test')).status).toBe('error')
  })

  it('http.headers: pass, warn, error', async () => {
    expect((await run(headers, 'good.test')).status).toBe('pass')
    const warn = await run(headers, 'bad.test')
    expect([warn.status, warn.summary]).toEqual(['warn', expect.stringMatching(/lacks x-content-type-options, frame protection.*referrer-policy/)])
    expect((await run(headers, 'hostile.test')).status).toBe('error')
  })

  it('http.routes: pass, warn, fail (5xx and slow), error', async () => {
    const pass = await run(routes, 'good.test', 'good.test', { thresholds: RELAXED })
    expect(pass.status).toBe('pass')
    const rows = pass.details?.routes as { url: string; present: boolean; stoppedEarly?: boolean; stats?: { n: number } }[]
    // Every sample far under half the 3 s target: sampling stops at the minimum, clearly fast.
    expect(rows.filter((r) => r.present).map((r) => [r.stats?.n, r.stoppedEarly])).toEqual(Array(4).fill([8, true]))
    // /api/health takes at least 30 ms on the server, so these targets are certainly missed.
    const warn = await run(routes, 'good.test', 'good.test', { thresholds: { p95PassMs: 10, p95WarnMs: 60_000 } })
    expect([warn.status, warn.summary]).toEqual(['warn', expect.stringMatching(/\/api\/health p95 \d+ ms/)])
    const slow = await run(routes, 'good.test', 'good.test', { thresholds: { p95PassMs: 5, p95WarnMs: 10 } })
    expect(slow.status).toBe('fail')
    const fail = await run(routes, 'bad.test', 'bad.test', { thresholds: RELAXED })
    expect([fail.status, fail.summary]).toEqual(['fail', expect.stringMatching(/\/signup answers 500/)])
    expect((await run(routes, 'hostile.test', 'hostile.test', { thresholds: RELAXED })).status).toBe('error')
  })

  it('http.cache: pass, warn, fail (cookie response publicly cacheable), error', async () => {
    const pass = await run(cache, 'good.test')
    expect([pass.status, pass.summary]).toEqual(['pass', expect.stringMatching(/edge HIT on repeat/)])
    const warn = await run(cache, 'passive.test')
    expect([warn.status, warn.summary]).toEqual(['warn', expect.stringMatching(/1 of 1 static asset\(s\) are not long-cached/)])
    const fail = await run(cache, 'bad.test')
    expect([fail.status, fail.summary]).toEqual(['fail', expect.stringMatching(/\/login sets a cookie yet is publicly cacheable/)])
    // The worse finding does not hide the other: the short-cached asset is named after it.
    expect(fail.summary).toMatch(/publicly cacheable.*; 1 of 1 static asset\(s\) are not long-cached \(e\.g\. https:\/\/bad\.test\/app\.js/)
    expect(JSON.stringify(fail.evidence)).not.toContain('s3cr3t')
    expect((await run(cache, 'hostile.test')).status).toBe('error')
  })

  it('http.preview: pass (auth, noindex), warn, error', async () => {
    expect((await run(preview, 'good.test', 'staging.good.test', { role: 'staging' })).status).toBe('pass')
    const noindex = await run(preview, 'good.test', 'preview.good.test', { role: 'preview' })
    expect([noindex.status, noindex.summary]).toEqual(['pass', expect.stringMatching(/X-Robots-Tag/)])
    const warn = await run(preview, 'bad.test', 'staging.bad.test', { role: 'staging' })
    expect([warn.status, warn.summary]).toEqual(['warn', expect.stringMatching(/indexable/)])
    expect((await run(preview, 'hostile.test', 'staging.hostile.test', { role: 'staging' })).status).toBe('error')
    expect(preview.applies?.({} as never, { name: 'www.good.test', role: 'web' })).toBe(false)
  })
})
