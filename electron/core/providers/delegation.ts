import { parentDelegation, type Resolver } from '../net/dns'

/**
 * The nameservers a domain is delegated to: the parent zone's NS set, or (when the parent cannot
 * be asked) the recursive NS answer. Undefined when DNS gives neither.
 */
export async function delegatedNameservers(dns: Resolver, domain: string, signal?: AbortSignal): Promise<{ ns: string[]; source: 'parent' | 'recursive' } | undefined> {
  try {
    const d = await parentDelegation(dns, domain, { signal })
    if (d.ns.length) return { ns: d.ns.map(norm).sort(), source: 'parent' }
  } catch {
    // fall through to the recursive answer
  }
  try {
    const r = await dns.lookup(domain, 'NS', { signal })
    const ns = r.records.map((x) => norm(String(x.data)))
    return ns.length ? { ns: [...new Set(ns)].sort(), source: 'recursive' } : undefined
  } catch {
    return undefined
  }
}

const norm = (n: string) => n.toLowerCase().replace(/\.$/, '')

/** Compare two nameserver sets, case- and trailing-dot-insensitive. */
export function sameNameservers(a: string[], b: string[]): boolean {
  const x = [...new Set(a.map(norm))].sort()
  const y = [...new Set(b.map(norm))].sort()
  return x.length === y.length && x.every((n, i) => n === y[i])
}
