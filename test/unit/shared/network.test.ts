import { describe, expect, it } from 'vitest'
import { dohProblem, formatConnectTo, parseConnectTo, resolverProblem } from '@shared/network'

describe('connect-to rules (curl syntax)', () => {
  it('parses host, port and target, with IPv6 in brackets, and formats back', () => {
    for (const spec of ['www.example.com:443:203.0.113.10:8443', 'example.com::127.0.0.1:', ':443:[::1]:4443', 'api.example.com:80::8080']) {
      expect(formatConnectTo(parseConnectTo(spec))).toBe(spec)
    }
    expect(parseConnectTo(':443:[::1]:4443')).toEqual({ host: '', port: 443, toHost: '::1', toPort: 4443 })
  })

  it('refuses what is not a rule, with the reason', () => {
    expect(() => parseConnectTo('www.example.com:443')).toThrow(/HOST1:PORT1:HOST2:PORT2/)
    expect(() => parseConnectTo('www.example.com:99999:127.0.0.1:1')).toThrow(/invalid port/)
    expect(() => parseConnectTo('www.example.com:443::')).toThrow(/goes nowhere/)
  })
})

describe('resolver addresses', () => {
  it('accepts IPv4 and IPv6 with optional ports', () => {
    for (const ok of ['192.0.2.53', '192.0.2.53:5353', '::1', '2001:db8::53', '[2001:db8::53]:5353', '[::1]']) expect(resolverProblem(ok), ok).toBeNull()
  })
  it('refuses host names, bad addresses and bad ports', () => {
    expect(resolverProblem('dns.example')).toMatch(/not an IP address/)
    expect(resolverProblem('256.1.1.1')).toMatch(/not an IP address/)
    expect(resolverProblem('1.2.3')).toMatch(/not an IP address/)
    expect(resolverProblem('2001:db8::1::2')).toMatch(/not an IP address/)
    expect(resolverProblem('192.0.2.53:0')).toMatch(/invalid port/)
    expect(resolverProblem('[::1]:70000')).toMatch(/invalid port/)
  })
})

describe('DNS-over-HTTPS endpoints', () => {
  it('need an https URL without credentials', () => {
    expect(dohProblem('https://dns.example/dns-query')).toBeNull()
    expect(dohProblem('http://dns.example/dns-query')).toMatch(/https/)
    expect(dohProblem('dns.example')).toMatch(/not a URL/)
    expect(dohProblem('https://user:pw@dns.example/')).toMatch(/user name or password/)
  })
})
