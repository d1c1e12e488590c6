import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCheck } from '../../../../electron/core/checks/registry'
import type { ProvidersInput } from '../../../../electron/lab/providers'
import { DOMAIN, sandbox, type Sandbox } from './harness'

/** Provider checks and the credential each needs. */
const NEEDS: Record<string, string> = {
  'cf.token': 'cloudflare',
  'cf.zone': 'cloudflare',
  'cf.proxy': 'cloudflare',
  'cf.tls': 'cloudflare',
  'cf.security': 'cloudflare',
  'cf.cache': 'cloudflare',
  'cf.access': 'cloudflare',
  'host.deploy': 'vercel',
  'host.env': 'vercel',
  'host.domains': 'vercel',
  'mon.uptime': 'uptimerobot',
}

const SPEC: ProvidersInput = {
  cloudflare: { zones: [{}] },
  vercel: { projects: [{ name: 'web', domains: [DOMAIN], deployments: [{ state: 'READY' }] }] },
  uptimerobot: { monitors: [] },
}

describe('every provider check: skip without its credential, error when its API fails', () => {
  let ok: Sandbox
  let broken: Sandbox
  beforeAll(async () => {
    ok = await sandbox(SPEC)
    // Every provider answers 500 on every path (and RDAP too).
    broken = await sandbox({ ...SPEC, faults: [{ provider: 'any', status: 500 }] }, { requestMs: 1000 })
  })
  afterAll(async () => {
    await ok?.close()
    await broken?.close()
  })

  for (const [id, provider] of Object.entries(NEEDS)) {
    it(`${id}: skip naming the ${provider} credential when none is stored`, async () => {
      const r = await ok.run(getCheck(id)!, { only: [] })
      expect(r.status).toBe('skip')
      expect(r.summary).toMatch(/^No .* credential: add /)
    })
  }
  for (const id of [...Object.keys(NEEDS), 'reg.domain']) {
    it(`${id}: error with the provider named when its API answers 500`, async () => {
      const r = await broken.run(getCheck(id)!)
      expect(r).toMatchObject({ status: 'error', summary: expect.stringMatching(/(Cloudflare|Vercel|UptimeRobot|RDAP) had a server error \(HTTP 500\)/) })
    })
  }
})
