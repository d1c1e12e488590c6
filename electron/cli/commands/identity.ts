import type { Command } from 'commander'
import type { ConsultantIdentity } from '@shared/contract/identity'
import { FINGERPRINT_COMMAND } from '@shared/fingerprint'
import { call } from '../call'
import { CliExit, EXIT, type CliContext, type Out } from '../context'
import { confirm } from '../prompt'

/** The identity as a person reads it: details, the full fingerprint, how to print it elsewhere. */
function printIdentity(out: Out, id: ConsultantIdentity): void {
  out.line(`Name:          ${id.name}`)
  out.line(`Email:         ${id.email || '—'}`)
  out.line(`Organisation:  ${id.organisation || '—'}`)
  out.line(`Website:       ${id.website || '—'}`)
  out.line(`Key fingerprint (SHA-256 of the public key; send it to founders another way than the bundle):`)
  out.line(`  ${id.fingerprint}`)
  out.line(`  in any bundle you sign, \`${FINGERPRINT_COMMAND}\` prints the same`)
  out.line(`Key made:      ${id.createdAt}`)
  for (const k of id.keys.filter((e) => e.event === 'rekeyed')) out.line(`Re-keyed:      ${k.at} from ${k.previous} (${k.reason})`)
  if (!id.confirmed) out.line('Not confirmed: set your details with `handover identity set` before signing (this identity was named after the OS user).')
}

export function register(program: Command, ctx: CliContext): void {
  const identity = program.command('identity').description('who signs your bundles: your name, email, organisation and signing key (kept in the keychain)')
  identity
    .command('show')
    .description('your details and the full key fingerprint')
    .option('--json', 'print JSON only')
    .action(async (o: { json?: boolean }) => {
      const id = await call<ConsultantIdentity | null>(ctx, 'signingIdentity', {})
      if (o.json) return ctx.out.json(id)
      if (!id) throw new CliExit(EXIT.badInput, 'no identity yet: set it with `handover identity set --name … --email … --organisation …`')
      printIdentity(ctx.out, id)
    })
  identity
    .command('set')
    .description('set or change your details; the first time also makes your key pair (changing details keeps the key)')
    .requiredOption('--name <name>', 'your name, as the certificate, PDF cover and manifest show it')
    .requiredOption('--email <email>', 'your email')
    .requiredOption('--organisation <org>', 'your organisation (your own name when you work alone)')
    .option('--website <url>', 'your website (optional)')
    .option('--json', 'print JSON only')
    .action(async (o: { name: string; email: string; organisation: string; website?: string; json?: boolean }) => {
      const id = await call<ConsultantIdentity>(ctx, 'saveSigningIdentity', { name: o.name, email: o.email, organisation: o.organisation, website: o.website ?? '' })
      if (o.json) return ctx.out.json(id)
      printIdentity(ctx.out, id)
    })
  identity
    .command('rekey')
    .description('replace your key pair (recorded, with the reason, in your key history and in every engagement the old key signed)')
    .requiredOption('--reason <text>', 'why, e.g. "laptop lost"')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print JSON only')
    .action(async (o: { reason: string; yes?: boolean; json?: boolean }) => {
      if (!o.yes && !(await confirm('Replace your signing key? Founders must be given the new fingerprint; bundles signed before keep the old one.')))
        throw new CliExit(EXIT.badInput, 'not re-keyed: confirm at the prompt or pass --yes')
      const id = await call<ConsultantIdentity & { engagements: number }>(ctx, 'rekeySigningIdentity', { confirm: true, reason: o.reason })
      if (o.json) return ctx.out.json(id)
      printIdentity(ctx.out, id)
      ctx.out.line(`Recorded in ${id.engagements} engagement${id.engagements === 1 ? '' : 's'} the old key had signed. Send founders the new fingerprint.`)
    })
}
