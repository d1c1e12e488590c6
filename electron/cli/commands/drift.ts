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

const MARK = { regression: '✗', improvement: '✓', neutral: '·' } as const
const SECTION = { regression: 'Regressions', improvement: 'Improvements', neutral: 'Other changes' } as const

/** The founder's reading: regressions first, each one sentence; then improvements and other facts. */
export function printDrift(ctx: CliContext, r: DriftReport): void {
  ctx.out.line(`Drift for ${r.domain} since the handover of ${r.baselineAt.slice(0, 10)} (${r.checked} checks re-run)`)
  if (!r.bundleValid) ctx.out.line('Warning: the bundle does not verify; its baseline may have been altered (run handover verify).')
  for (const v of ['regression', 'improvement', 'neutral'] as const) {
    const list = r.findings.filter((f) => f.verdict === v)
    if (!list.length) continue
    ctx.out.line(`${SECTION[v]} (${list.length}):`)
    for (const f of list) ctx.out.line(`  ${MARK[v]} ${f.headline}`)
  }
  const other = r.findings.length - r.regressions - r.improvements
  ctx.out.line(r.regressions ? `${r.regressions} regression${r.regressions === 1 ? '' : 's'} since handover.` : `No regression since handover${r.findings.length ? ` (${r.improvements} improvement${r.improvements === 1 ? '' : 's'}, ${other} other change${other === 1 ? '' : 's'})` : ''}.`)
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('drift <bundle>')
    .description("re-run the checks recorded in a bundle's baseline.json and say what changed since handover; exit 0 nothing regressed, 1 a regression, 2 bad input")
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
        else printDrift(ctx, report)
        if (report.regressions) throw new CliExit(EXIT.failed, '')
      } finally {
        await lab?.close()
      }
    })
}
