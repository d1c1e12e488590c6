import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../../../electron/lab'
import { routeSchema } from '../../../../electron/lab/scenario/web-schema'
import { DEFAULT_ROUTES } from '../../../../electron/core/checks/http/routes'
import { auditWith } from '../engine/variants'

type Row = { url: string; configured: boolean; present: boolean; status?: number; stats?: { n: number; p95: number } }

/** The healthy scenario with a /pricing page on the apex (the canonical host); unknown paths answer 404. */
function withPricing() {
  const s = structuredClone(loadScenario('healthy'))
  s.web!.hosts['@'].routes['/pricing'] = routeSchema.parse({ body: '<!doctype html><title>Pricing</title>', cache: 'no-cache' })
  return s
}

describe('http.routes with key routes configured on the engagement (lab web hosts)', () => {
  it('samples a configured route on the canonical host, next to "/" and the built-in guesses', async () => {
    expect(DEFAULT_ROUTES).not.toContain('/pricing')
    const s = withPricing()
    const blind = (await auditWith(s, ['http.routes']))['http.routes']
    expect((blind.details.routes as Row[]).map((r) => r.url)).not.toContain('https://tidy.example/pricing')

    const r = (await auditWith(s, ['http.routes'], { routes: ['/pricing'] }))['http.routes']
    expect(r.status).toBe('pass')
    const rows = r.details.routes as Row[]
    expect(rows.slice(0, 2).map((x) => [x.url, x.configured])).toEqual([
      ['https://tidy.example/', false],
      ['https://tidy.example/pricing', true],
    ])
    expect(rows[1]).toMatchObject({ present: true, status: 200 })
    expect((rows[1] as { stats: { n: number } }).stats.n).toBeGreaterThanOrEqual(8)
    expect(r.summary).toMatch(/^\d+ route\(s\) answer with p95 ≤ \d+ ms/)
  })

  it('fails when a configured route answers 404, while a built-in guess that 404s stays skipped', async () => {
    const s = withPricing()
    // No /signup on this variant: the built-in guess 404s and is skipped, as before.
    delete s.web!.hosts['@'].routes['/signup']
    const r = (await auditWith(s, ['http.routes'], { routes: ['/pricing', '/old-pricing'] }))['http.routes']
    expect(r.status).toBe('fail')
    expect(r.summary).toMatch(/^tidy\.example\/old-pricing answers 404 \(a configured key route\)/)
    expect(r.summary).not.toMatch(/signup/)
    const rows = r.details.routes as Row[]
    expect(rows.find((x) => x.url.endsWith('/old-pricing'))).toMatchObject({ configured: true, present: false, status: 404 })
    expect(rows.find((x) => x.url.endsWith('/signup'))).toMatchObject({ configured: false, present: false, status: 404 })
    expect(rows.find((x) => x.url.endsWith('/pricing'))).toMatchObject({ configured: true, present: true })
  })

  it('keeps the run polite with 20 configured routes: fewer samples each, every route still measured', async () => {
    const routes = Array.from({ length: 20 }, (_, i) => `/pricing?plan=${i}`)
    const r = (await auditWith(withPricing(), ['http.routes'], { routes }))['http.routes']
    expect(r.status).toBe('pass')
    const rows = r.details.routes as Row[]
    expect(rows.filter((x) => x.configured)).toHaveLength(20)
    expect(r.details.samplesPerRoute).toBe(8)
    expect(rows.filter((x) => x.present).every((x) => x.stats?.n === 8)).toBe(true)
  })
})
