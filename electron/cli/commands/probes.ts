import type { Command } from 'commander'
import { parse as parseYaml } from 'yaml'
import type { ProbeState } from '@shared/contract/probes'
import type { ProbeConsent, ProbeSettings } from '@shared/schemas/probes'
import { readRegularFile } from '../../core/files/read'
import { call } from '../call'
import { CliExit, EXIT, type CliContext } from '../context'
import { pickEngagement } from './bundle'

const consentLine = (c: ProbeConsent) =>
  `consent by ${c.givenBy} (recorded ${c.recordedAt.slice(0, 16).replace('T', ' ')} by ${c.recordedBy}${c.revokedAt ? `, revoked ${c.revokedAt.slice(0, 10)}` : ''}): ${c.endpoints.map((e) => e.id).join(', ')}; ≤${c.limits.maxRequests} requests per endpoint, ≤${c.limits.perSecond}/s, ≤${c.limits.aiCases} AI cases, ≤${c.limits.aiTokens} tokens`

const int = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v)) throw new CliExit(EXIT.badInput, `${name} takes a whole number`)
  return Number(v)
}

/** `handover probes declare|show|consent|revoke`: opt-in probes and the site owner's consent. */
export function register(program: Command, ctx: CliContext): void {
  const p = program.command('probes').description('opt-in probes (abuse.rate-limit, ai.injection) and smoke flows (http.smoke): declare endpoints, record the site owner’s consent')
  p.command('declare')
    .description('declare the endpoints and smoke flows from a JSON or YAML file ({ endpoints: [...], flows: [...] }, see docs/probes.md)')
    .argument('<file>', 'the declarations file')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (file: string, o: { engagement?: string; json?: boolean }) => {
      const text = readRegularFile(file, { max: 256 * 1024, label: 'probe declarations' }).toString('utf8')
      let settings: unknown
      try {
        settings = parseYaml(text, { maxAliasCount: 50 })
      } catch (e) {
        throw new CliExit(EXIT.badInput, `${file} is neither JSON nor YAML: ${(e as Error).message.split('\n')[0]}`)
      }
      const e = await pickEngagement(ctx, o.engagement)
      const s = await call<ProbeSettings>(ctx, 'saveProbeSettings', { engagementId: e.id, settings })
      if (o.json) ctx.out.json(s)
      else ctx.out.line(`Declared ${s.endpoints.length} endpoint(s) (${s.endpoints.map((x) => x.id).join(', ') || 'none'}) and ${s.flows.length} smoke flow(s). Probes send nothing until a consent is recorded (probes consent).`)
    })
  p.command('show')
    .description('the declarations, the active consent and its history')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const s = await call<ProbeState>(ctx, 'probeState', { engagementId: e.id })
      if (o.json) return ctx.out.json(s)
      for (const x of s.settings.endpoints) ctx.out.line(`endpoint ${x.id} (${x.kind}): ${x.method} ${x.url}`)
      for (const f of s.settings.flows) ctx.out.line(`flow "${f.name}": ${f.steps.length} step(s)`)
      ctx.out.line(s.consent ? `Active ${consentLine(s.consent)}` : 'No active consent: abuse.rate-limit and ai.injection send nothing.')
    })
  p.command('consent')
    .description('record the site owner’s consent to probe the declared endpoints (chained as evidence)')
    .requiredOption('--given-by <name>', 'who agreed (the site owner)')
    .requiredOption('--by <name>', 'who records it')
    .option('--endpoints <ids>', 'comma-separated endpoint ids (default: every declared endpoint)')
    .option('--max-requests <n>', 'requests per endpoint (at most 30)', int('--max-requests'))
    .option('--per-second <n>', 'requests per second (at most 10)', int('--per-second'))
    .option('--ai-cases <n>', 'prompt-injection cases (at most 40)', int('--ai-cases'))
    .option('--ai-tokens <n>', 'token budget for the AI cases (at most 50000)', int('--ai-tokens'))
    .option('--note <text>', 'how consent was given, e.g. "e-mail of 3 March"')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { givenBy: string; by: string; endpoints?: string; maxRequests?: number; perSecond?: number; aiCases?: number; aiTokens?: number; note?: string; engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const limits = Object.fromEntries(Object.entries({ maxRequests: o.maxRequests, perSecond: o.perSecond, aiCases: o.aiCases, aiTokens: o.aiTokens }).filter(([, v]) => v !== undefined))
      const endpointIds = o.endpoints?.split(',').map((x) => x.trim()).filter(Boolean)
      const c = await call<ProbeConsent>(ctx, 'recordProbeConsent', { engagementId: e.id, givenBy: o.givenBy, recordedBy: o.by, endpointIds, limits, note: o.note ?? '' })
      if (o.json) ctx.out.json(c)
      else ctx.out.line(`Recorded ${consentLine(c)}.`)
    })
  p.command('revoke')
    .description('revoke the active consent: the probes send nothing from now on')
    .requiredOption('--by <name>', 'who revokes it')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { by: string; engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const c = await call<ProbeConsent>(ctx, 'revokeProbeConsent', { engagementId: e.id, by: o.by })
      if (o.json) ctx.out.json(c)
      else ctx.out.line(`Revoked the ${consentLine(c)}.`)
    })
}
