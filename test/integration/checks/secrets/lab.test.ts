import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as bundle } from '../../../../electron/core/checks/secrets/bundle'
import { check as repo } from '../../../../electron/core/checks/secrets/repo'
import { DEFAULT_THRESHOLDS, type CheckContext, type CheckModule } from '../../../../electron/core/checks/types'
import { createServices } from '../../../../electron/core/checks/services'
import { startLab, type Lab } from '../../../../electron/lab'

const labs: Record<string, Lab> = {}
const closers: (() => Promise<void>)[] = []

beforeAll(async () => {
  for (const name of ['demo', 'healthy']) labs[name] = await startLab(name)
})
afterAll(async () => {
  await Promise.all(closers.map((c) => c()))
  await Promise.all(Object.values(labs).map((l) => l.close()))
})

async function runIn(name: string, c: CheckModule) {
  const lab = labs[name]
  const domain = lab.scenario.domains[0]
  const services = createServices(lab.profile, { repos: lab.endpoints.repos })
  closers.push(() => services.http.close())
  const ctx: CheckContext = {
    engagement: { id: 'e', domain, hosts: lab.scenario.hosts } as unknown as CheckContext['engagement'],
    domain,
    target: domain,
    profile: lab.profile,
    thresholds: DEFAULT_THRESHOLDS,
    signal: AbortSignal.timeout(60_000),
    services,
  }
  return c.run(ctx)
}

describe('secrets checks against the sandbox', () => {
  it('demo: the production bundle ships a Stripe live key -> secrets.bundle fails, masked', async () => {
    const r = await runIn('demo', bundle)
    expect(r.status).toBe('fail')
    expect(r.summary).toMatch(/Stripe live secret key/)
    expect(JSON.stringify(r)).not.toMatch(/sk_live_51HandoverLab/)
  })

  it('healthy: secrets.bundle passes (the false-positive guard)', async () => {
    const r = await runIn('healthy', bundle)
    expect(r.status).toBe('pass')
  })

  it('demo: an AWS key removed from the tree is still in history -> secrets.repo fails with commit and path', async () => {
    const r = await runIn('demo', repo)
    expect(r.status).toBe('fail')
    const findings = r.details!.findings as { commit?: string; path: string; masked: string }[]
    expect(findings.some((f) => f.commit && f.path === 'lib/s3.ts')).toBe(true)
    expect(findings.every((f) => f.masked.includes('[redacted]'))).toBe(true)
  })

  it('healthy: secrets.repo passes', async () => {
    expect((await runIn('healthy', repo)).status).toBe('pass')
  })
})
