import { describe, expect, it } from 'vitest'
import { faultMatches, faultsFor } from '../../../../electron/lab/dns/faults'

describe('DNS faults', () => {
  it('match names by pattern, type and excepted types', () => {
    expect(faultMatches({ name: '*.a.example', kind: 'timeout' }, 'x.y.A.example.', 'A')).toBe(true)
    expect(faultMatches({ name: '*.a.example', kind: 'timeout' }, 'a.example', 'A')).toBe(false)
    expect(faultMatches({ name: 'error.*', kind: 'timeout' }, 'error.b.example', 'TXT')).toBe(true)
    expect(faultMatches({ name: 'error.*', kind: 'timeout' }, 'errorx.b.example', 'TXT')).toBe(false)
    expect(faultMatches({ name: 'a.example', type: 'txt', kind: 'timeout' }, 'a.example', 'A')).toBe(false)
    expect(faultMatches({ name: 'a.example', exceptTypes: ['TXT'], kind: 'timeout' }, 'a.example', 'TXT')).toBe(false)
    expect(faultMatches({ name: 'a.example', exceptTypes: ['TXT'], kind: 'timeout' }, 'a.example', 'SPF')).toBe(true)
  })

  it('let the first non-latency fault decide and add latencies up', () => {
    const r = faultsFor(
      [
        { name: 'a.example', kind: 'latency', ms: 5 },
        { name: '*.example', kind: 'servfail' },
        { name: 'a.example', kind: 'refused' },
        { name: 'a.example', kind: 'latency', ms: 7 },
      ],
      'a.example',
      'A',
    )
    expect(r).toEqual({ fault: { name: '*.example', kind: 'servfail' }, delayMs: 12 })
  })
})
