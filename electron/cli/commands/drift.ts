import type { Command } from 'commander'
import { baseProfile } from '../../core/settings/profile'
import { runDrift, type DriftReport } from '../../core/handover/drift'
import { startLab, type Lab } from '../../lab'
import type { CheckServices } from '../../core/checks/types'
import { keychainCredentialSource, memoryCredentialSource } from '../../core/vault/sources'
import { credentialService } from '../../core/api/credentials'
import { CliExit, EXIT, type CliContext } from '../context'
import { composeProfile } from '../network'

/** Checks reach the sandbox's provider APIs with its in-memory tokens (registered for redaction). */
function labServices(lab: Lab): Partial<CheckServices> {
  return { credentials: memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret }))), repos: lab.endpoints.repos }
}

function print(ctx: CliContext, r: DriftReport): void {
  ctx.out.line(`Drift for ${r.domain} since the handover of ${r.baselineAt} (${r.checked} checks re-run)`)
  if (!r.bundleValid) ctx.out.line('Warning: the bundle does not verify; its baseline may have been altered (run handover verify).')
  if (!r.changes.length) return ctx.out.line('No changes since handover.')
  for (const c of r.changes) {
    const what = c.kind === 'value' ? `${c.path}: ${c.before} → ${c.after}` : c.kind === 'status' ? `${c.before}  →  ${c.after}` : `${c.before} → not run now`
    ctx.out.line(`${c.kind.padEnd(7)} ${c.checkId} ${c.target}  ${what}`)
  }
  ctx.out.line(`${r.changes.length} change${r.changes.length === 1 ? '' : 's'} since handover.`)
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('drift <bundle>')
    .description("re-run the checks recorded in a bundle's baseline.json and list what changed since handover; exit 0 no change, 1 changes")
    .option('--lab <scenario>', 'run against the sandbox internet for a scenario (name or file) instead of the real one')
    .option('--fix <name...>', "with --lab: apply the scenario's named fixes first (a scripted change)")
    .option('--json', 'print JSON only')
    .action(async (bundle: string, o: { lab?: string; fix?: string[]; json?: boolean }) => {
      const core = ctx.core()
      const lab = o.lab ? await startLab(o.lab) : null
      try {
        for (const f of o.fix ?? []) {
          if (!lab) throw new CliExit(EXIT.badInput, '--fix needs --lab')
          await lab.applyFix(f)
        }
        const report = await runDrift({ workspace: core.workspace, events: core.events, bundle, profile: composeProfile(lab?.profile ?? baseProfile(undefined).profile, core.workspace), services: lab ? labServices(lab) : { credentials: keychainCredentialSource(credentialService(core), null) } })
        if (o.json) ctx.out.json(report)
        else print(ctx, report)
        if (report.changes.length) throw new CliExit(EXIT.failed, '')
      } finally {
        await lab?.close()
      }
    })
}
