import { MAX_ATTACHMENT_BYTES } from '../../core/sprint/attachments'
import { readRegularFile } from '../../core/files/read'
import { AppError } from '@shared/errors'
import { basename } from 'node:path'
import type { Command } from 'commander'
import type { SprintStatus } from '@shared/schemas/sprint'
import { call } from '../call'
import { CliExit, EXIT, type CliContext } from '../context'
import { formatSprint } from '../sprint-format'
import { runSprintChecks } from '../sprint-run'

function show(ctx: CliContext, s: SprintStatus, json?: boolean): void {
  if (json) ctx.out.json(s)
  else ctx.out.line(formatSprint(s))
}

function readAttachment(path: string): { name: string; dataBase64: string } {
  try {
    return { name: basename(path), dataBase64: readRegularFile(path, { max: MAX_ATTACHMENT_BYTES, label: 'attachment' }).toString('base64') }
  } catch (e) {
    throw new CliExit(EXIT.badInput, `cannot attach ${path}: ${e instanceof AppError ? e.message : e}`)
  }
}

export function register(program: Command, ctx: CliContext): void {
  const sprint = program.command('sprint').description('the 48-hour sprint: start, status, waive, settle items')

  sprint
    .command('start <engagement>')
    .description('start the 48-hour clock for an engagement')
    .option('--template <id>', 'sprint template', 'launch-ready')
    .option('--json', 'print JSON only')
    .action(async (ref: string, o: { template: string; json?: boolean }) => {
      const s = await call<SprintStatus>(ctx, 'startSprint', { engagementId: ref, templateId: o.template })
      show(ctx, s, o.json)
    })

  sprint
    .command('status <engagement>')
    .description('the plan: blocks, items, statuses, time left and the fix order')
    .option('--json', 'print JSON only')
    .action(async (ref: string, o: { json?: boolean }) => {
      const s = await call<SprintStatus | null>(ctx, 'sprintStatus', { engagementId: ref })
      if (!s) throw new CliExit(EXIT.badInput, `no sprint for ${ref} yet: handover sprint start ${ref}`)
      show(ctx, s, o.json)
    })

  sprint
    .command('run <engagement>')
    .description("run the checks behind the plan (everything, one item, one stage, or what is failing) and show the plan")
    .option('--item <id>', 'only this item')
    .option('--stage <id>', 'only this stage')
    .option('--failed', 'only items failing or blocked now')
    .option('--lab <scenario>', 'against a sandbox scenario (demo, healthy, hostile or a file)')
    .option('--connect-to <rule...>', 'curl-style HOST1:PORT1:HOST2:PORT2 preflight rules')
    .option('--json', 'print JSON only')
    .action(async (ref: string, o: { item?: string; stage?: string; failed?: boolean; lab?: string; connectTo?: string[]; json?: boolean }) => {
      const s = await runSprintChecks(ctx, ref, o)
      show(ctx, s, o.json)
    })

  sprint
    .command('item <engagement> <item>')
    .description("set an item's status, owner, notes, fix order or risk note")
    .option('--status <status>', 'todo, doing, pass, fail or blocked')
    .option('--owner <name>', 'who owns it')
    .option('--notes <text>', 'replace the notes')
    .option('--order <n>', 'its place in the fix order (1 = first)')
    .option('--risk-note <text>', 'a note on the risk list')
    .option('--json', 'print JSON only')
    .action(async (ref: string, item: string, o: { status?: string; owner?: string; notes?: string; order?: string; riskNote?: string; json?: boolean }) => {
      const patch: Record<string, unknown> = {}
      if (o.status) patch.status = o.status
      if (o.owner !== undefined) patch.owner = o.owner
      if (o.notes !== undefined) patch.notes = o.notes
      if (o.order !== undefined) patch.fixOrder = Number(o.order)
      if (o.riskNote !== undefined) patch.riskNote = o.riskNote
      show(ctx, await call<SprintStatus>(ctx, 'updateSprintItem', { engagementId: ref, itemId: item, patch }), o.json)
    })

  sprint
    .command('waive <engagement> <item>')
    .description('accept a risk: a reason, who accepted it, and when the waiver expires')
    .requiredOption('--reason <text>', 'why the risk is accepted')
    .requiredOption('--accepted-by <name>', 'who accepted the risk')
    .requiredOption('--expires <date>', 'expiry date, YYYY-MM-DD')
    .option('--json', 'print JSON only')
    .action(async (ref: string, item: string, o: { reason: string; acceptedBy: string; expires: string; json?: boolean }) => {
      const s = await call<SprintStatus>(ctx, 'waiveItem', { engagementId: ref, itemId: item, reason: o.reason, acceptedBy: o.acceptedBy, expiresAt: o.expires })
      show(ctx, s, o.json)
    })

  sprint
    .command('unwaive <engagement> <item>')
    .description('revoke the active waiver on an item')
    .option('--json', 'print JSON only')
    .action(async (ref: string, item: string, o: { json?: boolean }) => show(ctx, await call<SprintStatus>(ctx, 'revokeWaiver', { engagementId: ref, itemId: item }), o.json))

  sprint
    .command('done <engagement> <item>')
    .description("record a person's verdict on an item (manual items need a note or an attachment)")
    .option('--fail', 'record a failure instead of a pass')
    .option('--note <text>', 'what was checked and seen')
    .option('--by <name>', 'who checked')
    .option('--attach <file...>', 'files to attach as evidence (screenshots, exports)')
    .option('--json', 'print JSON only')
    .action(async (ref: string, item: string, o: { fail?: boolean; note?: string; by?: string; attach?: string[]; json?: boolean }) => {
      const attachments = (o.attach ?? []).map(readAttachment)
      const s = await call<SprintStatus>(ctx, 'recordVerdict', { engagementId: ref, itemId: item, verdict: o.fail ? 'fail' : 'pass', note: o.note, by: o.by, attachments })
      show(ctx, s, o.json)
    })

  sprint
    .command('finish <engagement>')
    .description('stop the clock: the sprint is over')
    .option('--json', 'print JSON only')
    .action(async (ref: string, o: { json?: boolean }) => show(ctx, await call<SprintStatus>(ctx, 'finishSprint', { engagementId: ref }), o.json))
}
