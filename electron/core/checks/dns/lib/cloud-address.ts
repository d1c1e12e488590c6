import { isIP } from 'node:net'
import type { Resolver } from '../../../net/dns/resolver'
import { egressErrorOf } from '../../../net/egress'
import type { TlsProber } from '../../../net/tls/probe'
import { normName } from './evidence'

/**
 * Cloud providers' pools of addresses handed to whoever asks next, recognised by the generic
 * reverse-DNS names the providers give them. A record pointing at such an address outlives the
 * server it was made for: once the instance (or its elastic IP) is released, the next customer
 * given the address serves the subdomain.
 */
const POOLS: [RegExp, string][] = [
  [/^ec2-[\d-]+\.([\w-]+\.)?compute(-1)?\.amazonaws\.com$/, 'AWS EC2'],
  [/\.bc\.googleusercontent\.com$/, 'Google Cloud'],
  [/\.cloudapp\.azure\.com$|\.cloudapp\.net$/, 'Microsoft Azure'],
  [/\.ip\.linodeusercontent\.com$|^li\d+-\d+\.members\.linode\.com$/, 'Linode'],
  [/^static\.[\d.]+\.clients\.your-server\.de$/, 'Hetzner'],
  [/\.vultrusercontent\.com$/, 'Vultr'],
  [/\.(compute|instances)\.scw\.cloud$/, 'Scaleway'],
]

/** Addresses looked at per run, at most (a zone with thousands of records stays bounded). */
export const MAX_ADDRESSES = 40

/** The cloud pool a reverse-DNS name belongs to, if it is one. */
export function cloudPool(ptr: string): string | undefined {
  const n = normName(ptr)
  return POOLS.find(([re]) => re.test(n))?.[1]
}

/** The reverse-DNS name of an address: 7.12.91.3.in-addr.arpa, or the nibbles under ip6.arpa. */
export function reverseName(address: string): string {
  if (isIP(address) === 4) return `${address.split('.').reverse().join('.')}.in-addr.arpa`
  const [head, tail = ''] = address.toLowerCase().split('::')
  const groups = (s: string) => (s ? s.split(':') : [])
  const h = groups(head)
  const t = groups(tail)
  const all = address.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h
  return `${all.map((g) => g.padStart(4, '0')).join('').split('').reverse().join('.')}.ip6.arpa`
}

/** A name whose address is in a cloud pool and does not serve it any more. */
export interface ReleasedAddress {
  host: string
  address: string
  pool: string
  ptr: string
  /** What the address did when asked for the host over HTTPS. */
  problem: string
}

/**
 * For each name → address (A/AAAA, no CNAME), whether the address is recognisably from a cloud
 * pool (reverse DNS) and no longer serves the name: nothing answers on 443, or the certificate
 * there is for someone else. Addresses the egress policy will not reach are left alone (nothing
 * can be said of them), as are names whose address still serves them.
 */
export async function releasedAddresses(pairs: { host: string; address: string }[], dns: Resolver, tls: TlsProber, signal: AbortSignal): Promise<{ found: ReleasedAddress[]; looked: number }> {
  const list = pairs.slice(0, MAX_ADDRESSES)
  const found: ReleasedAddress[] = []
  await Promise.all(
    list.map(async ({ host, address }) => {
      const ptr = await dns
        .lookup(reverseName(address), 'PTR', { signal })
        .then((r) => r.records.map((x) => String(x.data))[0])
        .catch(() => undefined)
      const pool = ptr ? cloudPool(ptr) : undefined
      if (!ptr || !pool) return
      const problem = await tls.probe(host, 443, { signal }).then(
        (p) => (p.nameMatch ? null : `serves a certificate for another name (${p.chain[0]?.subject ?? 'unknown'})`),
        (e: Error) => (egressErrorOf(e) ? null : `answers nothing on HTTPS (${e.message.split('\n')[0].slice(0, 120)})`),
      )
      if (problem) found.push({ host, address, pool, ptr: normName(ptr), problem })
    }),
  )
  return { found: found.sort((a, b) => a.host.localeCompare(b.host)), looked: list.length }
}
