import { describe, expect, it } from 'vitest'
import { expandTarget, parseSize } from '../../../electron/lab/web/template'
import { findRoute } from '../../../electron/lab/web/respond'

describe('web templates and routes', () => {
  const v = { scheme: 'https', host: 'www.a.example', domain: 'a.example', path: '/hop/7', query: '?x=1' }
  it('expands redirect targets keeping path and query', () => {
    expect(expandTarget('https://{domain}{path}{query}', v)).toBe('https://a.example/hop/7?x=1')
    expect(expandTarget('{scheme}://{host}/hop/{next}', v)).toBe('https://www.a.example/hop/8')
    expect(expandTarget('/hop/{next}', { ...v, path: '/' })).toBe('/hop/1')
  })
  it('parses sizes', () => {
    expect(parseSize('100MB')).toBe(100 * 1024 * 1024)
    expect(parseSize('2KB')).toBe(2048)
    expect(parseSize(5)).toBe(5)
  })
  it('finds exact routes before the longest prefix', () => {
    const routes = { '/a': 1, '/a/*': 2, '/a/b/*': 3 } as unknown as Parameters<typeof findRoute>[0]
    expect(findRoute(routes, '/a')).toBe(1)
    expect(findRoute(routes, '/a/x')).toBe(2)
    expect(findRoute(routes, '/a/b/c')).toBe(3)
    expect(findRoute(routes, '/z')).toBeUndefined()
  })
})
