import { describe, expect, it } from 'vitest'
import type { CheckResultInfo, RunChanges, RunInfo } from '@shared/contract/checks'
import { areaOverview, boardItems, bytes, clockText, defaultExpiry, historyLoaded, moveFocus, moveRisk, runBadges, sprintLoading, initialSprint } from '../../../../renderer/src/store/sprint'
import type { SprintStatus } from '@shared/schemas/sprint'

const res = (checkId: string, status: CheckResultInfo['status'], runId = 'r1', finishedAt = '2026-01-01T10:00:00Z', target = 'a.example'): CheckResultInfo => ({
  id: 1,
  runId,
  engagementId: 'e1',
  checkId,
  target,
  status,
  summary: `${checkId} ${status}`,
  details: {},
  durationMs: 1,
  evidenceId: null,
  finishedAt,
})

describe('sprint transitions', () => {
  it('moves a risk and persists every changed position', () => {
    const risks = [
      { itemId: 'a', rank: 1 },
      { itemId: 'b', rank: 2 },
      { itemId: 'c', rank: 3 },
    ]
    expect(moveRisk(risks, 'c', -1)).toEqual([
      { itemId: 'c', fixOrder: 2 },
      { itemId: 'b', fixOrder: 3 },
    ])
    expect(moveRisk(risks, 'a', -1)).toEqual([])
    expect(moveRisk(risks, 'c', 1)).toEqual([])
    expect(moveRisk(risks, 'zz', 1)).toEqual([])
  })

  it('moves the focus with j/k, clamped, starting at an end', () => {
    const items = [{ id: 'a' }, { id: 'b' }]
    expect(moveFocus(items, null, 1)).toBe('a')
    expect(moveFocus(items, null, -1)).toBe('b')
    expect(moveFocus(items, 'a', 1)).toBe('b')
    expect(moveFocus(items, 'b', 1)).toBe('b')
    expect(moveFocus(items, 'a', -1)).toBe('a')
    expect(moveFocus([], 'a', 1)).toBeNull()
  })

  it('keeps loaded history only while its engagement is open', () => {
    const run: RunInfo = { id: 'r2', startedAt: '2026-01-01T11:00:00Z', finishedAt: null, status: 'interrupted', total: 3, counts: { pass: 1, warn: 0, fail: 0, error: 0, skip: 0 } }
    const changes: RunChanges = { runId: 'r2', previousRunAt: '2026-01-01T10:00:00Z', rows: [] }
    const h = { results: [res('a', 'pass', 'r2')], runs: [run], changes }
    const open = sprintLoading(initialSprint, 'e1')
    expect(historyLoaded(open, 'e1', h)).toMatchObject({ engagementId: 'e1', runs: [run], changes, results: h.results })
    // a late answer for an engagement the user already left changes nothing
    const moved = sprintLoading(open, 'e2')
    expect(historyLoaded(moved, 'e1', h)).toBe(moved)
  })

  it('shows a run as badges for the outcomes it has, in the chart order', () => {
    expect(runBadges({ pass: 12, warn: 0, fail: 3, error: 1, skip: 0 })).toEqual([
      { status: 'pass', n: 12 },
      { status: 'fail', n: 3 },
      { status: 'error', n: 1 },
    ])
    expect(runBadges({ pass: 0, warn: 0, fail: 0, error: 0, skip: 0 })).toEqual([])
  })

  it('counts outcomes per area from the catalog', () => {
    const checks = [{ id: 'http.hsts', area: 'web' }, { id: 'dns.caa', area: 'dns' }] as never
    const rows = areaOverview([res('http.hsts', 'pass'), res('http.hsts', 'warn', 'r1', 'x', 'b.example'), res('dns.caa', 'fail'), res('other.x', 'skip')], checks)
    expect(rows.map((r) => [r.area, r.total, r.counts.pass, r.counts.warn, r.counts.fail, r.counts.skip])).toEqual([
      ['dns', 1, 0, 0, 1, 0],
      ['other', 1, 0, 0, 0, 1],
      ['web', 2, 1, 1, 0, 0],
    ])
  })

  it('orders the board by block, then stage, keeping template order', () => {
    const status = {
      blocks: [{ id: 'b1' }, { id: 'b2' }],
      stages: [{ id: 's1' }, { id: 's2' }],
      items: [
        { id: 'x', block: 'b2', stage: 's1' },
        { id: 'y', block: 'b1', stage: 's2' },
        { id: 'z', block: 'b1', stage: 's1' },
        { id: 'w', block: 'b1', stage: 's2' },
      ],
    } as unknown as SprintStatus
    expect(boardItems(status).map((i) => i.id)).toEqual(['z', 'y', 'w', 'x'])
    expect(boardItems(null)).toEqual([])
  })

  it('formats the clock, sizes and the default waiver expiry', () => {
    expect(clockText(31 * 3_600_000 + 5 * 60_000)).toBe('31 h 05 min left')
    expect(clockText(0)).toBe('Time is up')
    expect(bytes(5)).toBe('5 B')
    expect(bytes(2048)).toBe('2.0 KB')
    expect(defaultExpiry(new Date('2026-01-01T12:00:00Z'))).toBe('2026-01-31')
  })

  it('keeps what is shown when reloading the same engagement, and resets for another', () => {
    const s = { ...initialSprint, engagementId: 'e1', phase: 'loaded' as const, focus: 'a' }
    expect(sprintLoading(s, 'e1')).toMatchObject({ phase: 'loading', focus: 'a' })
    expect(sprintLoading(s, 'e2')).toMatchObject({ engagementId: 'e2', phase: 'loading', focus: null })
  })
})
