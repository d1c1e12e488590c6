import type { Command } from 'commander'
import { DEFAULT_REMIND_DAYS, deliverAlerts, notifyConfig, NOTIFY_ENV, type WatchResult } from '../../core/watch'
import type { DriftReport } from '../../core/handover/drift'
import { CliExit, EXIT, type CliContext } from '../context'
import { driftBundles, driftTargets, type DriftOpts } from '../drift-run'

interface WatchOpts extends DriftOpts {
  remindDays: string
  json?: boolean
}

const STATUS = { new: 'NEW     ', reminder: 'REMINDER', open: 'open    ' } as const

function print(ctx: CliContext, r: WatchResult, reports: DriftReport[], errors: string[]): void {
  const n = (s: string) => r.alerts.filter((a) => a.status === s).length
  ctx.out.line(`Watch: ${reports.length} bundle${reports.length === 1 ? '' : 's'} checked, ${r.alerts.length} open alert${r.alerts.length === 1 ? '' : 's'} (${n('new')} new, ${n('reminder')} reminder${n('reminder') === 1 ? '' : 's'} due).`)
  for (const a of r.alerts) ctx.out.line(`  ${STATUS[a.status]}  ${a.domain}  ${a.headline}`)
  for (const e of errors) ctx.out.line(`  could not check ${e}`)
  if (r.cleared.length) ctx.out.line(`${r.cleared.length} alert${r.cleared.length === 1 ? '' : 's'} cleared since the last run.`)
  const channels = (['webhook', 'email'] as const).filter((c) => r.delivered[c] !== null)
  if (!channels.length) ctx.out.line(`No channel configured: set ${NOTIFY_ENV.webhook} and/or ${NOTIFY_ENV.smtp} (see docs/watch.md).`)
  else ctx.out.line(`Delivered: ${channels.map((c) => `${c} ${r.delivered[c]}`).join(', ')}.`)
  for (const f of r.failures) ctx.out.line(`Not delivered (${f}); it will be tried again on the next run.`)
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('watch [bundle]')
    .description('drift one bundle, or every bundle this workspace knows, once; alert on new regressions and on certificates (30 days) and domains (60 days) near expiry, by webhook and email; exit 0 done, 1 something could not be checked or delivered, 2 bad input')
    .option('--all', 'every bundle built or drifted in this workspace (the default without a bundle)')
    .option('--bundles-dir <dir>', 'every handover bundle folder directly inside this folder (for schedulers and containers)')
    .option('--remind-days <n>', 'send an alert that stays open again after this many days (0: never)', String(DEFAULT_REMIND_DAYS))
    .option('--concurrency <n>', 'how many drifts run at once (1-16)', '4')
    .option('--lab <scenario>', 'run against the sandbox internet for a scenario (name or file)')
    .option('--fix <name...>', "with --lab: apply the scenario's named fixes first (a scripted change)")
    .option('--json', 'print JSON only')
    .action(async (bundle: string | undefined, o: WatchOpts) => {
      const remindDays = Number(o.remindDays)
      if (!Number.isInteger(remindDays) || remindDays < 0 || remindDays > 365) throw new CliExit(EXIT.badInput, '--remind-days must be a whole number of days from 0 to 365')
      const config = notifyConfig(process.env)
      const bundles = driftTargets(ctx, bundle, { ...o, all: o.all || (!bundle && !o.bundlesDir) })
      const results = await driftBundles(ctx, bundles, o)
      const reports = results.flatMap((r) => (r.ok ? [r.value] : []))
      const errors = results.flatMap((r, i) => (r.ok ? [] : [`${bundles[i]}: ${r.error}`]))
      const r = await deliverAlerts({ workspace: ctx.core().workspace, reports, config, remindDays })
      if (o.json) ctx.out.json({ ...r, bundles: results.map((x, i) => (x.ok ? { bundle: x.value.bundle, domain: x.value.domain, regressions: x.value.regressions } : { bundle: bundles[i], error: x.error })) })
      else print(ctx, r, reports, errors)
      if (errors.length || r.failures.length) throw new CliExit(EXIT.failed, '')
    })
}
