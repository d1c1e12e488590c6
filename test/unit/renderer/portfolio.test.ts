import { describe, expect, it } from 'vitest'
import { initialPortfolio, portfolioBusy, portfolioEvent, portfolioFailed, portfolioRequested } from '../../../renderer/src/store/portfolio'

describe('Run all: per-row progress from run events', () => {
  it('queues the rows, follows each run by its id, counts failures, and ignores other runs', () => {
    let s = portfolioRequested(initialPortfolio, ['a', 'b'])
    expect(portfolioBusy(s)).toBe(true)
    expect(s.rows.a.state).toBe('queued')
    s = portfolioEvent(s, { type: 'run.started', runId: 'r1', engagementId: 'a', total: 3 })
    expect(s.rows.a).toMatchObject({ state: 'running', runId: 'r1', total: 3 })
    s = portfolioEvent(s, { type: 'check.finished', runId: 'r1', checkId: 'dns.hosts', target: 'a.example', status: 'fail', summary: '', done: 1, total: 3 })
    s = portfolioEvent(s, { type: 'check.finished', runId: 'r1', checkId: 'tls.cert', target: 'a.example', status: 'pass', summary: '', done: 2, total: 3 })
    expect(s.rows.a).toMatchObject({ done: 2, failed: 1 })
    // a sprint run on the board for another engagement is not this list's business
    const same = portfolioEvent(s, { type: 'run.started', runId: 'r9', engagementId: 'z', total: 5 })
    expect(same).toBe(s)
    expect(portfolioEvent(s, { type: 'check.finished', runId: 'r9', checkId: 'x', target: 'z', status: 'fail', summary: '', done: 1, total: 5 })).toBe(s)
    s = portfolioEvent(s, { type: 'run.finished', runId: 'r1', engagementId: 'a', cancelled: false })
    expect(s.rows.a.state).toBe('done')
    expect(portfolioBusy(s)).toBe(true) // b still queued
    s = portfolioEvent(s, { type: 'run.started', runId: 'r2', engagementId: 'b', total: 1 })
    s = portfolioEvent(s, { type: 'run.finished', runId: 'r2', engagementId: 'b', cancelled: true })
    expect(s.rows.b.state).toBe('cancelled')
    expect(portfolioBusy(s)).toBe(false)
  })

  it('a refused request takes its queued rows back and keeps the reason', () => {
    const s = portfolioFailed(portfolioRequested(initialPortfolio, ['a']), ['a'], { code: 'not_found', message: 'no engagement "a"' })
    expect(s.rows).toEqual({})
    expect(s.error?.message).toBe('no engagement "a"')
  })
})
