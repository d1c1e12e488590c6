import { afterEach, describe, expect, it } from 'vitest'
import { check as domain } from '../../../../electron/core/checks/reg/domain'
import { check as deploy } from '../../../../electron/core/checks/host/deploy'
import { check as env } from '../../../../electron/core/checks/host/env'
import { check as uptime } from '../../../../electron/core/checks/mon/uptime'
import type { CheckModule } from '../../../../electron/core/checks/types'
import type { ProvidersInput } from '../../../../electron/lab/providers'
import { check as tls } from '../../../../electron/core/checks/cf/tls'
import { DOMAIN, sandbox, type Sandbox } from './harness'

/** Each provider with the data a check needs and the check that calls it. */
const PROVIDERS: { provider: string; check: CheckModule; spec: ProvidersInput; only?: string[] }[] = [
  { provider: 'cloudflare', check: tls, spec: { cloudflare: { zones: [{}] } } },
  { provider: 'rdap', check: domain, spec: {} },
  { provider: 'vercel', check: deploy, spec: { vercel: { projects: [{ name: 'web', domains: [DOMAIN], deployments: [{ state: 'READY' }] }] } }, only: ['vercel'] },
  { provider: 'netlify', check: env, spec: { netlify: { sites: [{ name: 'web', customDomain: DOMAIN }] } }, only: ['netlify'] },
  { provider: 'uptimerobot', check: uptime, spec: { uptimerobot: { monitors: [] } }, only: ['uptimerobot'] },
  { provider: 'betterstack', check: uptime, spec: { betterstack: { monitors: [] } }, only: ['betterstack'] },
]

const FAULTS: { name: string; fault: Record<string, unknown>; summary: RegExp; authed?: boolean }[] = [
  { name: '401', fault: { status: 401 }, summary: /rejected the credential \(HTTP 401\)/, authed: true },
  { name: '429 asking for an hour', fault: { status: 429, retryAfter: 3600 }, summary: /rate-limited .*asked to wait 3600 s/ },
  { name: '500', fault: { status: 500 }, summary: /server error \(HTTP 500\) and retries ran out/ },
  { name: 'invalid JSON', fault: { kind: 'invalid-json' }, summary: /invalid JSON|without a valid|not in the IANA format/ },
  { name: 'a hang', fault: { kind: 'hang' }, summary: /did not answer within 1 s/ },
]

describe('hostile provider APIs end as clear `error` results', () => {
  let s: Sandbox | undefined
  afterEach(async () => {
    await s?.close()
    s = undefined
  })
  for (const p of PROVIDERS) {
    for (const f of FAULTS) {
      if (f.authed && p.provider === 'rdap') continue
      it(`${p.provider}: ${f.name} → ${p.check.meta.id} error`, async () => {
        s = await sandbox({ ...p.spec, faults: [{ provider: p.provider, ...f.fault }] } as ProvidersInput, { requestMs: 800 })
        const r = await s.run(p.check, { only: p.only })
        expect({ status: r.status, summary: r.summary }).toEqual({ status: 'error', summary: expect.stringMatching(f.summary) })
      })
    }
  }

  it('a 429 with a short Retry-After is retried and the check completes', async () => {
    s = await sandbox({ cloudflare: { zones: [{}] }, faults: [{ provider: 'cloudflare', status: 429, retryAfter: 1, times: 1 }] })
    expect((await s.run(tls)).status).toBe('pass')
  })
})
