import { describe, expect, it } from 'vitest'
import { getRunbook } from '../../../electron/core/runbooks/catalog'
import { runbookPath, runbookProgress } from '@shared/runbook-progress'

const rb = getRunbook('dns-broke-site')
type Log = { action: 'done' | 'chose' | 'verified' | 'skipped' | 'back'; stepId: string; detail: Record<string, unknown> }
const step = (action: Log['action'], stepId: string, detail: Record<string, unknown> = {}): Log => ({ action, stepId, detail })
/** A list entry for each step shown, plus the "then n more" entry: the counter's total. */
const shown = (p: ReturnType<typeof runbookPath>) => p.taken.length + (p.current ? 1 : 0) + p.ahead.length + p.more

describe('the runbook step list: the way taken and the way ahead', () => {
  it('before the decision: the steps up to it, then how many more the answer leads to', () => {
    const run = { log: [], currentStep: 'stop-changes' }
    const p = runbookPath(rb, run)
    expect(p).toEqual({ taken: [], current: 'stop-changes', ahead: ['check-now', 'nameservers-changed'], more: 4 })
    expect(shown(p)).toBe(runbookProgress(rb, run).total)
  })

  it('after choosing a branch: the way taken in order, and only the chosen branch ahead', () => {
    const log = [step('done', 'stop-changes'), step('skipped', 'check-now'), step('chose', 'nameservers-changed')]
    const run = { log, currentStep: 'restore-nameservers' }
    const p = runbookPath(rb, run)
    expect(p.taken).toEqual(['stop-changes', 'check-now', 'nameservers-changed'])
    expect(p.ahead).toEqual(['wait-ttl', 'verify-fixed', 'tell-people'])
    // the branch not taken is nowhere in the list
    expect([...p.taken, p.current, ...p.ahead]).not.toContain('restore-records')
    expect(p.more).toBe(0)
    expect(shown(p)).toBe(runbookProgress(rb, run).total)
  })

  it('a failed verify is not a step taken, and Back takes the step off the way', () => {
    const log = [step('done', 'stop-changes'), step('verified', 'check-now', { passed: false }), step('done', 'check-now'), step('back', 'nameservers-changed')]
    const p = runbookPath(rb, { log, currentStep: 'check-now' })
    expect(p.taken).toEqual(['stop-changes'])
    expect(p.current).toBe('check-now')
  })

  it('a finished run lists only the way it went', () => {
    const log = [step('done', 'stop-changes'), step('done', 'check-now'), step('chose', 'nameservers-changed'), step('done', 'restore-records'), step('done', 'wait-ttl'), step('verified', 'verify-fixed', { passed: true }), step('done', 'tell-people')]
    const p = runbookPath(rb, { log, currentStep: null })
    expect(p).toEqual({ taken: ['stop-changes', 'check-now', 'nameservers-changed', 'restore-records', 'wait-ttl', 'verify-fixed', 'tell-people'], current: null, ahead: [], more: 0 })
  })
})
