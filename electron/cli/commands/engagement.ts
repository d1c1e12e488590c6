import type { Command } from 'commander'
import type { Engagement } from '@shared/schemas/engagement'
import type { EngagementSummary } from '@shared/schemas/summary'
import { splitList } from '@shared/schemas/check-config'
import { resolve } from 'node:path'
import { writePrivateFile } from '../../core/workspace/private'
import { readRegularFile } from '../../core/files/read'
import { call } from '../call'
import { CliExit, EXIT, type CliContext } from '../context'
import { confirm } from '../prompt'

interface FieldOpts {
  hosts?: string
  client?: string
  founderName?: string
  founderEmail?: string
  stage?: string
  vertical?: string
  notes?: string
  dkimSelectors?: string
  routes?: string
  privateTargets?: string
  json?: boolean
}

function fieldsFrom(o: FieldOpts): Record<string, unknown> {
  const f: Record<string, unknown> = {}
  if (o.hosts !== undefined) f.hosts = o.hosts.split(',').map((h) => h.trim()).filter(Boolean)
  if (o.client !== undefined) f.clientName = o.client
  if (o.founderName !== undefined) f.founderName = o.founderName
  if (o.founderEmail !== undefined) f.founderEmail = o.founderEmail
  if (o.stage !== undefined) f.stage = o.stage
  if (o.vertical !== undefined) f.vertical = o.vertical
  if (o.notes !== undefined) f.notes = o.notes
  // An empty value ("--routes ''") clears the list.
  if (o.dkimSelectors !== undefined) f.dkimSelectors = splitList(o.dkimSelectors)
  if (o.routes !== undefined) f.routes = splitList(o.routes)
  if (o.privateTargets !== undefined) f.privateTargets = splitList(o.privateTargets)
  return f
}

function withFields(cmd: Command): Command {
  return cmd
    .option('--hosts <list>', 'declared hosts, comma separated (www,app,api,admin,staging)')
    .option('--client <name>', 'client name (default: the domain)')
    .option('--founder-name <name>', "founder's name")
    .option('--founder-email <email>', "founder's email")
    .option('--stage <stage>', 'product stage: idea-prototype, prototype-demo, demo-launch, launch-first-customers, first-customers-growth')
    .option('--vertical <vertical>', 'creator-platform, b2b-service, ai-tool, bootstrapped-saas, other')
    .option('--notes <text>', 'notes')
    .option('--dkim-selectors <list>', 'DKIM selectors mail.dkim tries first, comma separated (s1,k2); "" clears them')
    .option('--routes <list>', 'key routes http.routes samples on the canonical host, comma separated (/pricing,/login); "" clears them')
    .option('--private-targets <list>', 'private hosts, addresses or /24-ish blocks checks may reach (an internal staging host), comma separated; "" clears them')
    .option('--json', 'print JSON only')
}

function describe(e: Engagement): string {
  const hosts = e.hosts.map((h) => `${h.name} (${h.role})`).join(', ')
  return [
    `${e.clientName}  ${e.domain}`,
    `  id:       ${e.id}`,
    `  founder:  ${[e.founderName, e.founderEmail].filter(Boolean).join(' <') + (e.founderEmail && e.founderName ? '>' : '') || '—'}`,
    `  stage:    ${e.stage}   vertical: ${e.vertical}`,
    `  hosts:    ${hosts}`,
    `  dkim:     ${e.dkimSelectors.join(', ') || '— (common selectors only)'}`,
    `  routes:   ${e.routes.join(', ') || '— (built-in guesses only)'}`,
    `  private:  ${e.privateTargets.join(', ') || '— (checks never connect to private addresses)'}`,
    `  updated:  ${e.updatedAt}`,
  ].join('\n')
}

/** The sprint clock and the worst open risk in one short phrase, as the app's list shows them. */
function summaryText(s: EngagementSummary | undefined): string {
  if (!s) return ''
  const c = s.sprint
  const clock = c.state === 'none' ? 'no sprint' : c.state === 'finished' ? 'finished' : c.state === 'time-up' ? 'time is up' : `${Math.max(0, Math.floor(c.msLeft / 3_600_000))} h left`
  const risk = s.worstRisk ? `worst: ${s.worstRisk.status} ${s.worstRisk.title}` : s.sprint.state === 'none' ? '' : 'no open risk'
  const rotation = s.rotation.some((r) => r.state === 'overdue') ? '  rotation overdue' : ''
  return [clock, risk].filter(Boolean).join(' · ') + rotation
}

export function register(program: Command, ctx: CliContext): void {
  const eng = program.command('engagement').description('create, list, show, edit and remove engagements')

  withFields(eng.command('add <domain>').description('create an engagement for a primary domain')).action(async (domain: string, o: FieldOpts) => {
    const e = await call<Engagement>(ctx, 'createEngagement', { domain, ...fieldsFrom(o) })
    if (o.json) ctx.out.json(e)
    else ctx.out.line(`Created engagement ${e.id.slice(0, 8)} for ${e.domain} (${e.hosts.length} hosts)`)
  })

  eng
    .command('list')
    .description('list engagements')
    .option('--json', 'print JSON only')
    .action(async (o: { json?: boolean }) => {
      const list = await call<Engagement[]>(ctx, 'listEngagements', {})
      if (o.json) return ctx.out.json(list)
      if (!list.length) return ctx.out.line('No engagements yet. Create one: handover engagement add <domain> --hosts www,app')
      const summaries = new Map((await call<EngagementSummary[]>(ctx, 'engagementSummaries', {})).map((s) => [s.engagementId, s]))
      for (const e of list) {
        const s = summaries.get(e.id)
        ctx.out.line(`${e.id.slice(0, 8)}  ${e.domain.padEnd(30)} ${e.clientName.padEnd(24)} ${`${e.hosts.length} hosts`.padEnd(9)} ${summaryText(s)}`)
      }
    })

  eng
    .command('show <ref>')
    .description('show one engagement (id, id prefix or domain)')
    .option('--json', 'print JSON only')
    .action(async (ref: string, o: { json?: boolean }) => {
      const e = await call<Engagement>(ctx, 'getEngagement', { id: ref })
      if (o.json) ctx.out.json(e)
      else ctx.out.line(describe(e))
    })

  withFields(eng.command('edit <ref>').description('change fields of an engagement'))
    .option('--domain <domain>', 'change the primary domain')
    .action(async (ref: string, o: FieldOpts & { domain?: string }) => {
      const cur = await call<Engagement>(ctx, 'getEngagement', { id: ref })
      const patch = fieldsFrom(o)
      if (o.domain) patch.domain = o.domain
      const e = await call<Engagement>(ctx, 'updateEngagement', { id: cur.id, patch })
      if (o.json) ctx.out.json(e)
      else ctx.out.line(`Updated ${e.domain}`)
    })

  eng
    .command('remove <ref>')
    .description('delete an engagement and everything recorded for it (asks first)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print JSON only')
    .action(async (ref: string, o: { yes?: boolean; json?: boolean }) => {
      const cur = await call<Engagement>(ctx, 'getEngagement', { id: ref })
      if (!o.yes) {
        const ok = await confirm(`Delete the engagement for ${cur.domain} and all its evidence?`)
        if (!ok) throw new CliExit(EXIT.badInput, `not deleted: confirm at the prompt or pass --yes`)
      }
      const r = await call<{ id: string }>(ctx, 'removeEngagement', { id: cur.id })
      if (o.json) ctx.out.json({ removed: r.id, domain: cur.domain })
      else ctx.out.line(`Deleted the engagement for ${cur.domain}`)
    })

  eng
    .command('export <ref>')
    .description('write one engagement (evidence, attachments, hashes) to a single file, its chain head signed with your key')
    .requiredOption('--out <file>', 'where to write the .handover file')
    .option('--json', 'print JSON only')
    .action(async (ref: string, o: { out: string; json?: boolean }) => {
      const { workspace } = ctx.core()
      const e = workspace.engagements.get(ref)
      // Signing and the export format load here, not with every engagement command.
      const [{ consultantAnchorSigner }, { createKeychainStore }, { exportEngagement }] = await Promise.all([
        import('../../core/handover/consultant'),
        import('../../core/vault/keychain'),
        import('../../core/workspace/transfer'),
      ])
      const signer = await consultantAnchorSigner(workspace.db, createKeychainStore())
      const r = exportEngagement(workspace, e.id, signer)
      const file = resolve(o.out)
      writePrivateFile(file, r.bytes)
      if (o.json) ctx.out.json({ file, domain: r.domain, evidence: r.evidence, bytes: r.bytes.length })
      else ctx.out.line(`Exported ${r.domain} (${r.evidence} evidence items, head signed by ${signer.name}) to ${file}`)
    })

  eng
    .command('import <file>')
    .description('import an exported engagement; every row, the hash chain, its signed head and the attachments are checked first')
    .option('--json', 'print JSON only')
    .action(async (file: string, o: { json?: boolean }) => {
      const [{ MAX_EXPORT_BYTES }, { importEngagement }] = await Promise.all([import('../../core/workspace/transfer-read'), import('../../core/workspace/transfer')])
      const bytes = readRegularFile(file, { max: MAX_EXPORT_BYTES, label: 'engagement export' })
      const r = await importEngagement(ctx.core().workspace, bytes)
      ctx.core().events.emit({ type: 'engagements.changed', id: r.id, change: 'created' })
      if (o.json) ctx.out.json(r)
      else ctx.out.line(`Imported ${r.domain} with ${r.evidence} evidence items (chain, results and state verified; head signed by ${r.signedBy.name} on ${r.signedBy.signedAt}, key ${r.signedBy.fingerprint})`)
    })
}
