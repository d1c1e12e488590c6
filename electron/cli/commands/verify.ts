import type { Command } from 'commander'
import { z } from 'zod'
import type { VerifyReport } from '@shared/contract/handover'
import { emailText, lineText } from '@shared/contract/identity'
import { FINGERPRINT_COMMAND, normalizeFingerprint } from '@shared/fingerprint'
import { countersignBundle } from '../../core/handover/bundle/countersign'
import { verifyBundle } from '../../core/handover/bundle/verify'
import { createKeychainStore } from '../../core/vault/keychain'
import { CliExit, EXIT, type CliContext, type Out } from '../context'

const founderSchema = z.object({ name: lineText(200).min(1, "the founder's name"), email: emailText })

/** After the items: who signed with which key, whether it is the key expected, who accepted. */
function printWho(out: Out, r: VerifyReport): void {
  if (r.signer) {
    const org = r.signer.organisation ? `, ${r.signer.organisation}` : ''
    out.line(`Signed by ${r.signer.name}${r.signer.email ? ` <${r.signer.email}>` : ''}${org}`)
    out.line(`  with the key ${r.signer.fingerprint}`)
    if (!r.expected) {
      out.line('  That fingerprint must match the one your consultant gave you another way (in person, on a call).')
      out.line(`  Pin it: handover verify <bundle> --expect-fingerprint <fingerprint>   (it is what \`${FINGERPRINT_COMMAND}\` prints)`)
    } else if (r.expected === r.signer.fingerprint) out.line('  which is the key you expected.')
    else out.line(`  which is NOT the key you expected (${r.expected}).`)
  }
  for (const a of r.acceptances) {
    if (a.ok) out.line(`Accepted by ${a.name} <${a.email}> on ${a.acceptedAt}, key ${a.fingerprint}`)
    else out.line(`Acceptance ${a.stem} does not hold: ${a.detail}`)
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('verify <bundle>')
    .description('check every hash and signature of a handover bundle (folder or .zip); exit 0 valid, 1 invalid, 2 unusable input')
    .option('--expect-fingerprint <sha256>', "the consultant's key fingerprint (SHA-256 of the public key DER): any other key fails")
    .option('--json', 'print JSON only')
    .action(async (bundle: string, o: { expectFingerprint?: string; json?: boolean }) => {
      let expectFingerprint: string | undefined
      if (o.expectFingerprint !== undefined) {
        expectFingerprint = normalizeFingerprint(o.expectFingerprint) ?? undefined
        if (!expectFingerprint) throw new CliExit(EXIT.badInput, `--expect-fingerprint: "${o.expectFingerprint.slice(0, 80)}" is not a key fingerprint (64 hex digits, the SHA-256 of the public key)`)
      }
      const report = await verifyBundle(bundle, { expectFingerprint })
      if (o.json) ctx.out.json(report)
      else {
        for (const i of report.items) ctx.out.line(`${i.ok ? 'ok  ' : 'FAIL'}  ${i.name}: ${i.detail}`)
        printWho(ctx.out, report)
        ctx.out.line(report.ok ? 'Bundle is valid.' : 'Bundle is NOT valid.')
      }
      // Invalid is exit 1 with the reasons already printed above.
      if (!report.ok) throw new CliExit(EXIT.failed, '')
    })

  program
    .command('countersign <bundle>')
    .description("the founder's acceptance: sign the manifest's hash, your name, email and the date with your own key (made on first use, kept in this machine's keychain); written beside the bundle")
    .requiredOption('--name <name>', 'your name, as the acceptance will state it')
    .requiredOption('--email <email>', 'your email, as the acceptance will state it')
    .option('--json', 'print JSON only')
    .action(async (bundle: string, o: { name: string; email: string; json?: boolean }) => {
      const parsed = founderSchema.safeParse({ name: o.name, email: o.email })
      if (!parsed.success) throw new CliExit(EXIT.badInput, parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '))
      const a = await countersignBundle(ctx.core().workspace.db, createKeychainStore(), { path: bundle, ...parsed.data })
      if (o.json) return ctx.out.json(a)
      ctx.out.line(`Accepted by ${a.name} <${a.email}> on ${a.acceptedAt}`)
      ctx.out.line(`  written beside the bundle as ${a.stem}.txt, .sig and .pub.pem (the consultant's files are unchanged)`)
      ctx.out.line(`  your key fingerprint: ${a.fingerprint}; give it to your consultant so they can check it is yours`)
    })
}
