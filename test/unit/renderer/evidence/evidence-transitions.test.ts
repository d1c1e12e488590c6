import { filtersFromHash, hashWithFilters, sameFilters } from '../../../../renderer/src/store/evidenceUrl'
import { describe, expect, it } from 'vitest'
import type { TimelineItem } from '@shared/contract/evidence'
import {
  activeFilters,
  canLoadMore,
  initialEvidence,
  noFilters,
  pageLoaded,
  timelineInput,
  timelineReset,
} from '../../../../renderer/src/store/evidence'

const item = (id: number): TimelineItem => ({ id, seq: id, kind: 'dns.answer', label: `item ${id}`, checkId: 'dns.hosts', target: 'www.a.example', status: null, createdAt: '2026-01-01T00:00:00.000Z', hash: 'h' })

describe('evidence timeline transitions', () => {
  it('appends older pages after newer ones, drops duplicates, and tracks the cursor', () => {
    let s = timelineReset(initialEvidence, 'e1', noFilters)
    expect(s.loading).toBe(true)
    expect(canLoadMore(s)).toBe(false)
    s = pageLoaded(s, { rows: [item(9), item(8)], next: 8, total: 4 })
    expect(canLoadMore(s)).toBe(true)
    // later pages are fetched without a count: the first page's total stays
    s = pageLoaded(s, { rows: [item(8), item(7), item(6)], next: null, total: null })
    expect(s.rows.map((r) => r.id)).toEqual([9, 8, 7, 6])
    expect(s.total).toBe(4)
    expect(canLoadMore(s)).toBe(false)
  })

  it('a reset for another engagement forgets the open item; the same engagement keeps it', () => {
    const open = { ...item(1), data: {}, prevHash: 'p' }
    const s = { ...initialEvidence, engagementId: 'e1', open }
    expect(timelineReset(s, 'e1', noFilters).open).toBe(open)
    expect(timelineReset(s, 'e2', noFilters).open).toBeNull()
  })

  it('turns filters into contract input, leaving empty ones out and widening dates to whole days', () => {
    expect(timelineInput('e1', noFilters)).toEqual({ engagementId: 'e1', limit: 200 })
    const f = { q: ' cert ', checkId: ' dns.hosts ', target: 'WWW.A.example', status: 'fail' as const, kind: '', from: '2026-01-02', to: '2026-01-03', }
    expect(timelineInput('e1', f, 42, 50)).toEqual({
      engagementId: 'e1',
      limit: 50,
      q: 'cert',
      checkId: 'dns.hosts',
      target: 'www.a.example',
      status: 'fail',
      from: '2026-01-02T00:00:00.000Z',
      to: '2026-01-03T23:59:59.999Z',
      before: 42,
    })
    expect(activeFilters(f)).toBe(6)
    expect(activeFilters(noFilters)).toBe(0)
  })

  it('keeps the search and filters in the address, and reads them back', () => {
    const f = { ...noFilters, q: 'cert & key', checkId: 'http', status: 'fail' as const }
    const hash = hashWithFilters('#/engagements/e1/evidence', f)
    expect(hash).toBe('#/engagements/e1/evidence&q=cert+%26+key&check=http&status=fail')
    expect(filtersFromHash(hash)).toEqual(f)
    // the route part is untouched, and no filters means no `&` part
    expect(hashWithFilters(hash, noFilters)).toBe('#/engagements/e1/evidence')
    // a hand-edited address cannot smuggle a status the contract does not know
    expect(filtersFromHash('#/engagements/e1/evidence&status=drop&kind=x').status).toBe('')
  })

  it('tells an address with other filters from the one on screen (the list follows only then)', () => {
    const shown = { ...noFilters, target: 'www.acme.example ' }
    expect(sameFilters(shown, filtersFromHash('#/engagements/e1/evidence&host=www.acme.example'))).toBe(true)
    expect(sameFilters(shown, filtersFromHash('#/engagements/e1/evidence&host=staging.acme.example'))).toBe(false)
    expect(sameFilters(noFilters, filtersFromHash('#/engagements/e1/evidence&status=fail'))).toBe(false)
  })
})
