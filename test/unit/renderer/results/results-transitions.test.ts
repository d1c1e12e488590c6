import { describe, expect, it } from 'vitest'
import { evidenceView, headerPairs, initialResult, resultFailed, resultLoaded, resultRequested, type FullResult } from '../../../../renderer/src/store/results'

const full = (id: number): FullResult => ({
  id,
  runId: 'r1',
  engagementId: 'e1',
  checkId: 'dns.hosts',
  target: 'a.example',
  status: 'pass',
  summary: 'ok',
  details: {},
  durationMs: 3,
  evidenceId: 1,
  finishedAt: '2026-01-01T00:00:00.000Z',
  evidence: [],
})

describe('result detail transitions', () => {
  it('keeps the catalog across results and ignores a late answer for another result', () => {
    const catalog = [{ id: 'dns.hosts', title: 'Hosts resolve', area: 'dns', stage: 's', why: 'w', fix: 'f', scope: 'host' as const, network: true }]
    let s = resultRequested({ ...initialResult, catalog }, 2)
    expect(s).toMatchObject({ resultId: 2, loading: true, catalog })
    expect(resultLoaded(s, full(1), [])).toBe(s)
    s = resultLoaded(s, full(2), [])
    expect(s.data?.id).toBe(2)
    expect(s.loading).toBe(false)
    expect(resultFailed(s, 7, { code: 'not_found', message: 'x' })).toBe(s)
    expect(resultFailed(s, 2, { code: 'not_found', message: 'gone' }).error?.message).toBe('gone')
  })
})

describe('evidence presentation by shape', () => {
  it('shows a DNS exchange as server, question, timing and records', () => {
    const v = evidenceView({
      server: '127.0.0.1:53',
      serverName: 'ns1.a.example',
      question: { name: 'www.a.example', type: 'A' },
      rcode: 'NOERROR',
      answers: [{ name: 'www.a.example', type: 'A', ttl: 300, data: '192.0.2.1' }],
      authorities: [],
      ms: 4,
    })
    expect(v).toEqual({
      type: 'dns',
      server: '127.0.0.1:53 (ns1.a.example)',
      question: 'www.a.example A',
      rcode: 'NOERROR',
      ms: 4,
      records: [{ name: 'www.a.example', type: 'A', ttl: 300, data: '192.0.2.1' }],
    })
  })

  it('shows redirect chains as hops with their Location', () => {
    const v = evidenceView({ start: 'http://a.example/', hops: [{ url: 'http://a.example/', status: 301, headers: { location: 'https://a.example/' }, timing: { totalMs: 12 } }, { url: 'https://a.example/', status: 200, headers: {} }] })
    expect(v).toEqual({ type: 'redirects', hops: [{ url: 'http://a.example/', status: 301, location: 'https://a.example/', ms: 12 }, { url: 'https://a.example/', status: 200, location: null, ms: null }] })
  })

  it('shows certificate chains with PEM, HTTP exchanges with sorted headers, and anything else as JSON', () => {
    const cert = { subject: 'CN=a', issuer: 'CN=ca', validFrom: '2026-01-01T00:00:00Z', validTo: '2027-01-01T00:00:00Z', pem: '-----BEGIN CERTIFICATE-----' }
    expect(evidenceView({ host: 'a', chain: [cert] })).toEqual({ type: 'certs', certs: [cert] })
    const http = evidenceView({ url: 'https://a.example/', status: 200, headers: { server: 'x', 'cache-control': ['a', 'b'] }, bodyExcerpt: '<html>' })
    expect(http).toEqual({ type: 'http', url: 'https://a.example/', status: 200, headers: [['cache-control', 'a'], ['cache-control', 'b'], ['server', 'x']], body: '<html>' })
    expect(evidenceView({ anything: 1 })).toEqual({ type: 'json' })
    expect(evidenceView(null)).toEqual({ type: 'json' })
    expect(evidenceView([1, 2])).toEqual({ type: 'json' })
    expect(headerPairs([['a', 1]])).toEqual([['a', '1']])
  })
})
