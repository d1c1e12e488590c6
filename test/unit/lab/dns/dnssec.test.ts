import { describe, expect, it } from 'vitest'
import { dsFor, fakeDnskey, keyTag, dnskeyRdata } from '../../../../electron/lab/dns/dnssec'

describe('DS from DNSKEY (RFC 4034 §5.1.4)', () => {
  it('matches the RFC 4509 §2.3 example (key tag 60485, SHA-256)', () => {
    const key = {
      flags: 256,
      algorithm: 5,
      key: Buffer.from(
        'AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==',
        'base64',
      ),
    }
    const ds = dsFor('dskey.example.com', key)
    expect(ds.keyTag).toBe(60485)
    expect(ds.digest.toString('hex').toUpperCase()).toBe('D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A')
    expect(dsFor('DSKEY.Example.COM.', key).digest).toEqual(ds.digest)
  })

  it('makes a stable fake KSK per zone', () => {
    const k = fakeDnskey('tidy.example')
    expect(k.flags).toBe(257)
    expect(k.key).toEqual(fakeDnskey('tidy.example').key)
    expect(k.key).not.toEqual(fakeDnskey('other.example').key)
    expect(keyTag(dnskeyRdata(k))).toBe(dsFor('tidy.example', k).keyTag)
  })
})
