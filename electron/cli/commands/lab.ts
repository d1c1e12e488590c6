import type { Command } from 'commander'
import { isAppError } from '@shared/errors'
import { loadScenario, startLab } from '../../lab'
import { CliExit, EXIT, type CliContext } from '../context'

interface LabOpts {
  scenario: string
  latency?: string
  dir?: string
  fix?: string[]
}

/** Resolve when the process is asked to stop (SIGINT/SIGTERM), removing the handlers again. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (sig: string) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(sig)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

/** `handover lab --scenario <name|file>`: the sandbox in the foreground until SIGINT/SIGTERM. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('lab')
    .description('run the sandbox internet for a scenario in the foreground; prints its endpoints as one JSON line')
    .requiredOption('--scenario <name|file>', 'bundled scenario (demo, healthy, hostile) or a scenario file')
    .option('--latency <ms>', 'added to every DNS answer and HTTP response')
    .option('--dir <dir>', 'keep the lab CA (lab-ca.pem) and git repos in this folder')
    .option('--fix <name...>', "apply these of the scenario's fixes right after start")
    .option('--json', 'accepted for symmetry: the endpoints line is always JSON')
    .action(async (o: LabOpts) => {
      let latencyMs: number | undefined
      if (o.latency !== undefined) {
        latencyMs = Number(o.latency)
        if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 60_000) throw new CliExit(EXIT.badInput, `--latency "${o.latency}" is not a number of milliseconds (0-60000)`)
      }
      let scenario
      try {
        scenario = loadScenario(o.scenario)
      } catch (e) {
        if (isAppError(e)) throw new CliExit(EXIT.badInput, e.message)
        throw e
      }
      const lab = await startLab(scenario, { latencyMs, dir: o.dir })
      try {
        for (const f of o.fix ?? []) await lab.applyFix(f)
        ctx.out.line(JSON.stringify(lab.endpoints))
        ctx.out.info(`lab "${scenario.name}" running for ${scenario.domains.join(', ')}; Ctrl-C stops it`)
        const sig = await untilStopped()
        ctx.out.info(`${sig}: stopping the lab`)
      } finally {
        await lab.close()
      }
    })
}
