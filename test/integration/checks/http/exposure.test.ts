import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as exposure } from '../../../../electron/core/checks/http/exposure'
import { makePki } from '../../../unit/net/tls/pki'
import { runCheck } from './harness'
import { allHosts } from './sites'
import { startWeb, type Web } from './web'

describe('http.exposure', () => {
  let web: Web
  beforeAll(async () => {
    web = await startWeb(makePki(), allHosts())
  })
  afterAll(() => web.close())

  it('passes a site that 404s unknown paths', async () => {
    const o = await runCheck(exposure, web.profile, 'good.test', 'www.good.test')
    expect(o.status).toBe('pass')
    expect(o.details?.catchAll).toBe(false)
  })

  it('is not fooled by a single-page app answering 200 everywhere', async () => {
    const o = await runCheck(exposure, web.profile, 'good.test', 'spa.good.test')
    expect(o.status).toBe('pass')
    expect(o.details?.catchAll).toBe(true)
    expect(o.summary).toMatch(/answers 200 for every path/)
  })

  it('fails on a served .env and source map, without keeping the secrets', async () => {
    const o = await runCheck(exposure, web.profile, 'bad.test', 'bad.test')
    expect(o.status).toBe('fail')
    expect(o.summary).toMatch(/\/\.env \(environment file/)
    expect(o.summary).toMatch(/\/app\.js\.map/)
    const all = JSON.stringify(o)
    expect(all).not.toContain('sk_live')
    expect(all).not.toContain('hunter2')
  })

  it('ends as error when the host hangs', async () => {
    const o = await runCheck(exposure, web.profile, 'hostile.test', 'hostile.test')
    expect(o.status).toBe('error')
  })
})
