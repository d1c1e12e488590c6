import type { Command } from 'commander'
import type { Exposure } from '@shared/contract/exposures'
import { call } from '../call'
import type { CliContext } from '../context'
import { pickEngagement } from './bundle'

function print(ctx: CliContext, list: Exposure[]): void {
  if (!list.length) return ctx.out.line('No exposed secrets: no check has seen one.')
  for (const x of list) {
    const state = x.rotation ? `rotated ${x.rotation.at.slice(0, 10)} by ${x.rotation.by}` : x.stillExposed ? 'ROTATE NOW · still exposed' : 'ROTATE NOW'
    ctx.out.line(`${state.padEnd(28)} ${x.name} (${x.provider})`)
    ctx.out.line(`${' '.repeat(29)}${x.where}; first seen ${x.firstSeen.slice(0, 10)}`)
    ctx.out.line(`${' '.repeat(29)}key: ${x.key}`)
  }
}

/** `handover secrets list|rotated`: secrets the checks saw exposed, and recording their rotation. */
export function register(program: Command, ctx: CliContext): void {
  const sec = program.command('secrets').description('secrets the checks saw exposed (ever), and their rotations')
  sec
    .command('list')
    .description('every exposed secret: rotate-now until a rotation is recorded')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const list = await call<Exposure[]>(ctx, 'listExposures', { engagementId: e.id })
      if (o.json) ctx.out.json(list)
      else print(ctx, list)
    })
  sec
    .command('rotated <key>')
    .description('record that an exposed secret was rotated at its provider (key from `secrets list`)')
    .requiredOption('--by <name>', 'who rotated it')
    .option('--note <text>', 'what was done, e.g. "new key in Vercel production, old one revoked"')
    .option('--at <date>', 'when it was rotated (default: now)')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (key: string, o: { by: string; note?: string; at?: string; engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const list = await call<Exposure[]>(ctx, 'recordRotation', { engagementId: e.id, key, by: o.by, note: o.note ?? '', rotatedAt: o.at })
      if (o.json) ctx.out.json(list)
      else print(ctx, list)
    })
}
