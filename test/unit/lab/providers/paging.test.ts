import { describe, expect, it } from 'vitest'
import { cursorPage, numberedPage } from '../../../../electron/lab/providers/paging'
import type { ApiRequest } from '../../../../electron/lab/providers/types'

const req = (query: string): ApiRequest => ({ method: 'GET', path: '/sites', query: new URLSearchParams(query), headers: {}, form: new URLSearchParams(), body: '', base: 'http://127.0.0.1:1/netlify/api/v1' })

describe('cursorPage (Vercel)', () => {
  const items = Array.from({ length: 45 }, (_, i) => ({ at: 1000 - i }))
  it('walks every item exactly once through pagination.next', () => {
    const seen: number[] = []
    let until: number | null = null
    for (let n = 0; n < 10; n++) {
      const r: ReturnType<typeof cursorPage<{ at: number }>> = cursorPage(req(until === null ? '' : `until=${until}`), items, (t) => t.at)
      seen.push(...r.page.map((t) => t.at))
      until = r.pagination.next
      if (until === null) break
    }
    expect(seen).toEqual(items.map((t) => t.at))
  })
  it('honours limit', () => {
    expect(cursorPage(req('limit=5'), items, (t) => t.at).page).toHaveLength(5)
  })
})

describe('numberedPage (Netlify)', () => {
  const items = Array.from({ length: 7 }, (_, i) => i)
  it('links first/prev/next/last like RFC 8288', () => {
    const mid = numberedPage(req('page=2&per_page=3'), items)
    expect(mid.page).toEqual([3, 4, 5])
    expect(mid.link).toContain('rel="first"')
    expect(mid.link).toContain('rel="prev"')
    expect(mid.link).toMatch(/page=3[^>]*>; rel="next"/)
    expect(mid.link).toMatch(/page=3[^>]*>; rel="last"/)
    const last = numberedPage(req('page=3&per_page=3'), items)
    expect(last.page).toEqual([6])
    expect(last.link).not.toContain('rel="next"')
  })
})
