import type { Command } from 'commander'
import { defaultSignerName } from '../../core/api/handover'
import { countersignBundle } from '../../core/handover/bundle/countersign'
import { verifyBundle } from '../../core/handover/bundle/verify'
import { createKeychainStore } from '../../core/vault/keychain'
import { CliExit, EXIT, type CliContext } from '../context'

export function register(program: Command, ctx: CliContext): void {
  program
    .command('verify <bundle>')
    .description('check every hash and signature of a handover bundle (folder or .zip); exit 0 valid, 1 invalid, 2 unusable input')
    .option('--json', 'print JSON only')
    .action(async (bundle: string, o: { json?: boolean }) => {
      const report = await verifyBundle(bundle)
      if (o.json) ctx.out.json(report)
      else {
        for (const i of report.items) ctx.out.line(`${i.ok ? 'ok  ' : 'FAIL'}  ${i.name}: ${i.detail}`)
        ctx.out.line(report.ok ? 'Bundle is valid.' : 'Bundle is NOT valid.')
      }
      // Invalid is exit 1 with the reasons already printed above.
      if (!report.ok) throw new CliExit(EXIT.failed, '')
    })

  program
    .command('countersign <bundle>')
    .description("the founder's acceptance: sign the bundle's manifest with the founder's own key (created on first use, kept in the keychain)")
    .option('--name <name>', "the founder's name (for a new key)")
    .option('--email <email>', "the founder's email (for a new key)")
    .option('--json', 'print JSON only')
    .action(async (bundle: string, o: { name?: string; email?: string; json?: boolean }) => {
      const core = ctx.core()
      const r = await countersignBundle(core.workspace.db, createKeychainStore(), { path: bundle, name: o.name ?? defaultSignerName(), email: o.email })
      if (o.json) return ctx.out.json(r)
      ctx.out.line(`Countersigned by ${r.founder.name}: ${r.signature}`)
      ctx.out.line(`Founder key fingerprint ${r.founder.fingerprint}`)
    })
}
