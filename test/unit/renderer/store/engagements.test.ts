import { describe, expect, it } from 'vitest'
import * as eng from '../../../../renderer/src/store/engagements'
import { engagement } from '../fixtures'

const a = engagement({ id: 'a', clientName: 'Beta', updatedAt: '2026-01-02T00:00:00.000Z' })
const b = engagement({ id: 'b', clientName: '', domain: 'zeta.example', updatedAt: '2026-01-03T00:00:00.000Z' })
const c = engagement({ id: 'c', clientName: 'Alpha', founderName: 'Grace', updatedAt: '2026-01-02T00:00:00.000Z' })

describe('engagement list transitions', () => {
  it('sorts most recently updated first, ties by label', () => {
    expect(eng.sortEngagements([a, b, c]).map((e) => e.id)).toEqual(['b', 'c', 'a'])
  })

  it('keeps items visible while loading and after a failure', () => {
    const loaded = eng.listLoaded(eng.initialEngagements, [a, b])
    expect(loaded.status).toBe('loaded')
    const loading = eng.loadStarted(loaded)
    expect(loading).toMatchObject({ status: 'loading', items: loaded.items })
    const failed = eng.loadFailed(loading, { code: 'unavailable', message: 'down' })
    expect(failed).toMatchObject({ status: 'error', items: loaded.items, error: { message: 'down' } })
    expect(eng.listLoaded(failed, [c])).toEqual({ items: [c], status: 'loaded', error: null })
  })

  it('upserts by id and removes', () => {
    let s = eng.listLoaded(eng.initialEngagements, [a, c])
    s = eng.upserted(s, { ...a, clientName: 'Beta 2', updatedAt: '2026-02-01T00:00:00.000Z' })
    expect(s.items.map((e) => [e.id, e.clientName])).toEqual([
      ['a', 'Beta 2'],
      ['c', 'Alpha'],
    ])
    s = eng.upserted(s, b)
    expect(s.items).toHaveLength(3)
    expect(eng.removed(s, 'a').items.map((e) => e.id)).toEqual(['b', 'c'])
    expect(eng.removed(s, 'nope').items).toHaveLength(3)
  })

  it('labels an engagement by client, else by domain', () => {
    expect(eng.label(a)).toBe('Beta')
    expect(eng.label(b)).toBe('zeta.example')
  })

  it('filters on every term across client, founder, domain and hosts', () => {
    expect(eng.filterEngagements([a, b, c], '')).toHaveLength(3)
    expect(eng.filterEngagements([a, b, c], 'grace').map((e) => e.id)).toEqual(['c'])
    expect(eng.filterEngagements([a, b, c], 'WWW.ZETA').map((e) => e.id)).toEqual(['b'])
    expect(eng.filterEngagements([a, b, c], 'alpha acme').map((e) => e.id)).toEqual(['c'])
    expect(eng.filterEngagements([a, b, c], 'alpha zeta')).toEqual([])
  })
})
