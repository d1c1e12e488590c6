import { describe, expect, it } from 'vitest'
import type { CheckResultInfo } from '@shared/contract/checks'
import { dnsPaths, histogram, p95Standing, redirectPaths, routeLatencies, sharedTop } from '../../../../renderer/src/screens/results/pictures'
import { areaName } from '../../../../renderer/src/lib/areas'

const res = (checkId: string, target: string, details: Record<string, unknown>, status: CheckResultInfo['status'] = 'pass'): CheckResultInfo => ({
  id: 1,
  runId: 'r',
  engagementId: 'e',
  checkId,
  target,
  status,
  summary: '',
  details,
  durationMs: 1,
  evidenceId: null,
  finishedAt: '2026-01-01T00:00:00.000Z',
})

describe('pictures from result details', () => {
  it('builds DNS paths per host from dns.hosts, sorted, ignoring other checks', () => {
    const rs = [
      res('dns.hosts', 'www.a.example', { host: 'www.a.example', cnames: ['edge.cdn.example'], addresses: ['192.0.2.1'] }),
      res('dns.hosts', 'app.a.example', { host: 'app.a.example', cnames: [], addresses: [] }, 'fail'),
      res('mail.spf', 'a.example', {}),
    ]
    expect(dnsPaths(rs)).toEqual([
      { host: 'app.a.example', cnames: [], addresses: [], status: 'fail' },
      { host: 'www.a.example', cnames: ['edge.cdn.example'], addresses: ['192.0.2.1'], status: 'pass' },
    ])
  })

  it('builds redirect paths with problems, and latency per present route with thresholds', () => {
    const canon = res('http.canonical', 'a.example', {
      canonical: 'https://www.a.example',
      entries: [
        { entry: 'http://a.example/', hops: 2, final: 'https://www.a.example/', status: 200 },
        { entry: 'https://b.a.example/', hops: 10, final: null, status: null, loop: true },
      ],
    })
    expect(redirectPaths([canon])).toEqual({
      canonical: 'https://www.a.example',
      paths: [
        { entry: 'http://a.example/', hops: 2, final: 'https://www.a.example/', status: 200, problem: null },
        { entry: 'https://b.a.example/', hops: 10, final: null, status: null, problem: 'redirect loop' },
      ],
    })
    expect(redirectPaths([])).toEqual({ canonical: null, paths: [] })
    const routes = res('http.routes', 'a.example', {
      targets: { p95PassMs: 800, p95WarnMs: 1500 },
      routes: [
        { url: 'https://www.a.example/', present: true, samples: [10, 20, 'x'], stats: { p95: 20 } },
        { url: 'https://www.a.example/gone', present: false, samples: [] },
      ],
    })
    expect(routeLatencies([routes])).toEqual({ routes: [{ url: 'https://www.a.example/', samples: [10, 20], p95: 20 }], passMs: 800, warnMs: 1500 })
  })

  it('buckets samples into equal widths, the slowest in the last bucket', () => {
    const h = histogram([0, 5, 11, 120], 12)
    expect(h.width).toBe(10)
    expect(h.counts).toHaveLength(12)
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(4)
    expect(h.counts[0]).toBe(2)
    expect(h.counts[11]).toBe(1)
    expect(h.max).toBe(2)
    expect(histogram([]).max).toBe(0)
  })
})

describe('latency histograms compared side by side', () => {
  it('share one x scale, and judge a p95 by its target: well under, near, over', () => {
    const routes = [
      { url: 'a', samples: [5, 10, 20], p95: 20 },
      { url: 'b', samples: [100, 400, 450], p95: 450 },
    ]
    const top = sharedTop(routes)
    expect(top).toBe(450)
    const spans = routes.map((r) => {
      const h = histogram(r.samples, 12, top)
      return h.width * h.counts.length
    })
    expect(spans[0]).toBe(spans[1])
    expect(p95Standing(100, 300)).toBe('under')
    expect(p95Standing(260, 300)).toBe('near')
    expect(p95Standing(301, 300)).toBe('over')
    expect(p95Standing(10, null)).toBe('neutral')
  })

  it('names check areas in words, keeping an unknown id as it is', () => {
    expect(['cf', 'reg', 'mon'].map(areaName)).toEqual(['Cloudflare', 'Registrar', 'Monitoring'])
    expect(areaName('zz')).toBe('zz')
  })
})
