import { describe, expect, it } from 'vitest'
import { embeddedIpv4, privateRange } from '../../../../electron/core/net/egress'

describe('privateRange: the addresses no check connects to on its own', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private network'],
    ['172.16.0.1', 'private network'],
    ['172.31.255.255', 'private network'],
    ['192.168.1.1', 'private network'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['FE80::1%eth0', 'link-local'],
    ['[fe80::abcd]', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fec0::1', 'site-local'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    // IPv4-mapped and other IPv6 forms that carry an IPv4 address are judged as that address
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:169.254.169.254', 'link-local'],
    ['::ffff:a00:1', 'private network'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private network'],
    ['2002:c0a8:101::1', 'private network'],
  ])('%s is %s', (address, range) => {
    expect(privateRange(address)).toBe(range)
  })

  it.each(['8.8.8.8', '1.1.1.1', '203.0.113.10', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '169.253.255.255', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    '%s is public',
    (address) => {
      expect(privateRange(address)).toBeUndefined()
    },
  )

  it('is undefined for anything that is not an address', () => {
    for (const x of ['', 'localhost', 'example.com', '127.0.0.1.nip.io', '999.1.1.1', '::zz']) expect(privateRange(x)).toBeUndefined()
  })

  it('finds the IPv4 address inside mapped, compatible, NAT64 and 6to4 forms only', () => {
    expect(embeddedIpv4('::ffff:192.168.0.1')).toBe('192.168.0.1')
    expect(embeddedIpv4('::7f00:1')).toBe('127.0.0.1')
    expect(embeddedIpv4('64:ff9b::a9fe:a9fe')).toBe('169.254.169.254')
    expect(embeddedIpv4('2002:7f00:1::')).toBe('127.0.0.1')
    expect(embeddedIpv4('::1')).toBeUndefined()
    expect(embeddedIpv4('::')).toBeUndefined()
    expect(embeddedIpv4('2001:db8::1')).toBeUndefined()
  })
})
