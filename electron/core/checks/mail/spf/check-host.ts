import { ipBytes, inCidr, macroIp, readableIp, reverseName } from './ip'
import { expandMacros, truncateDomain, type MacroContext } from './macro'
import { isSpfRecord, parseSpf } from './parse'
import type { SpfDns } from './dns'
import { SpfError, type Mechanism, type SpfEvaluation, type SpfNode, type SpfResult } from './types'

export const DEFAULT_EXPLANATION = 'The sender is not authorized by the domain\u2019s SPF record.'
export const MAX_LOOKUPS = 10
export const MAX_VOID = 2

export interface CheckHostInput {
  ip: string
  domain: string
  /** MAIL FROM address; empty means postmaster@helo. */
  sender: string
  helo: string
  receiver?: string
  dns: SpfDns
}

interface State {
  lookups: number
  voids: number
  dns: SpfDns
  ip: Uint8Array
  input: CheckHostInput
  sender: string
  localPart: string
  senderDomain: string
  validated?: Promise<string>
}

const QUALIFIER: Record<string, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' }

/** A domain fit for check_host(): FQDN, labels 1..63 characters, at most 253 characters. */
export function validDomain(d: string): boolean {
  const s = d.replace(/\.$/, '')
  if (!s || s.length > 253 || s.startsWith('[')) return false
  const labels = s.split('.')
  return labels.length >= 2 && labels.every((l) => l.length > 0 && l.length <= 63)
}

/**
 * RFC 7208 check_host(ip, domain, sender): fetch and evaluate the domain's SPF record with
 * includes, redirect, macros, the 10-lookup and 2-void limits, and exp= on fail. Returns the
 * result, the explanation, the counters and the include tree with lookups per record.
 */
export async function checkHost(input: CheckHostInput): Promise<SpfEvaluation> {
  const sender = input.sender.includes('@') ? input.sender : `postmaster@${input.helo}`
  const at = sender.lastIndexOf('@')
  const tree: SpfNode = { domain: input.domain.toLowerCase(), via: 'top', lookups: 0, totalLookups: 0, voidLookups: 0, children: [] }
  const ip = ipBytes(input.ip)
  if (!ip) return { result: 'permerror', explanation: '', lookups: 0, voidLookups: 0, tree, error: `"${input.ip}" is not an IP address` }
  const st: State = { lookups: 0, voids: 0, dns: input.dns, ip, input, sender, localPart: sender.slice(0, at) || 'postmaster', senderDomain: sender.slice(at + 1) }
  const r = await evaluate(st, input.domain, tree, true)
  return { result: r.result, explanation: r.explanation ?? '', lookups: st.lookups, voidLookups: st.voids, tree, ...(r.error ? { error: r.error } : {}) }
}

/** The macro context check_host() uses for `domain` (exported for tools and conformance tests). */
export function spfMacroContext(input: CheckHostInput, domain: string): MacroContext | null {
  const sender = input.sender.includes('@') ? input.sender : `postmaster@${input.helo}`
  const at = sender.lastIndexOf('@')
  const ip = ipBytes(input.ip)
  if (!ip) return null
  return macroContext({ lookups: 0, voids: 0, dns: input.dns, ip, input, sender, localPart: sender.slice(0, at) || 'postmaster', senderDomain: sender.slice(at + 1) }, domain)
}

function macroContext(st: State, domain: string): MacroContext {
  return {
    sender: st.sender,
    localPart: st.localPart,
    senderDomain: st.senderDomain,
    domain,
    // Nibbles keep the case the address was written in (the RFC 7208 suite expects it; DNS ignores case).
    ip: /[A-F]/.test(st.input.ip) ? macroIp(st.ip).toUpperCase() : macroIp(st.ip),
    clientIp: readableIp(st.ip),
    v: st.ip.length === 4 ? 'in-addr' : 'ip6',
    helo: st.input.helo,
    receiver: st.input.receiver ?? 'unknown',
    validatedName: () => (st.validated ??= validatedName(st, domain).catch(() => 'unknown')),
    now: () => Date.now(),
  }
}

async function countLookup(st: State, node: SpfNode): Promise<void> {
  st.lookups += 1
  node.lookups += 1
  if (st.lookups > MAX_LOOKUPS) throw new SpfError('permerror', `more than ${MAX_LOOKUPS} DNS-querying terms (include, a, mx, ptr, exists, redirect)`)
}

function countVoid(st: State, node: SpfNode, isVoid: boolean): void {
  if (!isVoid) return
  st.voids += 1
  node.voidLookups += 1
  if (st.voids > MAX_VOID) throw new SpfError('permerror', `more than ${MAX_VOID} DNS lookups returned nothing (void lookups)`)
}

async function target(st: State, m: Mechanism, domain: string): Promise<string> {
  return m.domainSpec ? truncateDomain(await expandMacros(m.domainSpec, macroContext(st, domain))) : domain
}

/** Fetch the one SPF record of a domain; none → null. */
async function fetchRecord(st: State, domain: string): Promise<string | null> {
  const { records } = await st.dns.txt(domain)
  const spf = records.filter(isSpfRecord)
  if (spf.length > 1) throw new SpfError('permerror', `${domain} publishes ${spf.length} SPF records; exactly one is allowed`)
  return spf[0] ?? null
}

type Eval = { result: SpfResult; explanation?: string; error?: string }

async function evaluate(st: State, domain: string, node: SpfNode, wantExp: boolean): Promise<Eval> {
  const finish = (e: Eval): Eval => {
    node.result = e.result
    if (e.error) node.error = e.error
    node.totalLookups = node.lookups + node.children.reduce((s, c) => s + c.totalLookups, 0)
    return e
  }
  if (!validDomain(domain)) return finish({ result: 'none', error: `"${domain}" is not a valid domain name` })
  try {
    const record = await fetchRecord(st, domain)
    if (record === null) return finish({ result: 'none' })
    node.record = record
    const spf = parseSpf(record)
    for (const m of spf.terms) {
      if (await matches(st, m, domain, node)) {
        node.matched = m.text
        const result = QUALIFIER[m.qualifier]
        const explanation = result === 'fail' && wantExp ? await explain(st, spf.exp, domain) : undefined
        return finish({ result, explanation })
      }
    }
    if (spf.redirect !== undefined) {
      await countLookup(st, node)
      const to = truncateDomain(await expandMacros(spf.redirect, macroContext(st, domain)))
      const child: SpfNode = { domain: to, via: 'redirect', lookups: 0, totalLookups: 0, voidLookups: 0, children: [] }
      node.children.push(child)
      const r = await evaluate(st, to, child, wantExp)
      if (r.result === 'none') return finish({ result: 'permerror', error: `redirect=${to}: ${to} has no SPF record` })
      return finish(r)
    }
    return finish({ result: 'neutral' })
  } catch (e) {
    if (e instanceof SpfError) return finish({ result: e.result, error: e.message })
    throw e
  }
}

async function matches(st: State, m: Mechanism, domain: string, node: SpfNode): Promise<boolean> {
  const v4 = st.ip.length === 4
  switch (m.name) {
    case 'all':
      return true
    case 'ip4':
      return v4 && inCidr(st.ip, m.ip as string, m.cidr4 ?? 32)
    case 'ip6':
      return !v4 && inCidr(st.ip, m.ip as string, m.cidr6 ?? 128)
    case 'include': {
      await countLookup(st, node)
      const to = await target(st, m, domain)
      const child: SpfNode = { domain: to, via: 'include', lookups: 0, totalLookups: 0, voidLookups: 0, children: [] }
      node.children.push(child)
      const r = await evaluate(st, to, child, false)
      if (r.result === 'pass') return true
      if (r.result === 'temperror') throw new SpfError('temperror', `include:${to}: ${r.error ?? 'temporary DNS error'}`)
      if (r.result === 'permerror' || r.result === 'none') throw new SpfError('permerror', `include:${to}: ${r.error ?? 'no SPF record'}`)
      return false
    }
    case 'a': {
      await countLookup(st, node)
      const to = await target(st, m, domain)
      if (!validDomain(to)) return false
      const x = await st.dns.addrs(to, v4 ? 'A' : 'AAAA')
      countVoid(st, node, x.void)
      return x.records.some((a) => inCidr(st.ip, a, (v4 ? m.cidr4 : m.cidr6) ?? (v4 ? 32 : 128)))
    }
    case 'mx': {
      await countLookup(st, node)
      const to = await target(st, m, domain)
      if (!validDomain(to)) return false
      const mx = await st.dns.mx(to)
      countVoid(st, node, mx.void)
      if (mx.records.length > 10) throw new SpfError('permerror', `mx:${to} has ${mx.records.length} MX hosts; at most 10 may be looked up`)
      for (const host of mx.records) {
        const x = await st.dns.addrs(host, v4 ? 'A' : 'AAAA')
        if (x.records.some((a) => inCidr(st.ip, a, (v4 ? m.cidr4 : m.cidr6) ?? (v4 ? 32 : 128)))) return true
      }
      return false
    }
    case 'ptr': {
      await countLookup(st, node)
      const to = (await target(st, m, domain)).toLowerCase()
      const names = await validatedNames(st).catch(() => [] as string[])
      return names.some((n) => n === to || n.endsWith('.' + to))
    }
    case 'exists': {
      await countLookup(st, node)
      const to = await target(st, m, domain)
      if (!validDomain(to)) return false
      const x = await st.dns.addrs(to, 'A')
      countVoid(st, node, x.void)
      return x.records.length > 0
    }
  }
}

/** PTR names of the client address whose forward lookup contains it (at most 10 tried). */
async function validatedNames(st: State): Promise<string[]> {
  let names: string[]
  try {
    names = (await st.dns.ptr(reverseName(st.ip))).slice(0, 10)
  } catch {
    return []
  }
  const out: string[] = []
  for (const n of names) {
    try {
      const x = await st.dns.addrs(n, st.ip.length === 4 ? 'A' : 'AAAA')
      if (x.records.some((a) => inCidr(st.ip, a, st.ip.length * 8))) out.push(n)
    } catch {
      // A lookup error for one name only removes that name (RFC 7208 §5.5).
    }
  }
  return out
}

async function validatedName(st: State, domain: string): Promise<string> {
  const names = await validatedNames(st)
  const d = domain.toLowerCase()
  return names.find((n) => n === d) ?? names.find((n) => n.endsWith('.' + d)) ?? names[0] ?? 'unknown'
}

/** exp=: one TXT record at the expanded name, expanded as explain-string; any problem → default. */
async function explain(st: State, exp: string | undefined, domain: string): Promise<string> {
  if (exp === undefined) return DEFAULT_EXPLANATION
  try {
    const name = truncateDomain(await expandMacros(exp, macroContext(st, domain)))
    if (!validDomain(name)) return DEFAULT_EXPLANATION
    const { records } = await st.dns.txt(name)
     
    if (records.length !== 1 || /[^\x20-\x7e]/.test(records[0])) return DEFAULT_EXPLANATION
    return await expandMacros(records[0], macroContext(st, domain), true)
  } catch {
    return DEFAULT_EXPLANATION
  }
}
