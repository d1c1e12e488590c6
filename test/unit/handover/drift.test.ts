import { describe, expect, it } from 'vitest'
import { observedValues } from '../../../electron/core/handover/extract'
import { diffCheck } from '../../../electron/core/handover/drift'

describe('baseline values and drift diff', () => {
  it('keeps observed values and drops timings and counters', () => {
    const v = observedValues({ answers: ['127.0.0.1'], durationMs: 12, p95: 300, cert: { serial: '01', daysLeft: 40, notAfter: 'x', issuedAt: 'y' }, items: 3 })
    expect(v).toEqual({ 'answers[0]': '127.0.0.1', 'cert.notAfter': 'x', 'cert.serial': '01', items: 3 })
  })

  it('reports status changes, value changes and checks that no longer run', () => {
    const before = { id: 'dns.hosts', target: 'www.a.example', status: 'pass', summary: 'ok', observed: { 'answers[0]': '127.0.0.1' }, finishedAt: '' }
    expect(diffCheck(before, { status: 'pass', summary: 'ok', observed: { 'answers[0]': '127.0.0.1' } })).toEqual([])
    const changed = diffCheck(before, { status: 'fail', summary: 'NXDOMAIN', observed: { 'answers[0]': '127.0.0.9', cname: 'x.example' } })
    expect(changed.map((c) => [c.kind, c.path ?? '', c.before, c.after])).toEqual([
      ['status', '', 'pass: ok', 'fail: NXDOMAIN'],
      ['value', 'answers[0]', '127.0.0.1', '127.0.0.9'],
      ['value', 'cname', '(absent)', 'x.example'],
    ])
    expect(diffCheck(before, undefined)[0].kind).toBe('missing')
  })
})
