import type { Command } from 'commander'
import { normalizeDomain } from '@shared/domain'
import { resolverProblem } from '@shared/network'
import { normalizeRepo } from '@shared/schemas/check-config'
import type { Engagement } from '@shared/schemas/engagement'
import { runAudit, selectChecks } from '../../core/checks/runner'
import { parseConnectTo, type ConnectToRule } from '../../core/net/profile'
import { baseProfile } from '../../core/settings/profile'
import type { CheckServices } from '../../core/checks/types'
import { memoryCredentialSource, keychainCredentialSource } from '../../core/vault/sources'
import { credentialService } from '../../core/api/credentials'
import { startLab, type Lab } from '../../lab'
import { call } from '../call'
import { CliExit, EXIT, type CliContext } from '../context'
import { composeProfile } from '../network'
import { auditProgress, formatAudit } from '../progress'

interface AuditOpts {
  hosts?: string
  lab?: string
  connectTo: string[]
  resolver: string[]
  checks?: string
  repo: string[]
  json?: boolean
  progress: boolean
}

const collect = (v: string, prev: string[]) => [...prev, v]

/** The engagement for a domain: found by domain, created if missing, hosts added when given. */
async function engagementFor(ctx: CliContext, domainArg: string, hosts: string[] | undefined): Promise<Engagement> {
  const d = normalizeDomain(domainArg)
  if (!d.ok) throw new CliExit(EXIT.badInput, `"${domainArg}": ${d.reason}`)
  const list = await call<Engagement[]>(ctx, 'listEngagements', {})
  const e = list.find((x) => x.domain === d.domain)
  if (!e) return call<Engagement>(ctx, 'createEngagement', { domain: d.domain, hosts: hosts ?? [] })
  if (!hosts?.length) return e
  const merged = [...new Set([...e.hosts.map((h) => h.name), ...hosts])]
  return merged.length === e.hosts.length ? e : call<Engagement>(ctx, 'updateEngagement', { id: e.id, patch: { hosts: merged } })
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('audit [domain]')
    .description('run every applicable check against a domain (or a lab scenario) and record the evidence')
    .option('--hosts <list>', 'declared hosts, comma separated (www,app,api)')
    .option('--lab <scenario>', 'run against the sandbox: a bundled scenario (demo, healthy, hostile) or a scenario file')
    .option('--connect-to <H1:P1:H2:P2>', 'send connections for host:port elsewhere (repeatable), like curl --connect-to', collect, [])
    .option('--resolver <ip[:port]>', 'recursive resolver to use (repeatable; default: the system resolvers)', collect, [])
    .option('--checks <ids>', 'only these check ids, comma separated')
    .option('--repo <path|url>', "a client repository for secrets.repo: an absolute path or an https:// clone URL (repeatable; kept on the engagement)", collect, [])
    .option('--no-progress', 'no progress display on stderr')
    .option('--json', 'print the audit JSON only')
    .action(async (domainArg: string | undefined, o: AuditOpts) => {
      let rules: ConnectToRule[]
      let lab: Lab | undefined
      const checkIds = o.checks?.split(',').map((c) => c.trim()).filter(Boolean)
      try {
        try {
          selectChecks(checkIds)
          rules = o.connectTo.map(parseConnectTo)
          const bad = o.resolver.map(resolverProblem).find(Boolean)
          if (bad) throw new Error(`--resolver ${bad}`)
          const badRepo = o.repo.map(normalizeRepo).find((r) => !r.ok)
          if (badRepo && !badRepo.ok) throw new Error(`--repo: ${badRepo.reason}`)
        } catch (e) {
          throw new CliExit(EXIT.badInput, (e as Error).message)
        }
        let hosts = o.hosts?.split(',').map((h) => h.trim()).filter(Boolean)
        if (o.lab) {
          lab = await startLab(o.lab).catch((e: Error) => {
            throw new CliExit(EXIT.badInput, e.message)
          })
          hosts ??= lab.scenario.hosts.map((h) => h.name)
        }
        const domain = domainArg ?? lab?.scenario.domains[0]
        if (!domain) throw new CliExit(EXIT.badInput, 'name a domain to audit, or --lab <scenario>')
        let engagement = await engagementFor(ctx, domain, hosts)
        const repos = o.repo.map(normalizeRepo).flatMap((r) => (r.ok ? [r.value] : []))
        if (repos.some((r) => !(engagement.repos ?? []).includes(r))) {
          engagement = await call<Engagement>(ctx, 'updateEngagement', { id: engagement.id, patch: { repos: [...new Set([...(engagement.repos ?? []), ...repos])] } })
        }
        const core = ctx.core()
        const profile = composeProfile(lab?.profile ?? baseProfile(undefined).profile, core.workspace, { connectTo: rules, resolvers: o.resolver })
        const services: Partial<CheckServices> = lab
          ? { credentials: memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))), repos: lab.endpoints.repos }
          : { credentials: keychainCredentialSource(credentialService(core), engagement.id) }
        const progress = auditProgress()
        const off = o.progress ? core.events.on(progress.onEvent) : () => undefined
        let result
        try {
          result = await runAudit({ workspace: core.workspace, events: core.events, engagement, profile, checkIds, services })
        } finally {
          off()
          progress.end()
        }
        const doc = {
          domain: result.domain,
          startedAt: result.startedAt,
          finishedAt: result.finishedAt,
          durationMs: result.durationMs,
          checks: result.checks.map((c) => ({ id: c.id, target: c.target, status: c.status, summary: c.summary, durationMs: c.durationMs, evidenceId: c.evidenceId })),
          ...(result.waiting ? { waiting: result.waiting } : {}),
        }
        if (o.json) ctx.out.json(doc)
        else ctx.out.line(formatAudit(doc))
        // Why nothing was judged, on stderr too so a JSON reader's terminal shows it.
        if (result.waiting) ctx.out.info(`Waiting: ${result.waiting.reason}; ${result.waiting.pending} network check(s) wait in the offline queue and run again on the next audit of this engagement on a sound network.`)
        if (doc.checks.some((c) => c.status === 'fail' || c.status === 'error')) throw new CliExit(EXIT.failed, '')
      } finally {
        await lab?.close()
      }
    })
}
