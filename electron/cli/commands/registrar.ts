import type { Command } from 'commander'
import type { RegistrarVerdict } from '@shared/contract/registrar'
import { call } from '../call'
import { CliExit, EXIT, type CliContext } from '../context'
import { pickEngagement } from './bundle'

const line = (v: RegistrarVerdict) => `${v.holder} holds the registrar account: ${v.founderControls ? 'the founder' : 'NOT the founder'} (recorded ${v.recordedAt.slice(0, 10)} by ${v.by}${v.note ? `; ${v.note}` : ''})`

/** `handover registrar verdict|show`: who holds the registrar account, where its API cannot say. */
export function register(program: Command, ctx: CliContext): void {
  const reg = program.command('registrar').description("who holds the registrar account: a person's verdict where the registrar's API cannot say")
  reg
    .command('verdict')
    .description('record who holds the registrar account (reg.account uses it when the registrar has no API here or its API does not name the holder)')
    .requiredOption('--holder <who>', 'the account holder as the registrar shows it: an e-mail or account name')
    .requiredOption('--founder-controls <yes|no>', 'whether that account is the founder’s')
    .requiredOption('--by <name>', 'who checked it')
    .option('--note <text>', 'how it was checked, e.g. "founder logged in on a screen share"')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { holder: string; founderControls: string; by: string; note?: string; engagement?: string; json?: boolean }) => {
      const yes = /^(y|yes|true)$/i.test(o.founderControls)
      if (!yes && !/^(n|no|false)$/i.test(o.founderControls)) throw new CliExit(EXIT.badInput, '--founder-controls takes yes or no')
      const e = await pickEngagement(ctx, o.engagement)
      const v = await call<RegistrarVerdict>(ctx, 'recordRegistrarVerdict', { engagementId: e.id, holder: o.holder, founderControls: yes, by: o.by, note: o.note ?? '' })
      if (o.json) ctx.out.json(v)
      else ctx.out.line(`Recorded: ${line(v)}. Run the audit again to judge reg.account with it.`)
    })
  reg
    .command('show')
    .description('the latest recorded verdict')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const v = await call<RegistrarVerdict | null>(ctx, 'registrarVerdict', { engagementId: e.id })
      if (o.json) ctx.out.json(v)
      else ctx.out.line(v ? line(v) : 'No verdict recorded: reg.account judges from the registrar’s API where it has one.')
    })
}
