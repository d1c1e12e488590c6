import { describe, expect, it } from 'vitest'
import { observedValues } from '../../../electron/core/handover/extract'
import { classify, foldCnameFollowers, type DriftFinding } from '../../../electron/core/handover/drift/classify'
import { normaliseText } from '../../../electron/core/handover/drift/normalise'
import type { BaselineCheck } from '../../../electron/core/handover/baseline'

const base = (id: string, target: string, status: string, observed: BaselineCheck['observed'], summary = 'ok'): BaselineCheck => ({ id, target, status, summary, observed, finishedAt: '' })
const now = (status: string, observed: BaselineCheck['observed'], details: Record<string, unknown> = {}, summary = 'ok') => ({ status, summary, observed, details })

describe('baseline values and drift verdicts', () => {
  it('keeps observed values, drops timings and counters, and bands latency against the targets', () => {
    const v = observedValues({ answers: ['127.0.0.1'], durationMs: 12, p95: 300, cert: { serial: '01', daysLeft: 40, notAfter: 'x', issuedAt: 'y' }, items: 3 })
    expect(v).toEqual({ 'answers[0]': '127.0.0.1', 'cert.notAfter': 'x', 'cert.serial': '01', items: 3 })
    const routes = observedValues({ targets: { p95PassMs: 300, p95WarnMs: 500 }, routes: [{ url: '/', stats: { p95: 120 } }, { url: '/a', stats: { p95: 420 } }, { url: '/b', stats: { p95: 900 } }] })
    expect([routes['routes[0].speed'], routes['routes[1].speed'], routes['routes[2].speed']]).toEqual(['within target', 'over target', 'over the limit'])
  })

  it('treats OpenSSL error text from two processes as the same observation', () => {
    const a = '401D0251617F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:918:SSL alert number 70\n'
    const b = '403DCA0DC97F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:918:SSL alert number 70\n'
    expect(normaliseText(a)).toBe(normaliseText(b))
    expect(classify(base('tls.protocols', 'www.a.example', 'pass', { 'legacy[0].detail': a }), now('pass', { 'legacy[0].detail': b }))).toBeNull()
  })

  it('ignores edge cache hits and token ids, and calls a same-issuer certificate change a renewal', () => {
    expect(classify(base('http.cache', 'a.example', 'fail', { 'privateCacheable[0].edgeHit': true }), now('fail', { 'privateCacheable[0].edgeHit': false }))).toBeNull()
    expect(classify(base('cf.token', 'a.example', 'warn', { tokenId: 'aa' }), now('warn', { tokenId: 'bb' }))).toBeNull()
    // samples http.routes retook because this computer was busy say nothing about the site
    expect(classify(base('http.routes', 'a.example', 'warn', { 'routes[5].discarded': 0 }), now('warn', { 'routes[5].discarded': 3 }))).toBeNull()
    const renewed = classify(base('tls.cert', 'app.a.example', 'pass', { issuer: 'CN=Lab CA', validTo: '2027-01-01T00:00:00.000Z' }), now('pass', { issuer: 'CN=Lab CA', validTo: '2027-04-01T00:00:00.000Z' }, { validTo: '2027-04-01T00:00:00.000Z' }), 'a.example')
    expect(renewed?.verdict).toBe('neutral')
    expect(renewed?.headline).toBe('The certificate for app was renewed by the same issuer (now valid until 2027-04-01).')
    const otherIssuer = classify(base('tls.cert', 'app.a.example', 'pass', { issuer: 'CN=Lab CA', validTo: '2027-01-01' }), now('pass', { issuer: 'CN=Other CA', validTo: '2027-04-01' }))
    expect(otherIssuer?.headline).not.toMatch(/renewed/)
  })

  it('a check that cannot run here (a probe without consent) is not checked, never better; not applicable both times is no change', () => {
    const probe = classify(base('abuse.rate-limit', 'a.example', 'fail', { 'endpoints[0].limited': false }, 'login is not rate limited'), now('skip', {}, {}, 'No consent recorded for probes.'), 'a.example')
    expect(probe).toMatchObject({ verdict: 'neutral', statusAfter: 'skip' })
    expect(probe?.headline).toMatch(/was not checked this time \(failing at handover\)\. No consent recorded for probes\.$/)
    expect(classify(base('http.smoke', 'a.example', 'skip', { 'flows[0].ok': true }), now('skip', { 'flows[0].ok': false }))).toBeNull()
  })

  it('ignores the folder a repository was scanned from on this computer, not a clone URL that changed', () => {
    expect(classify(base('secrets.repo', 'a.example', 'fail', { 'repositories[0].source': '/tmp/lab-1/repo' }), now('fail', { 'repositories[0].source': '/tmp/lab-2/repo' }))).toBeNull()
    expect(classify(base('secrets.repo', 'a.example', 'fail', { 'repositories[0].source': 'https://git.a.example/a.git' }), now('fail', { 'repositories[0].source': 'https://git.b.example/a.git' }))?.verdict).toBe('neutral')
  })

  it('classifies verdict changes and words them for a founder', () => {
    const cert = classify(base('tls.cert', 'app.a.example', 'pass', {}), now('warn', {}, { daysLeft: 21 }, 'Certificate for app.a.example expires in 21 days.'), 'a.example')
    expect(cert).toMatchObject({ verdict: 'regression', headline: 'The certificate for app expires in 21 days.' })
    const https = classify(base('http.https', 'www.a.example', 'pass', {}), now('fail', {}, {}, 'http://www.a.example/ serves content over plain HTTP (200).'), 'a.example')
    expect(https?.headline).toMatch(/^www no longer redirects to HTTPS/)
    const fixed = classify(base('mail.dmarc', 'a.example', 'warn', {}), now('pass', {}, {}, 'DMARC p=quarantine.'))
    expect(fixed).toMatchObject({ verdict: 'improvement', headline: 'Fixed since handover: DMARC p=quarantine.' })
    expect(classify(base('mail.spf', 'a.example', 'pass', {}), now('error', {}))?.verdict).toBe('regression')
    expect(classify(base('mail.spf', 'a.example', 'pass', {}), undefined)?.verdict).toBe('neutral')
  })

  it('calls a moved DNS answer a regression and a slower latency band one too, a faster one an improvement', () => {
    const moved = classify(base('dns.hosts', 'api.a.example', 'pass', { 'addresses[0]': '192.0.2.1', 'records[0].value': 'v=spf1 -all' }), now('pass', { 'addresses[0]': '192.0.2.9', 'records[0].value': 'v=spf1 mx -all' }), 'a.example')
    expect(moved?.verdict).toBe('regression')
    expect(moved?.headline).toMatch(/^api now points to 192\.0\.2\.9 \(at handover: 192\.0\.2\.1\)/)
    expect(moved?.changes.map((c) => c.path)).toEqual(['addresses[0]']) // TXT records belong to mail.spf
    const routes = (p95: number[]) => ({ targets: { p95PassMs: 300, p95WarnMs: 500 }, routes: p95.map((p) => ({ stats: { p95: p } })) })
    const slower = classify(base('http.routes', 'a.example', 'pass', { 'routes[0].speed': 'within target' }), now('warn', { 'routes[0].speed': 'over target' }, routes([480])))
    expect(slower?.verdict).toBe('regression')
    // a busy moment just past an edge is jitter, not a slower site, whatever the verdict's hard edge says
    const jitter = classify(base('http.routes', 'a.example', 'warn', { 'routes[0].speed': 'over target' }), now('fail', { 'routes[0].speed': 'over the limit' }, routes([564])))
    expect(jitter?.verdict).toBe('neutral')
    expect(jitter?.headline).toMatch(/^Key routes are about as fast as at handover/)
    const faster = classify(base('http.routes', 'a.example', 'fail', { 'routes[0].speed': 'over the limit' }), now('warn', { 'routes[0].speed': 'over target' }, routes([320])))
    expect(faster?.verdict).toBe('improvement')
    // a route that now errors is not a matter of speed
    expect(classify(base('http.routes', 'a.example', 'pass', { 'routes[0].status': 200 }), now('fail', { 'routes[0].status': 500 }, routes([100])))?.verdict).toBe('regression')
    // a baseline made before speed bands existed does not drift because of them
    expect(classify(base('http.routes', 'a.example', 'pass', {}), now('pass', { 'routes[0].speed': 'within target' }))).toBeNull()
  })

  it('folds a CNAME follower into the regression of the host it follows', () => {
    const apexBefore = base('dns.hosts', 'a.example', 'pass', { 'addresses[0]': '192.0.2.1' })
    const wwwBefore = base('dns.hosts', 'www.a.example', 'pass', { 'addresses[0]': '192.0.2.1', 'cnames[0]': 'a.example' })
    const findings = [
      classify(apexBefore, now('pass', { 'addresses[0]': '192.0.2.9' }), 'a.example'),
      classify(wwwBefore, now('pass', { 'addresses[0]': '192.0.2.9', 'cnames[0]': 'a.example' }), 'a.example'),
    ] as DriftFinding[]
    const folded = foldCnameFollowers(findings, [apexBefore, wwwBefore], 'a.example')
    expect(folded.map((f) => f.verdict)).toEqual(['regression', 'neutral'])
    expect(folded[1].headline).toBe('www follows a.example (a CNAME), which moved: see above.')
  })
})
