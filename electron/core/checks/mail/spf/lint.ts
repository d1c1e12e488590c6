import { isSpfRecord, parseSpf } from './parse'
import type { SpfDns } from './dns'
import { type SpfError, type Qualifier } from './types'

/** One record in the static include/redirect tree with the DNS-querying terms it costs. */
export interface LintNode {
  domain: string
  via: 'top' | 'include' | 'redirect'
  record?: string
  lookups: number
  totalLookups: number
  voidLookups: number
  error?: string
  children: LintNode[]
}

export interface SpfLint {
  records: string[]
  tree: LintNode
  totalLookups: number
  voidLookups: number
  /**
   * The `all` qualifier that ends evaluation: the top record's, or, when it has none and a
   * `redirect=`, that of the record the redirect chain ends in (`allFrom` names it); null without.
   */
  all: Qualifier | null
  allFrom?: string
  redirect: boolean
  issues: { level: 'fail' | 'warn'; message: string }[]
}

const COUNTED = new Set(['include', 'a', 'mx', 'ptr', 'exists'])

/**
 * Walk a domain's SPF record and everything it includes or redirects to, without a client IP:
 * counts every DNS-querying term (the 10-term limit applies to a full evaluation), void lookups
 * of literal targets, and reports syntax errors, duplicate records, `+all`, `?all`, `ptr` and size.
 */
export async function lintSpf(dns: SpfDns, domain: string): Promise<SpfLint> {
  const issues: SpfLint['issues'] = []
  const top = await dns.txt(domain)
  const records = top.records.filter(isSpfRecord)
  const tree: LintNode = { domain, via: 'top', lookups: 0, totalLookups: 0, voidLookups: 0, children: [] }
  const res: SpfLint = { records, tree, totalLookups: 0, voidLookups: 0, all: null, redirect: false, issues }
  if (records.length > 1) issues.push({ level: 'fail', message: `${domain} publishes ${records.length} SPF records; receivers treat that as a permanent error` })
  if (!records.length) return res
  const seen = new Set<string>()
  // `chain`: the top record, or one reached from it by redirect= alone (its `all` ends evaluation).
  const walk = async (node: LintNode, record: string, depth: number, chain: boolean): Promise<void> => {
    node.record = record
    if (record.length > 450) issues.push({ level: 'warn', message: `the SPF record of ${node.domain} is ${record.length} characters; over 450 risks truncated DNS answers` })
    let spf
    try {
      spf = parseSpf(record)
    } catch (e) {
      node.error = (e as SpfError).message
      issues.push({ level: 'fail', message: `${node.domain}: ${node.error}` })
      return
    }
    if (chain) {
      const all = spf.terms.find((t) => t.name === 'all')
      res.all = all ? all.qualifier : null
      if (all && depth > 0) res.allFrom = node.domain
      if (depth === 0) res.redirect = spf.redirect !== undefined && !all
    }
    for (const t of spf.terms) {
      if (!COUNTED.has(t.name)) continue
      node.lookups += 1
      if (t.name === 'ptr') issues.push({ level: 'warn', message: `${node.domain} uses "ptr", which RFC 7208 says not to use (slow, unreliable)` })
      const target = t.domainSpec
      if (t.name === 'include' && target && !target.includes('%')) node.children.push(await child(target, 'include', depth, false))
      else if ((t.name === 'a' || t.name === 'mx' || t.name === 'exists') && target && !target.includes('%')) {
        const x = await (t.name === 'mx' ? dns.mx(target) : dns.addrs(target, 'A')).catch(() => ({ void: false, records: [] }))
        if (x.void) node.voidLookups += 1
      }
    }
    if (spf.redirect !== undefined && !spf.terms.some((t) => t.name === 'all')) {
      node.lookups += 1
      if (!spf.redirect.includes('%')) node.children.push(await child(spf.redirect, 'redirect', depth, chain))
    }
  }
  const child = async (domain: string, via: 'include' | 'redirect', depth: number, chain: boolean): Promise<LintNode> => {
    const n: LintNode = { domain, via, lookups: 0, totalLookups: 0, voidLookups: 0, children: [] }
    // Loops and very deep trees: stop (the evaluation would hit the 10-term limit anyway).
    if (seen.has(domain) || depth > 10) {
      n.error = seen.has(domain) ? 'include loop' : 'too deep'
      return n
    }
    seen.add(domain)
    try {
      const x = await dns.txt(domain)
      const recs = x.records.filter(isSpfRecord)
      if (x.void || !recs.length) {
        n.voidLookups += x.void ? 1 : 0
        n.error = `${domain} has no SPF record`
        issues.push({ level: 'fail', message: `${via}:${domain} has no SPF record (permerror for every receiver)` })
      } else if (recs.length > 1) {
        n.error = `${domain} publishes ${recs.length} SPF records`
        issues.push({ level: 'fail', message: `${via}:${domain} publishes ${recs.length} SPF records` })
      } else await walk(n, recs[0], depth + 1, chain)
    } catch (e) {
      n.error = (e as Error).message
      issues.push({ level: 'warn', message: `${via}:${domain} could not be fetched: ${n.error}` })
    }
    return n
  }
  seen.add(domain)
  await walk(tree, records[0], 0, true)
  const sum = (n: LintNode): [number, number] => {
    const kids = n.children.map(sum)
    n.totalLookups = n.lookups + kids.reduce((s, k) => s + k[0], 0)
    return [n.totalLookups, n.voidLookups + kids.reduce((s, k) => s + k[1], 0)]
  }
  ;[res.totalLookups, res.voidLookups] = sum(tree)
  if (res.totalLookups > 10) issues.push({ level: 'fail', message: `${res.totalLookups} DNS-querying terms in total; the limit is 10, receivers return permerror` })
  if (res.voidLookups > 2) issues.push({ level: 'fail', message: `${res.voidLookups} lookups return nothing; the limit is 2` })
  if (res.all === '+') issues.push({ level: 'fail', message: '"+all" lets anyone on the internet send mail as this domain' })
  else if (res.all === '?') issues.push({ level: 'warn', message: '"?all" is neutral: receivers get no instruction for unauthorized senders' })
  else if (res.all === null && !res.redirect) issues.push({ level: 'warn', message: 'no "all" at the end: mail from unlisted servers is neutral; end with "-all" or "~all"' })
  return res
}
