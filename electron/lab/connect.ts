import type { ConnectToRule } from '../core/net/profile'
import { ZoneData } from './dns/authority'
import type { DnsPlan } from './dns/topology'
import type { WebHost } from './web'

const rule = (host: string, port: number, toPort: number): ConnectToRule => ({ host, port, toHost: '127.0.0.1', toPort })

/**
 * The lab's connect-to map: every nameserver's names and IP at :53, every web host's name at
 * :80/:443, and, after those, the host's own A address when no other host shares it (a client
 * that resolves first and connects by IP lands on the same server, never off loopback).
 */
export function labConnectTo(plan: DnsPlan, dnsPorts: number[], hosts: WebHost[]): ConnectToRule[] {
  const rules: ConnectToRule[] = []
  plan.servers.forEach((s, i) => {
    for (const n of s.names) rules.push(rule(n, 53, dnsPorts[i]))
    rules.push(rule(s.ip, 53, dnsPorts[i]))
  })
  for (const h of hosts) {
    if (h.httpPort) rules.push(rule(h.name, 80, h.httpPort))
    if (h.httpsPort) rules.push(rule(h.name, 443, h.httpsPort))
  }
  const view = new ZoneData(plan.resolver.zones, plan.resolver.records, true)
  const ipsOf = (name: string) => view.answer(name, 'A').answers.filter((r) => r.type === 'A').map((r) => String(r.data))
  const owners = new Map<string, WebHost[]>()
  for (const h of hosts) for (const ip of new Set(ipsOf(h.name))) owners.set(ip, [...(owners.get(ip) ?? []), h])
  for (const [ip, [h, ...others]] of owners) {
    if (others.length) continue // shared address: only the name (SNI/Host) can tell the hosts apart
    if (h.httpPort) rules.push(rule(ip, 80, h.httpPort))
    if (h.httpsPort) rules.push(rule(ip, 443, h.httpsPort))
  }
  return rules
}
