import net from 'node:net'

/** An address as bytes (4 or 16); IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4 (RFC 7208 §5). */
export function ipBytes(ip: string): Uint8Array | null {
  const v = net.isIP(ip)
  if (v === 4) return Uint8Array.from(ip.split('.').map(Number))
  if (v !== 6) return null
  const b = v6Bytes(ip)
  const mapped = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff
  return mapped ? b.slice(12) : b
}

function v6Bytes(ip: string): Uint8Array {
  let s = ip
  const tail: number[] = []
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)
  if (v4) {
    v4[1].split('.').forEach((x) => tail.push(Number(x)))
    s = s.slice(0, -v4[1].length) + '0:0'
  }
  const [head, rest] = s.split('::') as [string, string | undefined]
  const h = head ? head.split(':') : []
  const r = rest !== undefined && rest !== '' ? rest.split(':') : []
  const groups = rest === undefined ? h : [...h, ...Array(8 - h.length - r.length).fill('0'), ...r]
  const out = new Uint8Array(16)
  groups.forEach((g, i) => {
    const n = parseInt(g || '0', 16)
    out[i * 2] = n >> 8
    out[i * 2 + 1] = n & 0xff
  })
  if (tail.length) out.set(tail, 12)
  return out
}

/** Whether `ip` lies in network/prefix (same family only). */
export function inCidr(ip: Uint8Array, network: string, prefix: number): boolean {
  const n = net.isIP(network) === 4 ? Uint8Array.from(network.split('.').map(Number)) : net.isIP(network) === 6 ? v6Bytes(network) : null
  if (!n || n.length !== ip.length) return false
  let bits = prefix
  for (let i = 0; i < n.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((n[i] & mask) !== (ip[i] & mask)) return false
  }
  return true
}

/** The %{i} form: dotted quad, or 32 dot-separated nibbles for IPv6. */
export function macroIp(b: Uint8Array): string {
  if (b.length === 4) return [...b].join('.')
  return [...b].flatMap((x) => [(x >> 4).toString(16), (x & 15).toString(16)]).join('.')
}

/** Readable address (%{c}): dotted quad or compressed IPv6. */
export function readableIp(b: Uint8Array): string {
  if (b.length === 4) return [...b].join('.')
  const groups: string[] = []
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] << 8) | b[i + 1]).toString(16))
  const s = groups.join(':')
  // Compress the longest run of zero groups.
  const m = [...s.matchAll(/(?:^|:)(0(?::0)+)(?:$|:)/g)].sort((a, c) => c[1].length - a[1].length)[0]
  if (!m) return s
  const start = s.indexOf(m[1], m.index)
  return (s.slice(0, start) + ':' + s.slice(start + m[1].length)).replace(/^:?:/, '::').replace(/:{3,}/, '::')
}

/** The reverse-lookup name for PTR queries. */
export function reverseName(b: Uint8Array): string {
  if (b.length === 4) return [...b].reverse().join('.') + '.in-addr.arpa'
  return macroIp(b).split('.').reverse().join('.') + '.ip6.arpa'
}
