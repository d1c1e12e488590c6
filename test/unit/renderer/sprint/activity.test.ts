import { describe, expect, it } from 'vitest'
import type { AppEvent } from '@shared/events'
import { activityEvent, dismissActivity, elapsed, MAX_ACTIVITY, runningNow, runOutcome } from '../../../../renderer/src/store/activity'
import { linesToShow, runEvent, runRequested } from '../../../../renderer/src/store/runs'

const started = (runId: string, engagementId = 'e1'): AppEvent => ({ type: 'run.started', runId, engagementId, total: 3 })
const finishedCheck = (runId: string, checkId: string, status: string, done: number): AppEvent => ({ type: 'check.finished', runId, checkId, target: 't', status, summary: status, done, total: 3 })

describe('run activity (the global indicator)', () => {
  it('follows a run from its start to what it found, with its times', () => {
    let a = activityEvent([], started('r1'), 1_000)
    a = activityEvent(a, finishedCheck('r1', 'a', 'fail', 1), 2_000)
    a = activityEvent(a, finishedCheck('r1', 'b', 'warn', 2), 3_000)
    expect(runningNow(a).map((r) => [r.runId, r.done, r.startedAt])).toEqual([['r1', 2, 1_000]])
    a = activityEvent(a, { type: 'run.finished', runId: 'r1', engagementId: 'e1', cancelled: false }, 9_000)
    expect(runningNow(a)).toEqual([])
    expect(runOutcome(a[0]!)).toBe('1 fail · 1 warn')
    expect(a[0]!.finishedAt! - a[0]!.startedAt).toBe(8_000)
    expect(dismissActivity(a, 'r1')).toEqual([])
  })

  it('ignores events of runs it never saw start, and keeps every running run when trimming', () => {
    expect(activityEvent([], finishedCheck('zz', 'a', 'pass', 1), 1)).toEqual([])
    let a = activityEvent([], started('live'), 0)
    for (let i = 0; i < MAX_ACTIVITY + 3; i++) {
      a = activityEvent(a, started(`r${i}`), i + 1)
      a = activityEvent(a, { type: 'run.finished', runId: `r${i}`, engagementId: 'e1', cancelled: i % 2 === 0 }, i + 2)
    }
    expect(a.length).toBe(MAX_ACTIVITY)
    expect(runningNow(a).map((r) => r.runId)).toEqual(['live'])
    expect(runOutcome({ ...a[1]!, cancelled: true, done: 1, total: 3 })).toBe('cancelled after 1 of 3')
  })

  it('keeps the engine’s vocabulary: an error is not a fail, and a run whose checks wait says so first', () => {
    let a = activityEvent([], started('r2'), 0)
    a = activityEvent(a, finishedCheck('r2', 'a', 'error', 1), 1)
    a = activityEvent(a, finishedCheck('r2', 'b', 'fail', 2), 2)
    a = activityEvent(a, { type: 'run.finished', runId: 'r2', engagementId: 'e1', cancelled: false }, 3)
    expect(runOutcome(a[0]!)).toBe('1 fail · 1 error')
    a = activityEvent(a, started('r3'), 4)
    a = activityEvent(a, finishedCheck('r3', 'a', 'error', 1), 5)
    a = activityEvent(a, { type: 'run.finished', runId: 'r3', engagementId: 'e1', cancelled: false, waiting: 'untrusted' }, 6)
    expect(runOutcome(a[0]!)).toBe('network not trusted, checks wait')
  })

  it('words elapsed time', () => {
    expect([elapsed(12_400), elapsed(184_000), elapsed(3_720_000)]).toEqual(['12 s', '3 min 4 s', '1 h 2 min'])
  })
})

describe('the progress card lists what is still running first', () => {
  it('running checks (longest first) above finished ones (failures first, newest first)', () => {
    let r = runRequested('r1', 'e1', 5, 0)
    const start = (checkId: string, now: number) => (r = runEvent(r, { type: 'check.started', runId: 'r1', checkId, target: 't' }, now)!)
    start('a.pass', 1)
    start('b.slow', 2)
    start('c.fail', 3)
    start('d.later', 4)
    start('e.pass', 5)
    r = runEvent(r, finishedCheck('r1', 'a.pass', 'pass', 1), 6)!
    r = runEvent(r, finishedCheck('r1', 'c.fail', 'fail', 2), 7)!
    r = runEvent(r, finishedCheck('r1', 'e.pass', 'pass', 3), 8)!
    expect(linesToShow(r).map((l) => l.checkId)).toEqual(['b.slow', 'd.later', 'c.fail', 'e.pass', 'a.pass'])
    // a finished line keeps when it started
    expect(r.lines.find((l) => l.checkId === 'c.fail')!.startedAt).toBe(3)
    r = runEvent(r, { type: 'run.finished', runId: 'r1', engagementId: 'e1', cancelled: false }, 20)!
    expect(r.finishedAt).toBe(20)
  })
})
