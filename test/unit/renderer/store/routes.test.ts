import { describe, expect, it } from 'vitest'
import { historyKey } from '../../../../renderer/src/hooks/useHistoryKeys'
import { addressStep, hashOfRoute, routeFromHash } from '../../../../renderer/src/store/routes'
import type { Route } from '../../../../renderer/src/store/ui'

/** One of every route, with ids that need encoding. */
const EVERY: Route[] = [
  { name: 'engagements' },
  { name: 'settings' },
  { name: 'engagement', id: 'e 1' },
  { name: 'sprint', id: 'e1' },
  { name: 'sprint', id: 'e1', item: 'dns/hosts ok' },
  { name: 'evidence', id: 'e/1' },
  { name: 'pictures', id: 'e1' },
  { name: 'runbooks', id: 'e1' },
  { name: 'runbook', id: 'e1', runId: 'run #2' },
  { name: 'vault', id: 'e1' },
  { name: 'inventory', id: 'e 1' },
  { name: 'handover', id: 'e1' },
  { name: 'result', id: 'e1', resultId: 42 },
]

describe('routes and addresses', () => {
  it('gives every route an address that reads back as the same route', () => {
    const seen = new Set<string>()
    for (const r of EVERY) {
      const hash = hashOfRoute(r)
      expect(hash.startsWith('#/')).toBe(true)
      expect(routeFromHash(hash), hash).toEqual(r)
      seen.add(hash)
    }
    expect(seen.size).toBe(EVERY.length)
  })

  it('reads the addresses people see and type', () => {
    expect(hashOfRoute({ name: 'engagements' })).toBe('#/engagements')
    expect(hashOfRoute({ name: 'sprint', id: 'abc' })).toBe('#/engagements/abc/sprint')
    expect(routeFromHash('#/engagements/')).toEqual({ name: 'engagements' })
    expect(routeFromHash('#/engagements/abc/sprint/')).toEqual({ name: 'sprint', id: 'abc' })
    expect(routeFromHash('#/engagements/abc/results/12')).toEqual({ name: 'result', id: 'abc', resultId: 12 })
    expect(routeFromHash('#/engagements/abc/evidence&token=x')).toEqual({ name: 'evidence', id: 'abc' })
    expect(hashOfRoute({ name: 'inventory', id: 'abc' })).toBe('#/engagements/abc/inventory')
    expect(routeFromHash('#/engagements/abc/inventory/')).toEqual({ name: 'inventory', id: 'abc' })
  })

  it('is not fooled by fragments that are not routes', () => {
    for (const h of ['', '#', '#/', '#token=abc', '#content', '#engagements', '#/engagements/abc/results/x', '#/engagements/abc/nope', '#/engagements/abc/inventory/x', '#/settings/x'])
      expect(routeFromHash(h), h).toBeNull()
  })

  it('replaces the opening address once and pushes later navigations', () => {
    expect(addressStep(false, '#/engagements', '')).toBe('replace')
    expect(addressStep(true, '#/engagements/a', '#/engagements')).toBe('push')
    // a route applied from Back/Forward already matches the address: no new entry
    expect(addressStep(true, '#/engagements/a/sprint', '#/engagements/a/sprint')).toBe('none')
    // the evidence screen's filters ride after `&`: the same screen, no new step
    expect(addressStep(true, '#/engagements/a/evidence', '#/engagements/a/evidence&q=cert')).toBe('none')
    // browser mode opens with a plain address now (a launch code became a cookie): it is replaced like any other
    expect(addressStep(false, '#/engagements', '#token=abc')).toBe('replace')
  })

  it('knows the Back and Forward keys of each platform', () => {
    const k = (key: string, mods: Partial<Record<'altKey' | 'metaKey' | 'ctrlKey' | 'shiftKey', boolean>> = {}) => ({ key, altKey: false, metaKey: false, ctrlKey: false, shiftKey: false, ...mods })
    expect(historyKey(k('ArrowLeft', { altKey: true }), false)).toBe(-1)
    expect(historyKey(k('ArrowRight', { altKey: true }), false)).toBe(1)
    expect(historyKey(k('ArrowLeft'), false)).toBe(0)
    expect(historyKey(k('ArrowLeft', { altKey: true, shiftKey: true }), false)).toBe(0)
    expect(historyKey(k('[', { metaKey: true }), true)).toBe(-1)
    expect(historyKey(k(']', { metaKey: true }), true)).toBe(1)
    expect(historyKey(k('ArrowLeft', { metaKey: true }), true)).toBe(-1)
    // on a Mac, Alt+← moves by word
    expect(historyKey(k('ArrowLeft', { altKey: true }), true)).toBe(0)
  })
})
