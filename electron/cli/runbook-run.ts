import { createInterface } from 'node:readline/promises'
import { runAudit } from '../core/checks/runner'
import { fillRunbook, formatStep } from '../core/runbooks/render'
import { RunbookRunner, type RunChecks } from '../core/runbooks/runner'
import { runbookValuesFor } from '../core/runbooks/facts'
import { CliExit, EXIT, type CliContext } from './context'
import { openNetwork } from './network'
import { credentialProbe } from '../core/runbooks/probe'
import { credentialService } from '../core/api/credentials'
import { runbookProgress } from '@shared/runbook-progress'

/**
 * Follow a runbook in the terminal, one step at a time: instructions are confirmed (with the
 * inputs they ask for), decisions answered by number, verify steps run live checks until they
 * pass (or are confirmed by hand). An unfinished run of the same runbook is resumed.
 */
export async function runInteractive(ctx: CliContext, runbookId: string, o: { engagement: string; by?: string; lab?: string }): Promise<void> {
  const core = ctx.core()
  const e = core.workspace.engagements.get(o.engagement)
  const runner = new RunbookRunner(core.workspace)
  const net = await openNetwork({ lab: o.lab, workspace: core.workspace })
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: !!process.stdin.isTTY })
  const ask = async (q: string) => {
    const a = await rl.question(q).catch(() => null)
    if (a === null) throw new CliExit(EXIT.badInput, 'input ended; the run is saved and resumes where it stopped')
    return a.trim()
  }
  const runChecks: RunChecks = async (ids) => {
    const r = await runAudit({ workspace: core.workspace, events: core.events, engagement: e, profile: net.profile, checkIds: ids, origin: 'runbook', services: net.credentials ? { credentials: net.credentials } : {} })
    return { offline: !!net.profile.offline, checks: r.checks }
  }
  try {
    let run = runner.open(e.id).find((r) => r.runbookId === runbookId) ?? runner.start(e.id, runbookId, o.by ?? '')
    for (let guard = 0; guard < 200 && !run.finishedAt; guard++) {
      const { runbook, step } = runner.current(run.id)
      if (!step) break
      const filled = fillRunbook(runbook, e, runbookValuesFor(core.workspace, e))
      const fstep = filled.steps.find((s) => s.id === step.id)!
      const at = runbookProgress(runbook, run)
      ctx.out.info(`\n${formatStep(fstep, at.number, at.total)}\n`)
      if (step.kind === 'decision') {
        const a = await ask(`Choose 1–${step.options.length}: `)
        const i = Number(a) - 1
        if (!Number.isInteger(i) || !step.options[i]) {
          ctx.out.info(`"${a}" is not an option.`)
          continue
        }
        run = runner.choose(run.id, step.id, i)
      } else if (step.kind === 'verify') {
        const a = await ask(`Press Enter to ${step.credential ? 'check the credential at the provider' : 'run the checks'}, or type "done" to confirm by hand, "skip" or "abandon": `)
        if (a.toLowerCase() === 'done') {
          run = runner.done(run.id, step.id, { note: await ask('Note (what you saw): ') })
          continue
        }
        if (a.toLowerCase() === 'skip') {
          const reason = await ask('Why skip it? (kept with the run) ')
          if (reason) run = runner.skip(run.id, step.id, reason)
          else ctx.out.info('A skip needs a reason.')
          continue
        }
        if (a.toLowerCase() === 'abandon') {
          run = runner.abandon(run.id, step.id, await ask('Why abandon it? (optional) '))
          ctx.out.info('Runbook abandoned. What was done so far stays in the evidence.')
          break
        }
        ctx.out.info('Running checks…')
        const { run: next, outcome } = await runner.verify(run.id, step.id, runChecks, undefined, credentialProbe(credentialService(core), e.id, () => net.profile))
        for (const c of outcome.checks) ctx.out.info(`  ${c.status.padEnd(5)} ${c.id} ${c.target} — ${c.summary}`)
        ctx.out.info(outcome.message)
        run = next
      } else {
        const inputs: Record<string, string> = {}
        for (const i of step.inputs ?? []) inputs[i.id] = await ask(`${i.label} `)
        const a = await ask('Done? [Enter to confirm, or type a note] ')
        run = runner.done(run.id, step.id, { inputs, note: a })
      }
    }
    if (run.finishedAt && !run.abandoned) ctx.out.info(`\nRunbook finished. ${run.log.length} steps recorded as evidence.`)
  } finally {
    rl.close()
    await net.close()
  }
}
