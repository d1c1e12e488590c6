import { describe, expect, it } from 'vitest'
import { normalizeData, txtChunks } from '../../../../electron/lab/dns/records'

describe('record data', () => {
  it('splits long TXT strings into 255-byte character-strings and keeps lists as given', () => {
    expect(txtChunks('x'.repeat(600)).map((b) => b.length)).toEqual([255, 255, 90])
    expect(txtChunks(['a', 'bc']).map(String)).toEqual(['a', 'bc'])
    expect(txtChunks([])).toEqual([])
    expect(txtChunks('')).toEqual([Buffer.alloc(0)])
  })

  it('sends one-byte characters byte for byte and wider text as UTF-8', () => {
    expect(txtChunks('\xef\xbb\xbf')[0]).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(txtChunks('ü€')[0]).toEqual(Buffer.from('ü€', 'utf8'))
  })

  it('reads zone-file text for MX, CAA, SOA, DS and DNSKEY', () => {
    expect(normalizeData('MX', '10 mx.a.example.')).toEqual({ preference: 10, exchange: 'mx.a.example' })
    expect(normalizeData('MX', [0, '.'])).toEqual({ preference: 0, exchange: '.' })
    expect(normalizeData('CAA', '128 issue "ca.example"')).toEqual({ flags: 128, tag: 'issue', value: 'ca.example', issuerCritical: true })
    expect(normalizeData('SOA', 'ns1.a. host.a. 5 1 2 3 4')).toMatchObject({ mname: 'ns1.a', serial: 5, minimum: 4 })
    expect(normalizeData('DS', '1 13 2 AB CD')).toMatchObject({ keyTag: 1, algorithm: 13, digestType: 2, digest: Buffer.from([0xab, 0xcd]) })
    expect(normalizeData('DNSKEY', '257 3 13 AAEC')).toMatchObject({ flags: 257, algorithm: 13, key: Buffer.from([0, 1, 2]) })
    expect(() => normalizeData('CAA', 'issue')).toThrow(/CAA/)
  })
})
