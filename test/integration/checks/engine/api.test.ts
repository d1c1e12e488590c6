import { describe, expect, it } from 'vitest'
import type { AppEvent } from '@shared/events'
import { dispatch } from '../../../../electron/core/api'
import { runDone } from '../../../../electron/core/api/checks'
import { labCoreForSuite } from '../../../helpers/lab-core'
import { callCore } from '../../../helpers/call'

const suite = labCoreForSuite('healthy', 'handover-api-checks-')

const call = <T>(method: string, input?: unknown) => callCore<T>(suite.core, method, input)

describe('checks through the contract', () => {
  it('lists the catalog', async () => {
    const list = await call<{ id: string; why: string }[]>('listChecks', {})
    expect(list.find((c) => c.id === 'mail.dmarc')?.why).toMatch(/DMARC/)
  })

  it('runAudit returns a run id at once, streams events, and results come back with evidence', async () => {
    const e = await call<{ id: string }>('createEngagement', { domain: 'tidy.example', hosts: ['www'] })
    const seen: AppEvent[] = []
    const off = suite.core.events.on((ev) => seen.push(ev))
    const { runId, total } = await call<{ runId: string; total: number }>('runAudit', { engagementId: e.id, checkIds: ['mail.spf', 'dns.hosts'] })
    expect(total).toBe(3)
    await runDone(runId)
    off()
    expect(seen.filter((x) => x.type === 'check.finished')).toHaveLength(3)
    expect(seen.at(-1)).toMatchObject({ type: 'run.finished', runId })
    const results = await call<{ id: number; checkId: string; target: string; status: string }[]>('listResults', { engagementId: e.id })
    expect(results.map((r) => `${r.checkId} ${r.target} ${r.status}`)).toEqual(['dns.hosts tidy.example pass', 'dns.hosts www.tidy.example pass', 'mail.spf tidy.example pass'])
    const full = await call<{ evidence: { kind: string; data: { server?: string } }[] }>('getResult', { resultId: results[2].id })
    expect(full.evidence[0].kind).toBe('check.result')
    expect(full.evidence.some((x) => x.kind === 'dns.answer' && x.data.server?.startsWith('127.0.0.1:'))).toBe(true)
  })

  it('cancelRun stops a run; bad input is refused', async () => {
    const e = await call<{ id: string }>('getEngagement', { id: 'tidy.example' })
    const { runId } = await call<{ runId: string }>('runAudit', { engagementId: e.id, checkIds: ['dns.dangling'] })
    expect(await call('cancelRun', { runId })).toEqual({ cancelled: true })
    const r = await runDone(runId)
    expect(r?.cancelled).toBe(true)
    expect(await call('cancelRun', { runId })).toEqual({ cancelled: false })
    expect((await dispatch(suite.core, 'runAudit', { engagementId: e.id, checkIds: ['no.such'] })).ok).toBe(false)
    expect((await dispatch(suite.core, 'getResult', { resultId: 999999 })).ok).toBe(false)
  })
})
