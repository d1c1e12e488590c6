import { describe, expect, it } from 'vitest'
import { looksOffline } from '../../../electron/core/net/offline'

const lo = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' } as const
const eth = { address: '192.0.2.10', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.10/24' } as const
const linkLocal = { ...eth, address: 'fe80::1', family: 'IPv6', cidr: 'fe80::1/64', scopeid: 2 } as const

describe('looksOffline', () => {
  it('is offline with only loopback or link-local addresses', () => {
    expect(looksOffline({ lo: [lo] })).toBe(true)
    expect(looksOffline({ lo: [lo], eth0: [linkLocal as never] })).toBe(true)
    expect(looksOffline({})).toBe(true)
  })
  it('is online with a routable address', () => {
    expect(looksOffline({ lo: [lo], eth0: [eth] })).toBe(false)
  })
})
