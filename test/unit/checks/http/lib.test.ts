import { describe, expect, it } from 'vitest'
import { directives, edgeHit, longCached, personal, sharedCacheable } from '../../../../electron/core/checks/http/lib/cache'
import { isSourceMap, PROBES } from '../../../../electron/core/checks/http/lib/exposure'
import { subresources } from '../../../../electron/core/checks/http/lib/html'
import { percentile, summarize } from '../../../../electron/core/checks/http/lib/stats'
import { robotsDisallowAll } from '../../../../electron/core/checks/http/preview'
import type { HttpExchange } from '../../../../electron/core/net/http/types'

const x = (headers: Record<string, string>): HttpExchange => ({
  url: 'https://a.test/',
  method: 'GET',
  requestLine: 'GET / HTTP/1.1',
  protocol: 'http/1.1',
  status: 200,
  headers,
  body: Buffer.alloc(0),
  bodyBytes: 0,
  truncated: false,
  timing: { dnsMs: 0, connectMs: 0, tlsMs: 0, firstByteMs: 0, totalMs: 0, reused: false },
})

describe('subresources (parse5)', () => {
  const html = `<!doctype html><html><head><base href="https://cdn.a.test/b/">
    <link rel="stylesheet" href="http://x.test/s.css"><link rel="canonical" href="http://a.test/">
    <link rel="preload" as="font" href="http://x.test/f.woff2"><script src="app.js"></script>
    <!-- <script src="http://commented.test/x.js"></script> -->
    <script>var s = '<img src="http://in-script.test/a.png">'</script></head>
    <body><img src="http://x.test/a.png" srcset="http://x.test/a2.png 2x, /a3.png 3x"><iframe src="http://x.test/frame"></iframe>
    <template><img src="http://x.test/t.png"></template><video poster="http://x.test/p.jpg"></video><a href="http://x.test/link">l</a></body></html>`
  const r = subresources(html, 'https://a.test/page')
  const insecure = (kind: string) => r.filter((s) => s.kind === kind && s.url.startsWith('http:')).map((s) => s.url).sort()

  it('classifies active and passive content, ignoring links, comments and script text', () => {
    expect(insecure('active')).toEqual(['http://x.test/frame', 'http://x.test/s.css'])
    expect(insecure('passive')).toEqual(['http://x.test/a.png', 'http://x.test/a2.png', 'http://x.test/f.woff2', 'http://x.test/p.jpg', 'http://x.test/t.png'])
  })
  it('resolves relative URLs against <base href>', () => {
    expect(r.map((s) => s.url)).toContain('https://cdn.a.test/b/app.js')
    expect(r.map((s) => s.url)).toContain('https://cdn.a.test/a3.png')
  })
})

describe('cache rules', () => {
  it('parses Cache-Control and judges long caching', () => {
    expect(directives('public, max-age=60, Immutable').get('immutable')).toBe('')
    expect(longCached(x({ 'cache-control': 'public, max-age=31536000' }))).toBe(true)
    expect(longCached(x({ 'cache-control': 'max-age=600, immutable' }))).toBe(true)
    expect(longCached(x({ 'cache-control': 'max-age=600' }))).toBe(false)
    expect(longCached(x({}))).toBe(false)
  })
  it('knows what a shared cache may store', () => {
    expect(sharedCacheable(x({ 'cache-control': 'public, max-age=600' }))).toBe(true)
    expect(sharedCacheable(x({ 'cache-control': 's-maxage=60' }))).toBe(true)
    expect(sharedCacheable(x({ 'cache-control': 'private, max-age=600' }))).toBe(false)
    expect(sharedCacheable(x({ 'cache-control': 'no-store' }))).toBe(false)
    expect(sharedCacheable(x({ 'cdn-cache-control': 'max-age=60', 'cache-control': 'private' }))).toBe(true)
    expect(sharedCacheable(x({}))).toBe(false)
  })
  it('recognises edge hits and personal responses', () => {
    expect(edgeHit(x({ 'cf-cache-status': 'HIT' }))).toBe(true)
    expect(edgeHit(x({ 'x-cache': 'Hit from cloudfront' }))).toBe(true)
    expect(edgeHit(x({ 'x-cache': 'MISS', age: '0' }))).toBe(false)
    expect(edgeHit(x({ age: '12' }))).toBe(true)
    expect(personal(x({ 'set-cookie': 'a=b' }))).toMatch(/cookie/)
    expect(personal(x({ vary: 'Accept-Encoding, Authorization' }))).toMatch(/varies/)
    expect(personal(x({ vary: 'Accept-Encoding' }))).toBeUndefined()
  })
})

describe('exposure signatures', () => {
  const probe = (p: string) => PROBES.find((q) => q.path === p) as (typeof PROBES)[number]
  it('match the real files and not an HTML catch-all', () => {
    const index = '<!doctype html><html><body>app</body></html>'
    expect(probe('/.env').matches('API_KEY=abc\n')).toBe(true)
    expect(probe('/.env').matches(index)).toBe(false)
    expect(probe('/.git/config').matches('[core]\n\trepositoryformatversion = 0')).toBe(true)
    expect(probe('/.git/config').matches(index)).toBe(false)
    expect(probe('/.git/HEAD').matches('ref: refs/heads/main\n')).toBe(true)
    expect(probe('/.git/HEAD').matches(index)).toBe(false)
    expect(isSourceMap('{"version":3,"mappings":";;AAAA"}')).toBe(true)
    expect(isSourceMap(index)).toBe(false)
  })
})

describe('stats and robots', () => {
  it('computes nearest-rank percentiles', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
    expect(percentile(v, 50)).toBe(5)
    expect(percentile(v, 95)).toBe(100)
    expect(summarize([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, max: 3 })
  })
  it('reads robots.txt disallow-all for every agent', () => {
    expect(robotsDisallowAll('User-agent: *\nDisallow: /\n')).toBe(true)
    expect(robotsDisallowAll('User-agent: Googlebot\nDisallow: /\n')).toBe(false)
    expect(robotsDisallowAll('User-agent: *\nDisallow: /admin\n')).toBe(false)
  })
})
