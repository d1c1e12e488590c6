import { BlockList, isIP } from 'node:net'

/** The special-use ranges a check never connects to on its own. */
export type PrivateRange =
  | 'loopback'
  | 'private network'
  | 'carrier-grade NAT'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'

const V4: [string, number, PrivateRange][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private network'],
  ['172.16.0.0', 12, 'private network'],
  ['192.168.0.0', 16, 'private network'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['169.254.0.0', 16, 'link-local'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
]

const V6: [string, number, PrivateRange][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['fc00::', 7, 'unique-local'],
  ['ff00::', 8, 'multicast'],
]

function lists(entries: [string, number, PrivateRange][], type: 'ipv4' | 'ipv6'): [BlockList, PrivateRange][] {
  return entries.map(([net, prefix, range]) => {
    const b = new BlockList()
    b.addSubnet(net, prefix, type)
    return [b, range]
  })
}

const V4_LISTS = lists(V4, 'ipv4')
const V6_LISTS = lists(V6, 'ipv6')

/** The eight 16-bit groups of an IPv6 literal (already valid), '::' expanded. */
function groups(v6: string): number[] {
  // WHATWG URL serialises every form (dotted tail, upper case, zeros) the same canonical way.
  const canon = new URL(`http://[${v6}]/`).hostname.slice(1, -1)
  const [head, tail = ''] = canon.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const fill = canon.includes('::') ? Array(8 - h.length - t.length).fill('0') : []
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16))
}

const dotted = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`

/**
 * The IPv4 address an IPv6 literal carries, if any: IPv4-mapped (::ffff:a.b.c.d), the old
 * IPv4-compatible form (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). A connection to
 * any of them can end at that IPv4 address, so it is judged as that address.
 */
export function embeddedIpv4(v6: string): string | undefined {
  const g = groups(v6)
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0)
  if (zeros(0, 5) && g[5] === 0xffff) return dotted(g[6], g[7])
  if (zeros(0, 6) && !(g[6] === 0 && g[7] <= 1)) return dotted(g[6], g[7])
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return dotted(g[6], g[7])
  if (g[0] === 0x2002) return dotted(g[1], g[2])
  return undefined
}

/**
 * Which special-use range an IP address is in (loopback, RFC 1918, CGNAT, link-local,
 * unique-local, multicast, unspecified …, also when written as an IPv4-mapped or other
 * IPv4-embedding IPv6 address), or undefined for a public address or a non-address.
 */
export function privateRange(address: string): PrivateRange | undefined {
  const a = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(a)
  if (family === 4) return V4_LISTS.find(([b]) => b.check(a, 'ipv4'))?.[1]
  if (family !== 6) return undefined
  const v4 = embeddedIpv4(a)
  if (v4) return privateRange(v4)
  return V6_LISTS.find(([b]) => b.check(a, 'ipv6'))?.[1]
}
