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
import { formatPortfolio, portfolioProgress } from '../portfolio'
import { MAX_CONCURRENCY, runLimited } from '../../core/portfolio/limit'

interface AuditOpts {
  all?: boolean
  concurrency: string
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

/**
 * The engagement for a domain: found by domain, created if missing, hosts added when given. A
 * lab scenario's founder is recorded where the engagement names none (reg.account compares e-mails).
 */
async function engagementFor(ctx: CliContext, domainArg: string, hosts: string[] | undefined, founder?: { name?: string; email: string }): Promise<Engagement> {
  const d = normalizeDomain(domainArg)
  if (!d.ok) throw new CliExit(EXIT.badInput, `"${domainArg}": ${d.reason}`)
  const list = await call<Engagement[]>(ctx, 'listEngagements', {})
  const e = list.find((x) => x.domain === d.domain)
  const who = founder ? { founderEmail: founder.email, ...(founder.name ? { founderName: founder.name } : {}) } : {}
  if (!e) return call<Engagement>(ctx, 'createEngagement', { domain: d.domain, hosts: hosts ?? [], ...who })
  const merged = [...new Set([...e.hosts.map((h) => h.name), ...(hosts ?? [])])]
  const patch = { ...(merged.length !== e.hosts.length ? { hosts: merged } : {}), ...(founder && !e.founderEmail ? who : {}) }
  return Object.keys(patch).length ? call<Engagement>(ctx, 'updateEngagement', { id: e.id, patch }) : e
}

/** The scenario's hosts that belong to a domain (a lab may serve several domains). */
const labHosts = (lab: Lab, domain: string) => lab.scenario.hosts.map((h) => h.name).filter((h) => h === domain || h.endsWith(`.${domain}`))

type AuditDoc = {
  domain: string
  startedAt: string
  finishedAt: string
  durationMs: number
  checks: { id: string; target: string; status: string; summary: string; durationMs: number; evidenceId: number | null }[]
  /** Why network checks were not judged (an untrusted or absent network): they wait in the offline queue. */
  waiting?: { kind: string; reason: string; pending: number }
}

/** One engagement's audit as the CLI contract's JSON document. */
async function auditOne(ctx: CliContext, engagement: Engagement, lab: Lab | undefined, net: { connectTo: ConnectToRule[]; resolvers: string[] }, checkIds: string[] | undefined): Promise<AuditDoc> {
  const core = ctx.core()
  const profile = composeProfile(lab?.profile ?? baseProfile(undefined).profile, core.workspace, net)
  const services: Partial<CheckServices> = lab
    ? { credentials: memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))), repos: lab.endpoints.repos }
    : { credentials: keychainCredentialSource(credentialService(core), engagement.id) }
  const result = await runAudit({ workspace: core.workspace, events: core.events, engagement, profile, checkIds, services })
  return {
    domain: result.domain,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    durationMs: result.durationMs,
    checks: result.checks.map((c) => ({ id: c.id, target: c.target, status: c.status, summary: c.summary, durationMs: c.durationMs, evidenceId: c.evidenceId })),
    ...(result.waiting ? { waiting: result.waiting } : {}),
  }
}

const failed = (d: AuditDoc) => d.checks.some((c) => c.status === 'fail' || c.status === 'error')

/** Several engagements at once, at most `concurrency` together: one progress display, one table. */
async function auditPortfolio(ctx: CliContext, engagements: Engagement[], o: AuditOpts, run: (e: Engagement) => Promise<AuditDoc>): Promise<void> {
  const core = ctx.core()
  const progress = portfolioProgress(engagements.length, ctx.out.info)
  const off = o.progress ? core.events.on(progress.onEvent) : () => undefined
  const t0 = performance.now()
  let settled
  try {
    settled = await runLimited(engagements, Number(o.concurrency), async (e) => {
      const t = performance.now()
      try {
        const doc = await run(e)
        if (o.progress) progress.finished({ domain: e.domain, checks: doc.checks, durationMs: doc.durationMs })
        return doc
      } catch (err) {
        if (o.progress) progress.finished({ domain: e.domain, checks: [], durationMs: performance.now() - t, error: (err as Error).message })
        throw err
      }
    })
  } finally {
    off()
    progress.end()
  }
  const wallMs = performance.now() - t0
  if (o.json) ctx.out.json(settled.map((r, i) => (r.ok ? r.value : { domain: engagements[i].domain, error: r.error })))
  else ctx.out.line(formatPortfolio(settled.map((r, i) => (r.ok ? r.value : { domain: engagements[i].domain, checks: [], durationMs: 0, error: r.error })), wallMs))
  if (settled.some((r) => !r.ok || failed(r.value))) throw new CliExit(EXIT.failed, '')
}

/** The engagements named on the command line (or every one with --all), checked before anything runs. */
async function engagementsFor(ctx: CliContext, domains: string[], o: AuditOpts, lab: Lab | undefined): Promise<Engagement[]> {
  if (o.all) {
    if (domains.length) throw new CliExit(EXIT.badInput, '--all audits every engagement; name no domains with it')
    const all = await call<Engagement[]>(ctx, 'listEngagements', {})
    if (!all.length) throw new CliExit(EXIT.badInput, 'no engagements in this workspace yet: add one with handover engagement add <domain>')
    return [...all].sort((a, b) => a.domain.localeCompare(b.domain))
  }
  const names = domains.length ? domains : lab ? [lab.scenario.domains[0]] : []
  if (!names.length) throw new CliExit(EXIT.badInput, 'name a domain to audit, or --lab <scenario>, or --all')
  if (names.length > 1 && o.hosts) throw new CliExit(EXIT.badInput, '--hosts applies to one domain; declare hosts with handover engagement edit')
  for (const n of names) {
    const d = normalizeDomain(n)
    if (!d.ok) throw new CliExit(EXIT.badInput, `"${n}": ${d.reason}`)
  }
  const out: Engagement[] = []
  for (const n of [...new Set(names.map((n) => (normalizeDomain(n) as { domain: string }).domain))]) {
    const hosts = o.hosts?.split(',').map((h) => h.trim()).filter(Boolean) ?? (lab ? labHosts(lab, n) : undefined)
    // the scenario's founder goes on the engagement of its primary domain (reg.account compares the registrar's holder with them)
    out.push(await engagementFor(ctx, n, hosts, lab && n === lab.scenario.domains[0] ? lab.scenario.founder : undefined))
  }
  return out
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('audit [domains...]')
    .description('run every applicable check against one or more domains (or every engagement, or a lab scenario) and record the evidence')
    .option('--all', 'audit every engagement in the workspace')
    .option('--concurrency <n>', 'with several domains: how many audits run at once (1-16)', '4')
    .option('--hosts <list>', 'declared hosts, comma separated (www,app,api)')
    .option('--lab <scenario>', 'run against the sandbox: a bundled scenario (demo, healthy, hostile) or a scenario file')
    .option('--connect-to <H1:P1:H2:P2>', 'send connections for host:port elsewhere (repeatable), like curl --connect-to', collect, [])
    .option('--resolver <ip[:port]>', 'recursive resolver to use (repeatable; default: the system resolvers)', collect, [])
    .option('--checks <ids>', 'only these check ids, comma separated')
    .option('--repo <path|url>', "a client repository for secrets.repo: an absolute path or an https:// clone URL (repeatable; kept on the engagement)", collect, [])
    .option('--no-progress', 'no progress display on stderr')
    .option('--json', 'print the audit JSON only (an array of them for several domains)')
    .action(async (domainArgs: string[], o: AuditOpts) => {
      let rules: ConnectToRule[]
      let lab: Lab | undefined
      const checkIds = o.checks?.split(',').map((c) => c.trim()).filter(Boolean)
      try {
        try {
          selectChecks(checkIds)
          rules = o.connectTo.map(parseConnectTo)
          const bad = o.resolver.map(resolverProblem).find(Boolean)
          if (bad) throw new Error(`--resolver ${bad}`)
          const n = Number(o.concurrency)
          if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) throw new Error(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`)
          if (o.repo.length && (o.all || domainArgs.length > 1)) throw new Error('--repo applies to one domain; give each engagement its repositories with its own audit')
          const badRepo = o.repo.map(normalizeRepo).find((r) => !r.ok)
          if (badRepo && !badRepo.ok) throw new Error(`--repo: ${badRepo.reason}`)
        } catch (e) {
          throw new CliExit(EXIT.badInput, (e as Error).message)
        }
        if (o.lab) {
          lab = await startLab(o.lab).catch((e: Error) => {
            throw new CliExit(EXIT.badInput, e.message)
          })
        }
        const engagements = await engagementsFor(ctx, domainArgs, o, lab)
        const net = { connectTo: rules, resolvers: o.resolver }
        const run = (e: Engagement) => auditOne(ctx, e, lab, net, checkIds)
        if (o.all || engagements.length > 1) return await auditPortfolio(ctx, engagements, o, run)
        let engagement = engagements[0]
        const repos = o.repo.map(normalizeRepo).flatMap((r) => (r.ok ? [r.value] : []))
        if (repos.some((r) => !(engagement.repos ?? []).includes(r))) {
          engagement = await call<Engagement>(ctx, 'updateEngagement', { id: engagement.id, patch: { repos: [...new Set([...(engagement.repos ?? []), ...repos])] } })
        }
        const progress = auditProgress()
        const off = o.progress ? ctx.core().events.on(progress.onEvent) : () => undefined
        let doc
        try {
          doc = await run(engagement)
        } finally {
          off()
          progress.end()
        }
        if (o.json) ctx.out.json(doc)
        else ctx.out.line(formatAudit(doc))
        // Why nothing was judged, on stderr too so a JSON reader's terminal shows it.
        if (doc.waiting) ctx.out.info(`Waiting: ${doc.waiting.reason}; ${doc.waiting.pending} network check(s) wait in the offline queue and run again on the next audit of this engagement on a sound network.`)
        if (failed(doc)) throw new CliExit(EXIT.failed, '')
      } finally {
        await lab?.close()
      }
    })
}
