import { afterAll, describe, expect, it } from 'vitest'
import type { Engagement } from '@shared/schemas/engagement'
import { getCheck } from '../../../../electron/core/checks/registry'
import { createServices } from '../../../../electron/core/checks/services'
import { DEFAULT_THRESHOLDS, type CheckOutcome, type CheckServices } from '../../../../electron/core/checks/types'
import { createProviderServices } from '../../../../electron/core/providers'
import { startLab, type Lab } from '../../../../electron/lab'
import { tempDir } from '../../../helpers/tmp'

const IDS = ['cf.token', 'cf.zone', 'cf.proxy', 'cf.tls', 'cf.security', 'cf.cache', 'cf.access', 'reg.domain', 'host.deploy', 'host.env', 'host.domains', 'mon.uptime', 'mon.health']

/**
 * Run the thirteen provider checks against a bundled scenario, with its in-memory sandbox
 * credentials. The hostile scenario's hanging APIs get short timeouts so it ends quickly; the
 * others keep the lab's own, so a busy machine cannot turn a healthy answer into a timeout.
 */
async function runScenario(name: string): Promise<{ lab: Lab; results: Record<string, CheckOutcome>; text: string }> {
  const lab = await startLab(name)
  const tmp = tempDir()
  const short = name === 'hostile' ? { requestMs: 2000, connectMs: 1000, dnsMs: 1000 } : {}
  const profile = { ...lab.profile, timeouts: { ...lab.profile.timeouts, ...short } }
  const services: CheckServices = createServices(profile, {
    credentials: { get: async (p) => (lab.credentials[p] ? { id: `lab-${p}`, provider: p, label: p, secret: lab.credentials[p] } : null) },
    providers: createProviderServices(profile, { cacheDir: tmp.dir }),
  })
  const sc = lab.scenario as unknown as { domains: string[]; hosts?: Engagement['hosts']; founderEmail?: string }
  const domain = sc.domains[0]
  const engagement: Engagement = {
    id: `e-${name}`, clientName: name, founderName: 'Founder', founderEmail: sc.founderEmail ?? `founder@${domain}`, domain, stage: 'demo-launch', vertical: 'bootstrapped-saas', notes: '',
    hosts: sc.hosts ?? [{ name: domain, role: 'apex' }], dkimSelectors: [], routes: [], privateTargets: [], createdAt: '', updatedAt: '',
  }
  const results: Record<string, CheckOutcome> = {}
  await Promise.all(
    IDS.map(async (id) => {
      results[id] = await getCheck(id)!.run({ engagement, domain, target: domain, profile, thresholds: DEFAULT_THRESHOLDS, signal: AbortSignal.timeout(25_000), services })
    }),
  )
  await services.providers.close()
  await services.http.close()
  tmp.cleanup()
  return { lab, results, text: JSON.stringify(results) }
}

const statuses = (r: Record<string, CheckOutcome>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, `${v.status}: ${v.summary}`]))

describe('provider checks against the bundled lab scenarios', () => {
  const labs: Lab[] = []
  afterAll(async () => {
    for (const l of labs) await l.close()
  })

  it('healthy: all thirteen pass (the false-positive guard)', async () => {
    const { lab, results, text } = await runScenario('healthy')
    labs.push(lab)
    const bad = Object.entries(results).filter(([, r]) => r.status !== 'pass')
    expect(Object.fromEntries(bad.map(([k, v]) => [k, `${v.status}: ${v.summary}`]))).toEqual({})
    for (const secret of Object.values(lab.credentials)) expect(text).not.toContain(secret)
  })

  it('demo: the planted launch-week problems are found', async () => {
    const { lab, results, text } = await runScenario('demo')
    labs.push(lab)
    const s = statuses(results)
    expect(s['cf.tls']).toMatch(/^fail: .*Flexible/)
    expect(s['cf.proxy']).toMatch(/^fail: /)
    expect(s['cf.cache']).toMatch(/^fail: /)
    expect(s['cf.access']).toMatch(/^fail: /)
    expect(s['cf.security']).toMatch(/^warn: .*rate-limit/)
    expect(s['reg.domain']).toMatch(/^fail: .*transfer lock/i)
    expect(s['host.deploy']).toMatch(/^fail: .*roll back/)
    expect(s['host.env']).toMatch(/^fail: .*NEXT_PUBLIC_STRIPE_SECRET_KEY/)
    expect(s['mon.uptime']).toMatch(/^(warn|fail): /)
    for (const secret of Object.values(lab.credentials)) expect(text).not.toContain(secret)
  })

  it('hostile: every provider check ends as error, fail or skip with a summary', async () => {
    const { lab, results } = await runScenario('hostile')
    labs.push(lab)
    for (const [id, r] of Object.entries(results)) {
      expect(['error', 'fail', 'skip', 'warn'], `${id}: ${r.status}: ${r.summary}`).toContain(r.status)
      expect(r.summary.length, id).toBeGreaterThan(10)
    }
    expect(Object.values(results).filter((r) => r.status === 'error').length).toBeGreaterThan(3)
  })
})
