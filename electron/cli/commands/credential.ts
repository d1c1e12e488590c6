import type { Command } from 'commander'
import type { Credential, CredentialRotation } from '@shared/contract/credentials'
import { rotationNote, rotationState } from '@shared/rotation'
import type { Engagement } from '@shared/schemas/engagement'
import { call } from '../call'
import { CliExit, EXIT, type CliContext } from '../context'
import { confirm } from '../prompt'

const MAX_SECRET = 16_384

let secretInput: NodeJS.ReadStream | undefined
/** Where `credential add` reads the secret from (process.stdin unless a test in-process sets another stream). */
export function useSecretInput(input: NodeJS.ReadStream | undefined): void {
  secretInput = input
}

/**
 * Read a secret without echo: on a TTY a hidden prompt (raw mode, nothing printed back), else
 * all of stdin (a pipe). Never from argv, so it stays out of shell history and `ps`.
 */
export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  if (!input.isTTY) {
    const chunks: Buffer[] = []
    let size = 0
    for await (const c of input) {
      const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c))
      size += b.length
      if (size > MAX_SECRET) throw new CliExit(EXIT.badInput, 'the secret on stdin is too long')
      chunks.push(b)
    }
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
  }
  output.write(prompt)
  input.setRawMode(true)
  input.resume()
  return new Promise<string>((resolve, reject) => {
    let value = ''
    const done = (err?: Error) => {
      input.setRawMode(false)
      input.pause()
      input.off('data', onData)
      output.write('\n')
      if (err) reject(err)
      else resolve(value)
    }
    const onData = (d: Buffer) => {
      for (const ch of d.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done()
        if (ch === '\u0003') return done(new CliExit(EXIT.badInput, 'cancelled'))
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else if (value.length < MAX_SECRET) value += ch
      }
    }
    input.on('data', onData)
  })
}

/** The rotation column: the date, and a mark when it is overdue, due soon, expiring or waiting for verification. */
export function rotationCell(c: Credential, now = Date.now()): string {
  const state = rotationState(c, now)
  const mark = state === 'overdue' ? 'OVERDUE' : state === 'soon' ? 'DUE SOON' : ''
  const note = rotationNote(c, now)
  const pending = c.pendingRotation ? ' · new secret pending verification (next online run)' : ''
  return `${mark ? `${mark}: ` : ''}${note || 'no rotation date'}${pending}`
}

function row(c: Credential): string {
  const verified = c.verifiedAt ? `verified ${c.verifiedAt.slice(0, 10)}` : c.verifyError ? `verify failed: ${c.verifyError}` : 'not verified'
  return `${c.id.slice(0, 8)}  ${c.provider.padEnd(20)} ${c.label.padEnd(24)} ${(c.identity ?? '—').padEnd(28)} ${c.owner.padEnd(10)} ${verified}\n${' '.repeat(10)}rotation every ${c.rotationDays} days${c.rotatedAt ? `, last ${c.rotatedAt.slice(0, 10)}` : ''}: ${rotationCell(c)}`
}

function rotationLine(r: CredentialRotation): string {
  const state = r.status === 'verified' ? `verified ${r.verifiedAt?.slice(0, 10) ?? ''}` : r.status === 'pending' ? 'PENDING verification' : r.status === 'failed' ? `FAILED: ${r.verifyError ?? ''}` : 'not verifiable (no API)'
  return `${r.rotatedAt.slice(0, 16).replace('T', ' ')}  ${r.label} (${r.provider}) by ${r.by}${r.reason ? ` — ${r.reason}` : ''}; ${state}${r.oldRevokedAt ? `; old secret dead ${r.oldRevokedAt.slice(0, 10)}` : ''}`
}

function days(v: string): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new CliExit(EXIT.badInput, `--rotation-days takes a whole number of days (1-3650), not "${v}"`)
  return n
}

export function register(program: Command, ctx: CliContext): void {
  const cred = program.command('credential').description('provider credentials in the OS keychain: add, list, verify, rotate, remove')

  cred
    .command('add <provider>')
    .description('store a credential in the OS keychain (the secret is read from a hidden prompt or stdin, never argv)')
    .requiredOption('--label <label>', 'a name for this credential')
    .option('--engagement <ref>', 'engagement id, id prefix or domain it belongs to')
    .option('--owner <owner>', 'consultant or founder', 'consultant')
    .option('--rotation-due <date>', 'when to rotate it (YYYY-MM-DD; default: today plus the rotation period)')
    .option('--rotation-days <n>', "the rotation period in days (default: the provider's)")
    .option('--no-verify', 'do not call the provider now')
    .option('--json', 'print JSON only')
    .action(async (provider: string, o: { label: string; engagement?: string; owner: string; rotationDue?: string; rotationDays?: string; verify: boolean; json?: boolean }) => {
      const status = await call<{ available: boolean; reason?: string; docs?: string }>(ctx, 'keychainStatus', {})
      if (!status.available) {
        throw new CliExit(EXIT.failed, `no secure keychain is available (${status.reason}); nothing was stored. See ${status.docs}.`)
      }
      const engagementId = o.engagement ? (await call<Engagement>(ctx, 'getEngagement', { id: o.engagement })).id : undefined
      const secret = await readSecret(`Secret for ${provider} (${o.label}), input hidden: `, secretInput)
      const c = await call<Credential>(ctx, 'addCredential', {
        provider,
        label: o.label,
        secret,
        engagementId,
        owner: o.owner,
        rotationDue: o.rotationDue,
        rotationDays: o.rotationDays === undefined ? undefined : days(o.rotationDays),
        verify: o.verify,
      })
      if (o.json) return ctx.out.json(c)
      ctx.out.line(`Stored ${c.provider} credential ${c.id.slice(0, 8)} (${c.label}) in the OS keychain`)
      if (c.verifiedAt) ctx.out.line(`Verified: ${c.identity ?? 'unknown identity'}; permissions: ${c.scopes.join(', ') || 'none reported'}`)
      else if (c.verifyError) ctx.out.info(`Warning: verification failed: ${c.verifyError}`)
    })

  cred
    .command('list')
    .description('list credentials (metadata only)')
    .option('--engagement <ref>', 'only those of one engagement')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const engagementId = o.engagement ? (await call<Engagement>(ctx, 'getEngagement', { id: o.engagement })).id : undefined
      const list = await call<Credential[]>(ctx, 'listCredentials', engagementId ? { engagementId } : {})
      if (o.json) return ctx.out.json(list)
      if (!list.length) return ctx.out.line('No credentials yet. Add one: handover credential add cloudflare --label "Client CF token"')
      for (const c of list) ctx.out.line(row(c))
    })

  cred
    .command('verify <id>')
    .description("call the provider's verify endpoint and record identity and permissions")
    .option('--json', 'print JSON only')
    .action(async (id: string, o: { json?: boolean }) => {
      const c = await call<Credential>(ctx, 'verifyCredential', { id })
      if (o.json) return ctx.out.json(c)
      ctx.out.line(`Verified ${c.id.slice(0, 8)}: ${c.identity ?? 'unknown identity'}; permissions: ${c.scopes.join(', ') || 'none reported'}`)
    })

  cred
    .command('rotate <id>')
    .description('replace a secret: the new one is verified first, the old one stays until then; offline it is stored as pending and verified at the next online run')
    .option('--by <name>', 'who rotated it (default: your OS user)')
    .option('--reason <text>', 'why: scheduled, someone left, a leak…')
    .option('--offline', 'store the new secret without calling the provider (verified at the next online run)')
    .option('--json', 'print JSON only')
    .action(async (id: string, o: { by?: string; reason?: string; offline?: boolean; json?: boolean }) => {
      const secret = await readSecret(`New secret for ${id}, input hidden: `, secretInput)
      const c = await call<Credential>(ctx, 'rotateCredential', { id, secret, by: o.by, reason: o.reason, offline: o.offline })
      if (o.json) return ctx.out.json(c)
      if (c.pendingRotation) ctx.out.line(`Stored the new secret for ${c.id.slice(0, 8)} (${c.label}) as pending: it is verified at the next online run (audit, sprint run or credential verify); the old one stays in use until then`)
      else ctx.out.line(`Rotated ${c.id.slice(0, 8)} (${c.label}); next rotation ${c.rotationDue ?? 'not scheduled'}. Revoke the old secret at ${c.provider}, then run the rotation runbook's last step to confirm it is dead`)
    })

  cred
    .command('edit <id>')
    .description('change the rotation schedule (next date, period), the label or the owner')
    .option('--rotation-due <date>', "the next rotation date (YYYY-MM-DD), or 'none'")
    .option('--rotation-days <n>', 'the rotation period in days (moves the next date unless --rotation-due is given)')
    .option('--label <label>', 'a new name')
    .option('--owner <owner>', 'consultant or founder')
    .option('--json', 'print JSON only')
    .action(async (id: string, o: { rotationDue?: string; rotationDays?: string; label?: string; owner?: string; json?: boolean }) => {
      const c = await call<Credential>(ctx, 'updateCredential', {
        id,
        ...(o.rotationDue !== undefined ? { rotationDue: o.rotationDue === 'none' ? null : o.rotationDue } : {}),
        ...(o.rotationDays !== undefined ? { rotationDays: days(o.rotationDays) } : {}),
        ...(o.label ? { label: o.label } : {}),
        ...(o.owner ? { owner: o.owner } : {}),
      })
      if (o.json) return ctx.out.json(c)
      ctx.out.line(row(c))
    })

  cred
    .command('history [id]')
    .description("rotations: who, when, why, verification and when the old secret was found dead (one credential, or an engagement's)")
    .option('--engagement <ref>', "every rotation of an engagement's credentials")
    .option('--json', 'print JSON only')
    .action(async (id: string | undefined, o: { engagement?: string; json?: boolean }) => {
      if (!id && !o.engagement) throw new CliExit(EXIT.badInput, 'name a credential id or --engagement')
      const engagementId = o.engagement ? (await call<Engagement>(ctx, 'getEngagement', { id: o.engagement })).id : undefined
      const list = await call<CredentialRotation[]>(ctx, 'listCredentialRotations', id ? { id } : { engagementId })
      if (o.json) return ctx.out.json(list)
      if (!list.length) return ctx.out.line('No rotations recorded yet.')
      for (const r of list) ctx.out.line(rotationLine(r))
    })

  cred
    .command('remove <id>')
    .description('delete a credential from the keychain and the workspace (asks first)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print JSON only')
    .action(async (id: string, o: { yes?: boolean; json?: boolean }) => {
      const cur = (await call<Credential[]>(ctx, 'listCredentials', {})).find((c) => c.id === id || (id.length >= 4 && c.id.startsWith(id)))
      if (!cur) throw new CliExit(EXIT.badInput, `no credential "${id}"`)
      if (!o.yes && !(await confirm(`Delete the ${cur.provider} credential "${cur.label}" from the keychain?`))) {
        throw new CliExit(EXIT.badInput, 'not deleted: confirm at the prompt or pass --yes')
      }
      const r = await call<{ id: string }>(ctx, 'removeCredential', { id: cur.id })
      if (o.json) ctx.out.json({ removed: r.id })
      else ctx.out.line(`Deleted credential ${r.id.slice(0, 8)} (${cur.label})`)
    })
}
