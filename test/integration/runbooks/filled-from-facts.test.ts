import { describe, expect, it } from 'vitest'
import type { Runbook } from '@shared/schemas/runbook'
import { runDone } from '../../../electron/core/api/checks'
import { labCoreForSuite } from '../../helpers/lab-core'
import { callCore } from '../../helpers/call'

const suite = labCoreForSuite('healthy', 'handover-runbook-facts-')

const call = <T>(method: string, input?: unknown) => callCore<T>(suite.core, method, input)
const text = (rb: Runbook) => JSON.stringify(rb.steps)

describe("runbooks in the app are filled from what the engagement recorded", () => {
  it('use the fallbacks before anything is known, then the registrar from the inventory and the nameservers at the parent', async () => {
    const e = await call<{ id: string }>('createEngagement', { domain: 'tidy.example', hosts: ['www'] })
    const before = text(await call<Runbook>('getRunbook', { id: 'dns-broke-site', engagementId: e.id }))
    expect(before).toContain('see the DNS map in the handover PDF')
    expect(before).toContain("the registrar's website")

    await runDone((await call<{ runId: string }>('runAudit', { engagementId: e.id, checkIds: ['dns.delegation', 'dns.hosts'] })).runId)
    const delegation = (await call<{ checkId: string; details: { parentNs: string[] } }[]>('listResults', { engagementId: e.id })).find((r) => r.checkId === 'dns.delegation')!
    expect(delegation.details.parentNs.length).toBeGreaterThan(0)
    await call('saveInventoryEntry', { engagementId: e.id, system: 'registrar', name: 'Lab Names', loginUrl: 'https://names.example/login' })

    const after = text(await call<Runbook>('getRunbook', { id: 'dns-broke-site', engagementId: e.id }))
    expect(after).not.toContain('see the DNS map in the handover PDF')
    for (const ns of delegation.details.parentNs) expect(after).toContain(ns)
    expect(after).toContain('Log in to Lab Names at https://names.example/login')
    // a guided run shows the same
    const view = await call<{ runbook: Runbook }>('startRunbook', { engagementId: e.id, runbookId: 'dns-broke-site' })
    expect(text(view.runbook)).toContain('Log in to Lab Names')
  })
})
