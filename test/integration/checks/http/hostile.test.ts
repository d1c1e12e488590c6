import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as canonical } from '../../../../electron/core/checks/http/canonical'
import { check as mixed } from '../../../../electron/core/checks/http/mixed-content'
import { DEFAULT_BODY_CAP } from '../../../../electron/core/net/http/client'
import { makePki } from '../../../unit/net/tls/pki'
import { runCheck } from './harness'
import { allHosts } from './sites'
import { startWeb, type Web } from './web'

describe('hostile servers end as clear results within their timeouts', () => {
  let web: Web
  beforeAll(async () => {
    web = await startWeb(makePki(), allHosts())
  })
  afterAll(() => web.close())

  it('a 100 MB page is read only up to the body cap', async () => {
    const o = await runCheck(mixed, web.profile, 'huge.test')
    expect(o.status).toBe('pass')
    expect(o.details?.truncated).toBe(true)
    const ex = o.evidence?.find((e) => e.kind === 'http.exchange')?.data as { bodyBytes: number; truncated: boolean }
    expect(ex.truncated).toBe(true)
    // Memory stays bounded: at most the cap plus one network chunk was ever read.
    expect(ex.bodyBytes).toBeGreaterThan(DEFAULT_BODY_CAP)
    expect(ex.bodyBytes).toBeLessThanOrEqual(DEFAULT_BODY_CAP + 256 * 1024)
  })

  it('a hanging server and a slow-drip body are timeouts, not hangs', async () => {
    const hang = await runCheck(canonical, web.profile, 'hostile.test')
    expect(hang.status).toBe('error')
    expect(hang.summary).toMatch(/no complete answer within 1500 ms/)
    const drip = await runCheck(mixed, web.profile, 'drip.test')
    expect(drip.status).toBe('error')
    expect(drip.summary).toMatch(/no complete answer within 1500 ms/)
  })

  it('a 50-hop redirect loop is a fail with every hop recorded', async () => {
    const o = await runCheck(canonical, web.profile, 'loop.test')
    expect(o.status).toBe('fail')
    const chains = o.evidence?.map((e) => e.data as { hops: unknown[]; tooManyHops?: boolean; error?: unknown }) ?? []
    expect(chains.filter((c) => c.tooManyHops).length).toBeGreaterThan(0)
    expect(Math.max(...chains.map((c) => c.hops.length))).toBe(11)
  })
})
