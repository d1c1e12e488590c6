import { describe, expect, it } from 'vitest'
import { MAX_LINES, runCounts, runEvent, runProgress, runRequested } from '../../../../renderer/src/store/runs'

describe('live run transitions', () => {
  it('folds started and finished checks into lines and progress', () => {
    let r = runRequested('r1', 'e1', 2)
    r = runEvent(r, { type: 'check.started', runId: 'r1', checkId: 'http.hsts', target: 'a' })!
    expect(r.lines).toMatchObject([{ checkId: 'http.hsts', state: 'running' }])
    r = runEvent(r, { type: 'check.finished', runId: 'r1', checkId: 'http.hsts', target: 'a', status: 'warn', summary: 'no HSTS', done: 1, total: 2 })!
    expect(r.lines).toMatchObject([{ state: 'warn', summary: 'no HSTS' }])
    expect(runProgress(r)).toBe(0.5)
    r = runEvent(r, { type: 'check.finished', runId: 'r1', checkId: 'dns.caa', target: 'a', status: 'weird', summary: '', done: 2, total: 2 })!
    expect(runCounts(r)).toMatchObject({ warn: 1, error: 1, running: 0 })
    r = runEvent(r, { type: 'run.finished', runId: 'r1', engagementId: 'e1', cancelled: false })!
    expect(r.state).toBe('finished')
    expect(runEvent(r, { type: 'run.finished', runId: 'r1', engagementId: 'e1', cancelled: true })!.state).toBe('cancelled')
  })

  it('ignores other runs and other events, returning the same object', () => {
    const r = runRequested('r1', 'e1', 1)
    expect(runEvent(r, { type: 'check.started', runId: 'r2', checkId: 'x', target: 'a' })).toBe(r)
    expect(runEvent(r, { type: 'engagements.changed', id: 'e1', change: 'updated' })).toBe(r)
    expect(runEvent(null, { type: 'run.started', runId: 'r1', engagementId: 'e1', total: 3 })).toBeNull()
  })

  it('keeps at most MAX_LINES, the newest', () => {
    let r = runRequested('r1', 'e1', MAX_LINES + 5)
    for (let i = 0; i < MAX_LINES + 5; i++) r = runEvent(r, { type: 'check.started', runId: 'r1', checkId: `c${i}`, target: 't' })!
    expect(r.lines.length).toBe(MAX_LINES)
    expect(r.lines.at(-1)!.checkId).toBe(`c${MAX_LINES + 4}`)
    expect(runProgress({ done: 0, total: 0 })).toBe(1)
  })
})
