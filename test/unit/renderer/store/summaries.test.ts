import { describe, expect, it } from 'vitest'
import type { EngagementSummary } from '@shared/schemas/summary'
import * as sum from '../../../../renderer/src/store/summaries'
import { engagement } from '../fixtures'

const HOUR = 3_600_000
const now = Date.parse('2026-11-24T08:00:00Z')

/** A summary as core returns it: a sprint not started, nothing open. */
function summary(over: Partial<EngagementSummary> = {}): EngagementSummary {
  return { engagementId: 'e1', sprint: { state: 'none' }, progress: null, worstRisk: null, openRisks: 0, riskScore: 0, open: { fail: 0, warn: 0 }, lastRunAt: null, rotation: [], ...over }
}
const running = (hoursLeft: number, block: string | null = 'Day 1 · afternoon'): EngagementSummary['sprint'] => ({
  state: 'running',
  endsAt: new Date(now + hoursLeft * HOUR).toISOString(),
  msLeft: hoursLeft * HOUR,
  block,
})
const risk = (status: 'fail' | 'todo' = 'fail') => ({ itemId: 'https-redirects', title: 'Every host redirects to HTTPS', severity: 'launch-blocker' as const, status })

describe('list summaries transitions', () => {
  it('keeps what is shown while loading and after a failure, and replaces it all on load', () => {
    const loaded = sum.summariesLoaded(sum.initialSummaries, [summary({ engagementId: 'a' }), summary({ engagementId: 'b' })])
    expect(Object.keys(loaded.byId)).toEqual(['a', 'b'])
    expect(sum.summariesLoading(loaded)).toMatchObject({ status: 'loading', byId: loaded.byId })
    const failed = sum.summariesFailed(sum.summariesLoading(loaded), { code: 'unavailable', message: 'down' })
    expect(failed).toMatchObject({ status: 'error', byId: loaded.byId, error: { message: 'down' } })
    // an engagement removed elsewhere drops out with the next answer
    expect(sum.summariesLoaded(failed, [summary({ engagementId: 'b' })], now)).toEqual({ byId: { b: summary({ engagementId: 'b' }) }, status: 'loaded', error: null, loadedAt: now })
  })

  it('counts a fetch under way or answered within five seconds as fresh (the list does not ask again)', () => {
    const loaded = sum.summariesLoaded(sum.initialSummaries, [], now)
    expect(sum.summariesFresh(sum.initialSummaries, 5_000, now)).toBe(false)
    expect(sum.summariesFresh(sum.summariesLoading(sum.initialSummaries), 5_000, now)).toBe(true)
    expect(sum.summariesFresh(loaded, 5_000, now + 4_999)).toBe(true)
    expect(sum.summariesFresh(loaded, 5_000, now + 5_000)).toBe(false)
    expect(sum.summariesFresh(sum.summariesFailed(loaded, { code: 'unavailable', message: 'down' }), 5_000, now)).toBe(false)
  })

  it('words the clock as the Sprint column shows it', () => {
    expect(sum.clockLabel(undefined, now)).toBe('Not started')
    expect(sum.clockLabel({ state: 'none' }, now)).toBe('Not started')
    expect(sum.clockLabel(running(31.5), now)).toBe('31 h left · Day 1 · afternoon')
    expect(sum.clockLabel(running(0.75, null), now)).toBe('45 min left')
    expect(sum.clockLabel({ state: 'finished', finishedAt: '2026-11-23T08:00:00Z' }, now)).toBe('Finished')
    expect(sum.clockLabel({ state: 'time-up', endsAt: '2026-11-23T08:00:00Z' }, now)).toBe('Time is up')
    // the list stays open while the clock runs out: the label follows the time, not the fetch
    expect(sum.clockLabel(running(2), now + 3 * HOUR)).toBe('Time is up')
  })

  it('shows the worst rotation state: overdue before due soon, none when nothing is due', () => {
    expect(sum.rotationBadge([])).toBeNull()
    const soon = { id: 'c1', label: 'Vercel token', rotationDue: '2026-12-01', state: 'soon' as const }
    const late = { id: 'c2', label: 'Registrar login', rotationDue: '2026-11-01', state: 'overdue' as const }
    expect(sum.rotationBadge([soon])).toEqual({ state: 'soon', text: 'Rotation due soon', detail: 'Vercel token (2026-12-01)' })
    expect(sum.rotationBadge([late, soon])).toEqual({ state: 'overdue', text: 'Rotation overdue', detail: 'Registrar login (2026-11-01)' })
  })

  it('sorts most at risk first, keeping the updated order for ties', () => {
    const items = ['calm', 'rotation', 'warns', 'todo', 'failing', 'failing-more', 'unknown'].map((id) => engagement({ id }))
    const byId: Record<string, EngagementSummary> = {
      calm: summary({ engagementId: 'calm', sprint: running(10) }),
      rotation: summary({ engagementId: 'rotation', rotation: [{ id: 'c', label: 'x', rotationDue: '2026-01-01', state: 'overdue' }] }),
      warns: summary({ engagementId: 'warns', open: { fail: 0, warn: 3 } }),
      todo: summary({ engagementId: 'todo', sprint: running(40), worstRisk: risk('todo'), riskScore: 320, openRisks: 20 }),
      failing: summary({ engagementId: 'failing', sprint: running(20), worstRisk: risk(), riskScore: 350, open: { fail: 2, warn: 0 } }),
      'failing-more': summary({ engagementId: 'failing-more', sprint: running(30), worstRisk: risk(), riskScore: 350, open: { fail: 5, warn: 0 } }),
    }
    expect(sum.sortList(items, byId, 'risk').map((e) => e.id)).toEqual(['failing-more', 'failing', 'todo', 'rotation', 'warns', 'calm', 'unknown'])
    expect(sum.sortList(items, byId, 'updated').map((e) => e.id)).toEqual(items.map((e) => e.id))
    // equal risk: the clock closer to its end first
    const a = summary({ engagementId: 'a', sprint: running(30), riskScore: 300 })
    const b = summary({ engagementId: 'b', sprint: running(3), riskScore: 300 })
    expect(sum.compareRisk(a, b)).toBeGreaterThan(0)
    expect(sum.compareRisk(b, a)).toBeLessThan(0)
    expect(sum.compareRisk(a, { ...a })).toBe(0)
  })
})
