import type { Command } from 'commander'
import type { DriftReport } from '../../core/handover/drift'
import type { Settled } from '../../core/portfolio/limit'
import { CliExit, EXIT, type CliContext } from '../context'
import { driftBundles, driftTargets, type DriftOpts } from '../drift-run'

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

/** drift --all: one row per bundle, regressions first. */
export function formatDriftTable(results: Settled<DriftReport>[], bundles: string[]): string {
  const rows = results.map((r, i) => (r.ok ? { domain: r.value.domain, reg: r.value.regressions, imp: r.value.improvements, other: r.value.findings.length - r.value.regressions - r.value.improvements, error: '' } : { domain: bundles[i], reg: 0, imp: 0, other: 0, error: r.error }))
  const width = Math.max(6, ...rows.map((r) => r.domain.length))
  const lines = [`${'DOMAIN'.padEnd(width)}  REGRESSIONS  IMPROVEMENTS  OTHER`]
  for (const r of rows.sort((a, b) => Number(!!b.error) - Number(!!a.error) || b.reg - a.reg || a.domain.localeCompare(b.domain))) {
    lines.push(r.error ? `${r.domain.padEnd(width)}  could not drift: ${r.error}` : `${r.domain.padEnd(width)}  ${String(r.reg).padStart(11)}  ${String(r.imp).padStart(12)}  ${String(r.other).padStart(5)}`)
  }
  const bad = rows.filter((r) => r.reg).length
  lines.push('', `${rows.length} bundle${rows.length === 1 ? '' : 's'}: ${bad ? `${bad} with regressions` : 'no regression'}${rows.some((r) => r.error) ? `, ${rows.filter((r) => r.error).length} could not drift` : ''}.`)
  return lines.join('\n')
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('drift [bundle]')
    .description("re-run the checks recorded in a bundle's baseline.json (or every bundle this workspace knows, --all) and say what changed since handover; exit 0 nothing regressed, 1 a regression, 2 bad input")
    .option('--all', 'every bundle built or drifted in this workspace')
    .option('--concurrency <n>', 'with --all: how many drifts run at once (1-16)', '4')
    .option('--lab <scenario>', 'run against the sandbox internet for a scenario (name or file) instead of the real one')
    .option('--fix <name...>', "with --lab: apply the scenario's named fixes first (a scripted change)")
    .option('--json', 'print JSON only (an array with --all)')
    .action(async (bundle: string | undefined, o: DriftOpts & { json?: boolean }) => {
      const bundles = driftTargets(ctx, bundle, o)
      const results = await driftBundles(ctx, bundles, o)
      if (!o.all) {
        const r = results[0]
        if (!r.ok) throw r.cause
        if (o.json) ctx.out.json(r.value)
        else printDrift(ctx, r.value)
        if (r.value.regressions) throw new CliExit(EXIT.failed, '')
        return
      }
      if (o.json) ctx.out.json(results.map((r, i) => (r.ok ? r.value : { bundle: bundles[i], error: r.error })))
      else {
        for (const r of results) {
          if (!r.ok) continue
          printDrift(ctx, r.value)
          ctx.out.line()
        }
        ctx.out.line(formatDriftTable(results, bundles))
      }
      if (results.some((r) => !r.ok || r.value.regressions)) throw new CliExit(EXIT.failed, '')
    })
}
