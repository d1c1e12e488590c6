import { describe, expect, it } from 'vitest'
import { engagementCreateSchema } from '@shared/schemas/engagement'
import { RunQueue } from '../../../../electron/core/checks/queue'
import { runAudit } from '../../../../electron/core/checks/runner'
import { EventBus } from '../../../../electron/core/events'
import { memoryCredentialSource } from '../../../../electron/core/vault/sources'
import { openWorkspace } from '../../../../electron/core/workspace'
import { Resolver } from '../../../../electron/core/net/dns/resolver'
import { probeNetwork } from '../../../../electron/core/net/sanity'
import { loadScenario, startLab, type Scenario } from '../../../../electron/lab'

/** The sanity probe against a scenario's own resolver. */
async function probe(s: Scenario | string) {
  const lab = await startLab(s)
  try {
    return await probeNetwork(new Resolver(lab.profile), (lab.scenario as unknown as { domains: string[] }).domains[0], AbortSignal.timeout(30_000))
  } finally {
    await lab.close()
  }
}

describe('sanity before judgement: does the network show the internet’s known structure?', () => {
  it.each(['healthy', 'demo', 'hostile'])('the %s scenario’s resolver tells the truth', async (name) => {
    const r = await probe(name)
    expect(r, JSON.stringify(r.probes)).toMatchObject({ trusted: true })
  })

  it('a resolver that answers NXDOMAIN to every name cannot be trusted, and the reason says which questions it got wrong', async () => {
    const s = structuredClone(loadScenario('healthy'))
    s.dns.resolver = { faults: [{ name: '*', kind: 'nxdomain' }] }
    const r = await probe(s)
    expect(r.trusted).toBe(false)
    if (r.trusted) return
    expect(r.reason).toMatch(/^\. NS got NXDOMAIN, expected the root zone’s name servers; example\. NS got NXDOMAIN/)
  })

  it('with a resolver that answers NXDOMAIN to everything, no check fails: network checks end as "cannot be trusted", the run waits, and a sound run takes it off the queue', async () => {
    const lying = structuredClone(loadScenario('healthy'))
    lying.dns.resolver = { faults: [{ name: '*', kind: 'nxdomain' }] }
    const ws = openWorkspace(':memory:')
    const engagement = ws.engagements.create(engagementCreateSchema.parse({ domain: lying.domains[0], hosts: lying.hosts.map((h) => h.name) }))
    const audit = async (s: Scenario) => {
      const lab = await startLab(s)
      try {
        const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
        return await runAudit({ workspace: ws, events: new EventBus(), engagement, profile: lab.profile, services: { credentials } })
      } finally {
        await lab.close()
      }
    }
    try {
      const bad = await audit(lying)
      expect(bad.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([])
      const net = bad.checks.filter((c) => c.status === 'error')
      expect(net.length).toBeGreaterThan(30)
      for (const c of net) expect(c.summary).toMatch(/^The network cannot be trusted right now \(\. NS got NXDOMAIN.*\): nothing was judged; the run waits in the offline queue\.$/)
      expect(bad.waiting).toMatchObject({ kind: 'untrusted', reason: expect.stringMatching(/NXDOMAIN/), pending: net.length })
      const queue = new RunQueue(ws.db)
      expect(queue.list(engagement.id)).toEqual([expect.objectContaining({ runId: bad.runId, kind: 'untrusted', pending: expect.arrayContaining(['mail.mx tidy.example']) })])
      // The same engagement on a sound network: its run covers every waiting pair.
      const good = await audit(loadScenario('healthy'))
      expect(good.waiting).toBeUndefined()
      expect(good.checks.find((c) => c.id === 'mail.mx')?.status).toBe('pass')
      expect(queue.list(engagement.id)).toEqual([])
      expect(ws.db.prepare('SELECT resumed_by FROM check_runs WHERE id = ?').get(bad.runId)).toEqual({ resumed_by: good.runId })
    } finally {
      ws.close()
    }
  })
})
