import type { Command } from 'commander'
import type { InventoryEntry } from '@shared/contract/handover'
import type { Engagement } from '@shared/schemas/engagement'
import { FINGERPRINT_COMMAND } from '@shared/fingerprint'
import { createBundle } from '../../core/handover/bundle/build'
import { SYSTEM_TITLES } from '../../core/handover/inventory/defaults'
import { createKeychainStore } from '../../core/vault/keychain'
import { call } from '../call'
import { readRegularFile } from '../../core/files/read'
import { AppError } from '@shared/errors'

/** An inventory JSON file is refused above this size (a real one is a few KB). */
const MAX_INVENTORY_FILE_BYTES = 4 * 1024 * 1024
import { CliExit, EXIT, type CliContext } from '../context'

/** The engagement named by --engagement (id, id prefix or domain), or the only one there is. */
export async function pickEngagement(ctx: CliContext, ref?: string): Promise<Engagement> {
  if (ref) return call<Engagement>(ctx, 'getEngagement', { id: ref })
  const list = await call<Engagement[]>(ctx, 'listEngagements', {})
  if (list.length === 1) return list[0]
  if (!list.length) throw new CliExit(EXIT.badInput, 'no engagements in this workspace: create one with `handover engagement add <domain>`')
  throw new CliExit(EXIT.badInput, `several engagements: pick one with --engagement (${list.map((e) => e.domain).join(', ')})`)
}

interface SetOpts {
  engagement?: string
  id?: string
  name?: string
  purpose?: string
  loginUrl?: string
  owner?: string
  admins?: string
  twoFactor?: string
  recovery?: string
  credentialLocation?: string
  rotatedBy?: string
  nextRotation?: string
  notes?: string
  json?: boolean
}

function printInventory(ctx: CliContext, list: InventoryEntry[]): void {
  for (const i of list) {
    ctx.out.line(`${i.id.slice(0, 8)}  ${(SYSTEM_TITLES[i.system] + (i.name ? ` (${i.name})` : '')).padEnd(34)} 2FA ${i.twoFactor.padEnd(7)} owner ${i.ownerAccount || '—'}`)
    if (i.loginUrl || i.credentialLocation) ctx.out.line(`          ${[i.loginUrl, i.credentialLocation && `credential: ${i.credentialLocation}`].filter(Boolean).join('  ')}`)
  }
}

function registerInventory(program: Command, ctx: CliContext): void {
  const inv = program.command('inventory').description('the access inventory: list, set, import, remove, prefill from evidence')
  inv
    .command('list')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const list = await call<InventoryEntry[]>(ctx, 'listInventory', { engagementId: e.id })
      if (o.json) ctx.out.json(list)
      else printInventory(ctx, list)
    })
  inv
    .command('set <system>')
    .description('add or change a row (system: registrar, dns, cdn, hosting, database, email-sending, mailboxes, monitoring, source-repo, secrets-manager, payments, analytics, custom)')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--id <id>', 'change this row (default: the row of that system and name, else a new row)')
    .option('--name <name>', 'the provider, e.g. Cloudflare')
    .option('--purpose <text>', 'what it does, in plain language')
    .option('--login-url <url>', 'where to log in')
    .option('--owner <account>', 'the owner account')
    .option('--admins <list>', 'admins, comma separated')
    .option('--two-factor <state>', 'on, off or unknown')
    .option('--recovery <text>', 'how to recover access')
    .option('--credential-location <text>', 'where the credential lives (never the credential itself)')
    .option('--rotated-by <who>', 'who rotates it')
    .option('--next-rotation <date>', 'YYYY-MM-DD')
    .option('--notes <text>', 'notes')
    .option('--json', 'print JSON only')
    .action(async (system: string, o: SetOpts) => {
      const e = await pickEngagement(ctx, o.engagement)
      const list = await call<InventoryEntry[]>(ctx, 'listInventory', { engagementId: e.id })
      const cur = o.id ? list.find((i) => i.id === o.id || i.id.startsWith(o.id!)) : (list.find((i) => i.system === system && i.name.toLowerCase() === (o.name ?? '').toLowerCase()) ?? (o.name ? list.find((i) => i.system === system && !i.name) : undefined))
      if (o.id && !cur) throw new CliExit(EXIT.badInput, `no inventory row "${o.id}"`)
      const patch: Record<string, unknown> = {}
      const map: [keyof SetOpts, string][] = [['name', 'name'], ['purpose', 'purpose'], ['loginUrl', 'loginUrl'], ['owner', 'ownerAccount'], ['twoFactor', 'twoFactor'], ['recovery', 'recovery'], ['credentialLocation', 'credentialLocation'], ['rotatedBy', 'rotatedBy'], ['nextRotation', 'nextRotation'], ['notes', 'notes']]
      for (const [from, to] of map) if (o[from] !== undefined) patch[to] = o[from]
      if (o.admins !== undefined) patch.admins = o.admins.split(',').map((a) => a.trim()).filter(Boolean)
      const base = cur ? { ...cur, id: undefined, source: undefined, updatedAt: undefined } : {}
      const saved = await call<InventoryEntry>(ctx, 'saveInventoryEntry', { ...base, ...patch, system, engagementId: e.id, id: cur?.id })
      if (o.json) ctx.out.json(saved)
      else ctx.out.line(`Saved ${SYSTEM_TITLES[saved.system]}${saved.name ? ` (${saved.name})` : ''} for ${e.domain}`)
    })
  inv
    .command('import <file>')
    .description('import rows from JSON: a list of rows, or { "entries": [...] } as inventory.json holds')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--replace', 'replace the whole inventory instead of merging')
    .option('--json', 'print JSON only')
    .action(async (file: string, o: { engagement?: string; replace?: boolean; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      let parsed: unknown
      try {
        parsed = JSON.parse(readRegularFile(file, { max: MAX_INVENTORY_FILE_BYTES, label: 'inventory file' }).toString('utf8'))
      } catch (err) {
        if (err instanceof AppError) throw err
        throw new CliExit(EXIT.badInput, `${file}: ${err instanceof Error ? err.message : String(err)}`)
      }
      const entries = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown }).entries
      const strip = (x: unknown) => (x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => !['engagementId', 'source', 'updatedAt'].includes(k))) : x)
      const list = await call<InventoryEntry[]>(ctx, 'importInventory', { engagementId: e.id, entries: Array.isArray(entries) ? entries.map(strip) : entries, replace: !!o.replace })
      if (o.json) ctx.out.json(list)
      else ctx.out.line(`Imported into ${e.domain}: the inventory now has ${list.length} rows`)
    })
  inv
    .command('remove <id>')
    .option('--json', 'print JSON only')
    .action(async (id: string, o: { json?: boolean }) => {
      const r = await call<{ id: string }>(ctx, 'removeInventoryEntry', { id })
      if (o.json) ctx.out.json(r)
      else ctx.out.line(`Removed ${r.id}`)
    })
  inv
    .command('prefill')
    .description('fill empty fields from check results and credential metadata')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const list = await call<InventoryEntry[]>(ctx, 'prefillInventory', { engagementId: e.id })
      if (o.json) ctx.out.json(list)
      else printInventory(ctx, list)
    })
}

export function register(program: Command, ctx: CliContext): void {
  registerInventory(program, ctx)
  program
    .command('bundle')
    .description('build the signed handover bundle: a folder and DIR.zip')
    .requiredOption('--out <dir>', 'the bundle folder to create')
    .option('--engagement <ref>', 'engagement id, id prefix or domain')
    .option('--json', 'print JSON only')
    .action(async (o: { out: string; engagement?: string; json?: boolean }) => {
      const e = await pickEngagement(ctx, o.engagement)
      const core = ctx.core()
      if (!o.json) ctx.out.info(`Building the handover bundle for ${e.domain}…`)
      // Signed by the identity set with `handover identity set` (never the OS user).
      const info = await createBundle({ workspace: core.workspace, engagement: e, outDir: o.out, secrets: createKeychainStore() })
      if (o.json) return ctx.out.json(info)
      const s = info.signer
      ctx.out.line(`Bundle written: ${info.dir}`)
      ctx.out.line(`Zip:            ${info.zip}`)
      ctx.out.line(`Signed by ${s.name}${s.email ? ` <${s.email}>` : ''}${s.organisation ? `, ${s.organisation}` : ''}`)
      ctx.out.line(`Key fingerprint (tell the founder another way than the bundle: in person, on a call):`)
      ctx.out.line(`  ${s.fingerprint}`)
      ctx.out.line(`  \`${FINGERPRINT_COMMAND}\` in the bundle folder prints the same`)
      ctx.out.line(`The founder checks it: handover verify ${info.dir} --expect-fingerprint ${s.fingerprint}   (or the steps in VERIFY.txt)`)
    })
}
