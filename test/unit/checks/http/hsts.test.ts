import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { eligibleHeader, preloadableHeader, parsePreloadHeader, removableHeader, responseIssues, type Issues } from '../../../../electron/core/checks/http/lib/hsts-preload'
import { parseHstsStrict } from '../../../../electron/core/checks/http/lib/hsts-strict'
import { describeConformance } from '../../../helpers/conformance'

describeConformance('hsts', 'conformance: hsts', (file) => {
  const dir = file
  const load = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'))

  interface Expected {
    Errors?: { Code: string; Summary?: string; Message?: string }[]
    Warnings?: { Code: string; Summary?: string; Message?: string }[]
  }

  /** Issues.Match: same codes in order; summary/message only when the vector gives one. */
  function match(got: Issues, want: Expected): void {
    for (const [g, w] of [
      [got.errors, want.Errors ?? []],
      [got.warnings, want.Warnings ?? []],
    ] as const) {
      expect(g.map((i) => i.code)).toEqual(w.map((i) => i.Code))
      w.forEach((e, i) => {
        if (e.Summary) expect(g[i].summary).toBe(e.Summary)
        if (e.Message) expect(g[i].message).toBe(e.Message)
      })
    }
  }

  describe('Chromium strict HSTS parsing (net/http/http_security_headers_unittest.cc)', () => {
    const { cases } = load('chromium_hsts_parse_vectors.json') as { cases: { header: string; valid: boolean; max_age?: number; max_age_unclamped?: number; include_subdomains?: boolean }[] }
    it(`agrees with all ${cases.length} vectors`, () => {
      for (const c of cases) {
        const r = parseHstsStrict(c.header)
        expect(r.valid, JSON.stringify(c.header)).toBe(c.valid)
        if (c.max_age !== undefined) expect(r.maxAgeClamped).toBe(c.max_age)
        if (c.max_age_unclamped !== undefined) expect(r.maxAge).toBe(c.max_age_unclamped)
        if (c.include_subdomains !== undefined) expect(r.includeSubDomains).toBe(c.include_subdomains)
      }
      console.info(`HSTS Chromium vectors: ${cases.length}/${cases.length} agree`)
    })
  })

  describe('hstspreload header rules (chromium/hstspreload)', () => {
    const { tables } = load('hstspreload_vectors.json')
    it('ParseHeaderString: header fields and issues', () => {
      for (const t of tables.parseHeaderStringTests) {
        const r = parsePreloadHeader(t.header)
        match(r.issues, t.expectedIssues)
        const e = t.expectedHSTSHeader
        expect(r.header).toEqual({ preload: e.Preload, includeSubDomains: e.IncludeSubDomains, maxAge: e.MaxAge ? e.MaxAge.Seconds : null })
      }
      for (const t of tables.parseHeaderStringWithErrorsTests) match(parsePreloadHeader(t.header).issues, t.expectedIssues)
    })
    it('Preloadable, Eligible and Removable header strings', () => {
      for (const t of tables.preloadableHeaderStringTests) match(preloadableHeader(t.header), t.expectedIssues)
      for (const t of tables.eligibleHeaderStringTests) match(eligibleHeader(t.header, t.policy === 'preloadlist.Bulk18Weeks' ? '18weeks' : '1year'), t.expectedIssues)
      for (const t of tables.removableHeaderStringTests) match(removableHeader(t.header), t.expectedIssues)
    })
    it('response rules (no header, several headers)', () => {
      const fns: Record<string, (h: string) => Issues> = {
        PreloadableResponse: preloadableHeader,
        RemovableResponse: removableHeader,
        eligibleResponse1Year: (h) => eligibleHeader(h, '1year'),
        eligibleResponse18Weeks: (h) => eligibleHeader(h, '18weeks'),
      }
      for (const t of tables.responseTests) match(responseIssues(t.hstsHeaders, fns[t.function]), t.expectedIssues)
      const n = ['parseHeaderStringTests', 'parseHeaderStringWithErrorsTests', 'preloadableHeaderStringTests', 'eligibleHeaderStringTests', 'removableHeaderStringTests', 'responseTests'].reduce((a, k) => a + tables[k].length, 0)
      console.info(`HSTS hstspreload header/response vectors: ${n} checked`)
    })
  })

  describe('where Chromium and hstspreload disagree, the check follows the browser', () => {
    it.each([
      ['max-age=31536000; includeSubDomains; includeSubDomains', false, 'repeated directive: Chromium drops the header, hstspreload warns'],
      ['max-age="31536000"; includeSubDomains', true, 'quoted max-age: Chromium accepts, hstspreload errors'],
      ['max-age=031536000; includeSubDomains', true, 'leading zero: both accept, hstspreload warns'],
      ['max-age=31536000; includeSubDomains; foo=b@r', false, 'invalid token in an unknown directive: Chromium drops the header'],
    ])('%s → browsers honour it: %s (%s)', (header, honoured) => {
      expect(parseHstsStrict(header).valid).toBe(honoured)
      const lenient = parsePreloadHeader(header)
      expect(lenient.issues.errors.length + lenient.issues.warnings.length).toBeGreaterThan(0)
    })
  })
})
