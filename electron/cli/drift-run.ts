import { existsSync, lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { baseProfile } from '../core/settings/profile'
import { FILES } from '../core/handover/bundle/files'
import { runDrift, type DriftReport } from '../core/handover/drift'
import { listBundleLocations } from '../core/portfolio/bundles'
import { runLimited, type Settled } from '../core/portfolio/limit'
import { startLab, type Lab } from '../lab'
import type { CheckServices } from '../core/checks/types'
import { keychainCredentialSource, memoryCredentialSource } from '../core/vault/sources'
import { credentialService } from '../core/api/credentials'
import { CliExit, EXIT, type CliContext } from './context'
import { composeProfile } from './network'

/** Options `drift` and `watch` share. */
export interface DriftOpts {
  all?: boolean
  /** Every bundle folder directly inside this folder (watch, for schedulers and containers). */
  bundlesDir?: string
  lab?: string
  fix?: string[]
  concurrency: string
}

/** Checks reach the sandbox's provider APIs with its in-memory tokens (registered for redaction). */
function labServices(lab: Lab): Partial<CheckServices> {
  return { credentials: memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))), repos: lab.endpoints.repos }
}

const MAX_BUNDLES = 500

/** The bundle folders directly inside a folder (those with a baseline.json; links are not followed). */
function bundlesIn(dir: string): string[] {
  let entries
  try {
    if (!lstatSync(dir).isDirectory()) throw new Error('not a folder')
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (e) {
    throw new CliExit(EXIT.badInput, `--bundles-dir ${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message}`)
  }
  const found = entries.filter((d) => d.isDirectory() && existsSync(join(dir, d.name, FILES.baseline))).map((d) => join(dir, d.name)).sort()
  if (!found.length) throw new CliExit(EXIT.badInput, `--bundles-dir ${dir}: no handover bundle folder (with ${FILES.baseline}) in it`)
  if (found.length > MAX_BUNDLES) throw new CliExit(EXIT.badInput, `--bundles-dir ${dir}: ${found.length} bundles; at most ${MAX_BUNDLES} per run`)
  return found
}

/** The bundle folders to drift: the one named, those in --bundles-dir, or every bundle this workspace built or drifted (--all). */
export function driftTargets(ctx: CliContext, bundle: string | undefined, o: DriftOpts): string[] {
  if (o.bundlesDir) {
    if (bundle || o.all) throw new CliExit(EXIT.badInput, '--bundles-dir names the bundles; give no bundle and no --all with it')
    return bundlesIn(o.bundlesDir)
  }
  if (o.all && bundle) throw new CliExit(EXIT.badInput, '--all goes over every bundle this workspace knows; name no bundle with it')
  if (bundle) return [bundle]
  if (!o.all) throw new CliExit(EXIT.badInput, 'name a handover bundle folder, or --all')
  const known = listBundleLocations(ctx.core().workspace.db)
  if (!known.length) throw new CliExit(EXIT.badInput, 'no bundle was built or drifted in this workspace yet: run handover drift <bundle> once')
  return known.map((b) => b.dir)
}

/**
 * Run drift over bundles (at most `concurrency` at once), with the sandbox when --lab is given
 * (its named fixes applied first). One bundle that cannot be read is its own result.
 */
export async function driftBundles(ctx: CliContext, bundles: string[], o: DriftOpts): Promise<Settled<DriftReport>[]> {
  const n = Number(o.concurrency)
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new CliExit(EXIT.badInput, '--concurrency must be a whole number from 1 to 16')
  if (o.fix?.length && !o.lab) throw new CliExit(EXIT.badInput, '--fix needs --lab')
  const core = ctx.core()
  const lab = o.lab
    ? await startLab(o.lab).catch((e: Error) => {
        throw new CliExit(EXIT.badInput, e.message)
      })
    : null
  try {
    for (const f of o.fix ?? []) await lab!.applyFix(f)
    const profile = composeProfile(lab?.profile ?? baseProfile(undefined).profile, core.workspace)
    const services = lab ? labServices(lab) : { credentials: keychainCredentialSource(credentialService(core), null) }
    return await runLimited(bundles, n, (bundle) => runDrift({ workspace: core.workspace, events: core.events, bundle, profile, services }))
  } finally {
    await lab?.close()
  }
}
