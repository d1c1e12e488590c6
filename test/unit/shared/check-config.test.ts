import { describe, expect, it } from 'vitest'
import { MAX_ROUTES, normalizeRoute, normalizeSelector, splitList, storedList } from '@shared/schemas/check-config'
import { engagementCreateSchema, engagementUpdateSchema } from '@shared/schemas/engagement'

const value = (r: ReturnType<typeof normalizeSelector>) => (r.ok ? r.value : `ERR ${r.reason}`)

describe('DKIM selectors', () => {
  it('lowercases and strips what people paste around a selector', () => {
    expect(value(normalizeSelector(' S1 '))).toBe('s1')
    expect(value(normalizeSelector('k2._domainkey'))).toBe('k2')
    expect(value(normalizeSelector('Mandrill._domainkey.acme.example.'))).toBe('mandrill')
    expect(value(normalizeSelector('2024a.eu-west'))).toBe('2024a.eu-west')
    expect(value(normalizeSelector('s1_2024'))).toBe('s1_2024')
  })

  it('refuses what cannot be a DNS label, saying why', () => {
    expect(value(normalizeSelector('bad selector'))).toMatch(/the selector "bad selector" is not a DNS name/)
    expect(value(normalizeSelector('-s1'))).toMatch(/is not a DNS name/)
    expect(value(normalizeSelector('s1..k2'))).toMatch(/is not a DNS name/)
    expect(value(normalizeSelector('s1@x'))).toMatch(/is not a DNS name/)
    expect(value(normalizeSelector(`${'a'.repeat(64)}`))).toMatch(/is not a DNS name/)
    expect(value(normalizeSelector('._domainkey'))).toMatch(/cannot be empty/)
  })
})

describe('key routes', () => {
  it('keeps paths and queries, resolving dot segments and encoding as a browser would', () => {
    expect(value(normalizeRoute('/pricing'))).toBe('/pricing')
    expect(value(normalizeRoute(' /api/health?full=1 '))).toBe('/api/health?full=1')
    expect(value(normalizeRoute('/app/../login'))).toBe('/login')
    expect(value(normalizeRoute('/preise/über'))).toBe('/preise/%C3%BCber')
  })

  it('refuses URLs, relative paths, fragments, spaces and backslashes', () => {
    expect(value(normalizeRoute('https://acme.example/pricing'))).toMatch(/is a URL: give the path alone/)
    expect(value(normalizeRoute('//evil.example/x'))).toMatch(/is a URL/)
    expect(value(normalizeRoute('pricing'))).toMatch(/start it with "\/"/)
    expect(value(normalizeRoute('/pricing#plans'))).toMatch(/#fragment/)
    expect(value(normalizeRoute('/a b'))).toMatch(/spaces/)
    expect(value(normalizeRoute('/a\u0007b'))).toMatch(/control characters/)
    expect(value(normalizeRoute('/\\evil.example'))).toMatch(/backslash/)
  })
})

describe('the engagement schema', () => {
  it('normalises and deduplicates both lists on create', () => {
    const r = engagementCreateSchema.parse({ domain: 'acme.example', dkimSelectors: ['S1', 's1._domainkey', 'k2'], routes: ['/pricing', '/pricing', '/login?next=/'] })
    expect(r.dkimSelectors).toEqual(['s1', 'k2'])
    expect(r.routes).toEqual(['/pricing', '/login?next=/'])
  })

  it('names the bad entry by index, so the form can show it under the field', () => {
    const r = engagementUpdateSchema.safeParse({ id: 'e1', patch: { dkimSelectors: ['ok', 'not ok'], routes: ['https://x.example/'] } })
    expect(r.success).toBe(false)
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message])
    expect(issues).toEqual([
      ['patch.dkimSelectors.1', expect.stringMatching(/the selector "not ok" is not a DNS name/)],
      ['patch.routes.0', expect.stringMatching(/is a URL/)],
    ])
  })

  it('allows at most 20 of each after duplicates are dropped', () => {
    const many = Array.from({ length: MAX_ROUTES + 1 }, (_, i) => `/r${i}`)
    expect(engagementCreateSchema.safeParse({ domain: 'acme.example', routes: many }).error?.issues[0]?.message).toBe('at most 20 key routes')
    expect(engagementCreateSchema.safeParse({ domain: 'acme.example', routes: [...many.slice(0, 20), '/r0'] }).success).toBe(true)
  })
})

describe('lists read back from storage', () => {
  it('keeps only valid entries of whatever was stored, never throwing', () => {
    expect(storedList('["s1","BAD SEL","S1","k2"]', normalizeSelector, 20)).toEqual(['s1', 'k2'])
    expect(storedList('not json', normalizeSelector, 20)).toEqual([])
    expect(storedList('{"a":1}', normalizeRoute, 20)).toEqual([])
    expect(storedList('[1, null, "/ok"]', normalizeRoute, 20)).toEqual(['/ok'])
    expect(storedList(JSON.stringify(Array.from({ length: 30 }, (_, i) => `/r${i}`)), normalizeRoute, 20)).toHaveLength(20)
  })

  it('splits typed lists on commas, spaces and new lines', () => {
    expect(splitList(' s1, k2\nmandrill  ,, ')).toEqual(['s1', 'k2', 'mandrill'])
    expect(splitList('')).toEqual([])
  })
})
