import { Command, CommanderError } from 'commander'
import { VERSION } from '../core/version'
import { errorLine, exitCodeFor, makeContext, makeOut, type CliContext, type Out } from './context'
import { terminalSafe } from './terminal'

/** A command module in ./commands registers its subcommands on the program. */
export interface CommandModule {
  register(program: Command, ctx: CliContext): void
}

const modules = import.meta.glob<CommandModule>('./commands/*.ts', { eager: true })

/** Build the `handover` program. Exported for tests, which run it in-process. */
export function buildProgram(out: Out = makeOut()): { program: Command; ctx: CliContext } {
  const program = new Command('handover')
    .description('Handover Console: launch-ready sprints, live checks, evidence and signed handover bundles.')
    .version(VERSION, '-v, --version')
    .option('--workspace <dir>', 'workspace folder (default: HANDOVER_WORKSPACE or the OS app-data folder)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
  const ctx = makeContext(program, out)
  for (const key of Object.keys(modules).sort()) modules[key].register(program, ctx)
  return { program, ctx }
}

/** Run the CLI; resolves to the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[], out: Out = makeOut()): Promise<number> {
  const { program, ctx } = buildProgram(out)
  program.commands.forEach(function override(c: Command) {
    c.exitOverride()
    c.commands.forEach(override)
  })
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (e) {
    if (e instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return 0
      return 2
    }
    const message = errorLine(e)
    if (message) out.info(`handover: ${message}`)
    return exitCodeFor(e)
  } finally {
    ctx.close()
  }
}

/** The engine, for scripts that drive the built bundle (crash tests, tooling). */
export { openWorkspace } from '../core/workspace'
/** An audit run outside the CLI (the engine benchmark's own process, test/bench/fixtures/engine-host.cjs). */
export { runAudit } from '../core/checks/runner'
export { EventBus } from '../core/events'
export { memoryCredentialSource } from '../core/vault/sources'
/** The sandbox internet, for scripts that host labs in their own process (benchmarks). */
export { startLab } from '../lab'

/** Entry point used by bin/handover.js. */
export function main(argv: string[] = process.argv): void {
  run(argv).then(
    (code) => {
      process.exitCode = code
    },
    (e) => {
      process.stderr.write(`handover: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`)
      process.exitCode = 1
    },
  )
}
