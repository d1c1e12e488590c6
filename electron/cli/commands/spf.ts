import net from 'node:net'
import type { Command } from 'commander'
import { domainToASCII } from 'node:url'
import { checkHost } from '../../core/checks/mail/spf/check-host'
import { spfDns } from '../../core/checks/mail/spf/dns'
import type { SpfNode } from '../../core/checks/mail/spf/types'
import { Resolver } from '../../core/net/dns/resolver'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../core/net/profile'
import { startLab, type Lab } from '../../lab'
import { CliExit, EXIT, type CliContext } from '../context'

interface SpfOpts {
  ip: string
  sender?: string
  helo?: string
  lab?: string
  resolver: string[]
  json?: boolean
}

/**
 * The name as check_host() receives it: any name a mail server could be handed (underscore
 * labels, a single label, a domain literal) goes to the engine, which answers per RFC 7208 §4.3
 * (`none` for a malformed or single-label name). Only what no SMTP session can carry is refused:
 * empty input, control characters, spaces, over 1,000 characters.
 */
export function spfDomainArg(raw: string): { ok: true; domain: string } | { ok: false; reason: string } {
  const s = raw.trim()
  if (!s) return { ok: false, reason: 'give a domain name' }
  if (s.length > 1000) return { ok: false, reason: 'the name is over 1,000 characters' }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(s)) return { ok: false, reason: `"${s.replace(/[\u0000-\u001f\u007f]/g, '?')}" contains spaces or control characters` }
  // An internationalised name goes out as its A-labels; anything domainToASCII refuses is passed as typed.
  const ascii = s.startsWith('[') ? '' : domainToASCII(s)
  return { ok: true, domain: (ascii || s).toLowerCase() }
}

/** The include/redirect tree as indented lines with lookups per record. */
export function formatTree(n: SpfNode, depth = 0): string[] {
  const head = `${'  '.repeat(depth)}${n.via === 'top' ? '' : n.via + ':'}${n.domain}  [${n.totalLookups} lookup${n.totalLookups === 1 ? '' : 's'}${n.lookups !== n.totalLookups ? `, ${n.lookups} here` : ''}]${n.result ? ` → ${n.result}` : ''}${n.matched ? ` (matched ${n.matched})` : ''}${n.error ? `  ! ${n.error}` : ''}`
  const rec = n.record ? [`${'  '.repeat(depth + 1)}"${n.record}"`] : []
  return [head, ...rec, ...n.children.flatMap((c) => formatTree(c, depth + 1))]
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('spf <domain>')
    .description('evaluate SPF (RFC 7208 check_host) for a sending IP: result, explanation and the include tree')
    .requiredOption('--ip <address>', 'the sending IP address')
    .option('--sender <address>', 'MAIL FROM address (default postmaster@<domain>)')
    .option('--helo <name>', 'HELO/EHLO name (default the domain)')
    .option('--lab <scenario>', 'resolve inside the sandbox scenario')
    .option('--resolver <ip[:port]>', 'recursive resolver (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--json', 'print JSON only')
    .action(async (domainArg: string, o: SpfOpts) => {
      const d = spfDomainArg(domainArg)
      if (!d.ok) throw new CliExit(EXIT.badInput, d.reason)
      if (!net.isIP(o.ip)) throw new CliExit(EXIT.badInput, `--ip "${o.ip}" is not an IP address`)
      let lab: Lab | undefined
      try {
        let profile: NetworkProfile = { ...DEFAULT_PROFILE, ...(o.resolver.length ? { resolvers: o.resolver } : {}) }
        if (o.lab) {
          lab = await startLab(o.lab).catch((e: Error) => {
            throw new CliExit(EXIT.badInput, e.message)
          })
          profile = lab.profile
        }
        const r = await checkHost({ ip: o.ip, domain: d.domain, sender: o.sender ?? `postmaster@${d.domain}`, helo: o.helo ?? d.domain, dns: spfDns(new Resolver(profile)) })
        const doc = { result: r.result, explanation: r.explanation, lookups: r.lookups, voidLookups: r.voidLookups, tree: r.tree, ...(r.error ? { error: r.error } : {}) }
        if (o.json) ctx.out.json(doc)
        else {
          ctx.out.line(`SPF for ${o.ip} sending as ${d.domain}: ${r.result.toUpperCase()}${r.error ? ` (${r.error})` : ''}`)
          if (r.explanation) ctx.out.line(`Explanation: ${r.explanation}`)
          ctx.out.line(`DNS-querying terms: ${r.lookups}/10, void lookups: ${r.voidLookups}/2`)
          ctx.out.line('')
          for (const l of formatTree(r.tree)) ctx.out.line(l)
        }
        // Exit 0 only when the address is authorized; any other result is 1 (bad input is 2).
        if (r.result !== 'pass') throw new CliExit(EXIT.failed, '')
      } finally {
        await lab?.close()
      }
    })
}
