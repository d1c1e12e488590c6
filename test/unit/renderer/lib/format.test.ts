import { describe, expect, it } from 'vitest'
import { fullDate, plural, relativeTime } from '../../../../renderer/src/lib/format'

describe('format', () => {
  const now = Date.parse('2026-03-10T12:00:00.000Z')
  it('says how long ago, in words', () => {
    expect(relativeTime('2026-03-10T11:59:50.000Z', now)).toBe('just now')
    expect(relativeTime('2026-03-10T11:55:00.000Z', now)).toBe('5 minutes ago')
    expect(relativeTime('2026-03-10T09:00:00.000Z', now)).toBe('3 hours ago')
    expect(relativeTime('2026-03-09T12:00:00.000Z', now)).toBe('yesterday')
    expect(relativeTime('2026-01-01T12:00:00.000Z', now)).toBe('2 months ago')
    expect(relativeTime('nonsense', now)).toBe('')
  })
  it('pluralises and prints full dates', () => {
    expect(plural(1, 'host')).toBe('1 host')
    expect(plural(3, 'host')).toBe('3 hosts')
    expect(fullDate('2026-03-10T12:00:00.000Z')).toMatch(/2026/)
    expect(fullDate('nope')).toBe('nope')
  })
})
