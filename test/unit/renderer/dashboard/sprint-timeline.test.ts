import { describe, expect, it } from 'vitest'
import type { RunInfo } from '@shared/contract/checks'
import type { SprintStatus } from '@shared/schemas/sprint'
import { sprintTimeline } from '../../../../renderer/src/screens/dashboard/sprintTimeline'

const H = 3_600_000
const start = Date.parse('2026-12-01T08:00:00Z')
const iso = (h: number) => new Date(start + h * H).toISOString()
const counts = (fail: number, pass: number) => ({ pass, warn: 0, fail, error: 0, skip: 0 })
const run = (id: string, h: number, c = counts(1, 1)): RunInfo => ({ id, startedAt: iso(h), finishedAt: iso(h + 0.1), status: 'finished', total: 2, counts: c })

const status = {
  sprint: { id: 's', engagementId: 'e', templateId: 't', startedAt: iso(0), endsAt: iso(48), finishedAt: null },
  blocks: [0, 12, 24, 36].map((h, i) => ({ id: `b${i}`, title: `Block ${i + 1}`, startsAt: iso(h), endsAt: iso(h + 12), msLeft: 0, state: i === 1 ? 'current' : i === 0 ? 'done' : 'upcoming' })),
  items: [
    { id: 'dns-fixed', waiver: { id: 1, itemId: 'dns-fixed', reason: 'registrar access on Monday', acceptedBy: 'founder', expiresAt: iso(200), createdAt: iso(18), revokedAt: null } },
    { id: 'no-waiver', waiver: null },
  ],
} as unknown as SprintStatus

describe('the sprint timeline', () => {
  it('places blocks, runs (oldest first), waivers, six-hour ticks and now on the sprint axis', () => {
    const m = sprintTimeline(status, [run('r2', 20, counts(0, 2)), run('r1', 6)], start + 15 * H)
    expect(m.blocks.map((b) => [b.x0, b.x1])).toEqual([
      [0, 0.25],
      [0.25, 0.5],
      [0.5, 0.75],
      [0.75, 1],
    ])
    expect(m.runs.map((r) => [r.id, r.x, r.total])).toEqual([
      ['r1', 0.125, 2],
      ['r2', 20 / 48, 2],
    ])
    expect(m.waivers).toEqual([{ itemId: 'dns-fixed', x: 18 / 48, at: iso(18), reason: 'registrar access on Monday' }])
    expect(m.now).toBeCloseTo(15 / 48)
    expect(m.ticks.map((t) => t.hour)).toEqual([0, 6, 12, 18, 24, 30, 36, 42, 48])
  })

  it('leaves out runs outside the sprint and says how many, and hides now after the end', () => {
    const m = sprintTimeline(status, [run('before', -2), run('in', 1), run('after', 49)], start + 60 * H)
    expect(m.runs.map((r) => r.id)).toEqual(['in'])
    expect(m.outside).toBe(2)
    expect(m.now).toBeNull()
  })
})
