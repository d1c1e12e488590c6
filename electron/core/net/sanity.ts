import { randomBytes } from 'node:crypto'
import type { Resolver } from './dns/resolver'

/** One question the sanity probe asked, and what it made of the answer. */
export interface SanityProbe {
  question: string
  expect: string
  got: string
  ok: boolean
}

/** Whether the network's DNS shows the internet's known structure, with the probes that say so. */
export type NetworkSanity = { trusted: true; probes: SanityProbe[] } | { trusted: false; reason: string; probes: SanityProbe[] }

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)

/**
 * Before any check judges a client's DNS, confirm the network's resolver tells the truth about
 * names whose answers are known in advance: the root zone has name servers, the domain's TLD has
 * name servers, the first root server's name resolves, and a name under `.invalid` (RFC 6761:
 * never delegated) does not. A resolver that answers NXDOMAIN to everything, invents addresses
 * (captive portals, filtering and hijacking resolvers) or does not answer fails one of these;
 * the checks then end as `error` instead of drawing conclusions about the client from it.
 * Four or five questions, asked at once, each bounded by the profile's DNS timeout.
 */
export async function probeNetwork(dns: Resolver, domain: string, signal?: AbortSignal): Promise<NetworkSanity> {
  const o = { signal }
  const tld = domain.toLowerCase().replace(/\.$/, '').split('.').pop() || 'com'
  const invalid = `hc-${randomBytes(6).toString('hex')}.invalid`
  const probes: SanityProbe[] = []
  const ask = async (question: string, expect: string, judge: () => Promise<{ ok: boolean; got: string }>): Promise<SanityProbe> => {
    let p: SanityProbe
    try {
      p = { question, expect, ...(await judge()) }
    } catch (e) {
      p = { question, expect, ok: false, got: `no answer (${short(e)})` }
    }
    probes.push(p)
    return p
  }
  const nsOf = (name: string, keep?: (names: string[]) => void) => async () => {
    const r = await dns.lookup(name, 'NS', o)
    const names = r.records.map((x) => String(x.data).toLowerCase().replace(/\.$/, ''))
    keep?.(names)
    return { ok: r.rcode === 'NOERROR' && names.length > 0, got: names.length ? `${names.length} name server(s): ${names.slice(0, 3).join(', ')}` : r.rcode === 'NOERROR' ? 'no name servers' : r.rcode }
  }
  let rootNames: string[] = []
  const [root] = await Promise.all([
    ask('. NS', 'the root zone’s name servers', nsOf('.', (n) => (rootNames = n))),
    ask(`${tld}. NS`, `the .${tld} TLD’s name servers`, nsOf(`${tld}.`)),
    ask(`${invalid} A`, 'NXDOMAIN (.invalid names never exist)', async () => {
      const r = await dns.lookup(invalid, 'A', o)
      const got = r.records.map((x) => String(x.data))
      return { ok: !got.length, got: got.length ? `addresses ${got.slice(0, 3).join(', ')}` : r.rcode }
    }),
  ])
  if (root.ok && rootNames[0]) {
    const name = rootNames[0]
    await ask(`${name} A/AAAA`, 'an address (a root server exists)', async () => {
      const a = await dns.lookup(name, 'A', o)
      const six = a.records.length ? a : await dns.lookup(name, 'AAAA', o)
      const got = six.records.map((x) => String(x.data))
      return { ok: got.length > 0, got: got.length ? got.slice(0, 2).join(', ') : six.rcode }
    })
  }
  const bad = probes.filter((p) => !p.ok)
  if (!bad.length) return { trusted: true, probes }
  return { trusted: false, reason: bad.map((p) => `${p.question} got ${p.got}, expected ${p.expect}`).join('; '), probes }
}
