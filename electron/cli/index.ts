import { Command, CommanderError, Help } from 'commander'
import { VERSION } from '../core/version'
import type { Core } from '../core/api'
import { COMMANDS, commandWord } from './commands'
import { errorLine, exitCodeFor, makeContext, makeOut, type CliContext, type Out } from './context'
import { terminalSafe } from './terminal'

/** A command module in ./commands registers its subcommands on the program. */
export interface CommandModule {
  register(program: Command, ctx: CliContext): void
}

// Not eager: each command module (and the engine it imports) is its own chunk, loaded when run.
const modules = import.meta.glob<CommandModule>('./commands/*.ts')

/** The program with its options and no commands yet. */
function baseProgram(): Command {
  return new Command('handover')
    .description('Handover Console: launch-ready sprints, live checks, evidence and signed handover bundles.')
    .version(VERSION, '-v, --version')
    .option('--workspace <dir>', 'workspace folder (default: HANDOVER_WORKSPACE or the OS app-data folder)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
}

/**
 * Every command as a stub with its name, usage and description from ./commands.ts: enough for the
 * top-level help and for commander's "unknown command" suggestions, without loading any module.
 */
function addStubs(program: Command): void {
  const terms = new Map<Command, string>()
  for (const c of COMMANDS) terms.set(program.command(c.name).description(c.description), c.term)
  const help = new Help()
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd) ?? help.subcommandTerm(cmd) })
}

/** Register the module(s) that define these commands (all of them when `names` is undefined). */
async function addCommands(program: Command, ctx: CliContext, names?: string[]): Promise<void> {
  const files = [...new Set(COMMANDS.filter((c) => !names || names.includes(c.name)).map((c) => c.module))]
  for (const file of files) (await modules[`./commands/${file}.ts`]()).register(program, ctx)
}

/**
 * Build the `handover` program for a command line: the command it names with its module loaded,
 * or stubs of every command for the help and for errors. Exported for tests.
 */
export async function buildProgram(argv: string[], out: Out = makeOut()): Promise<{ program: Command; ctx: CliContext }> {
  const program = baseProgram()
  let open: ((dir: string | undefined) => Core) | undefined
  const ctx = makeContext(program, out, (dir) => {
    if (!open) throw new Error('the engine is not loaded')
    return open(dir)
  })
  const word = commandWord(argv.slice(2))
  if (word && COMMANDS.some((c) => c.name === word)) {
    await addCommands(program, ctx, [word])
    open = (await import('./open-core')).openCore
  } else addStubs(program)
  return { program, ctx }
}

/** Every command registered from its module (tests compare it with the stubs). */
export async function fullProgram(out: Out = makeOut()): Promise<Command> {
  const program = baseProgram()
  await addCommands(program, makeContext(program, out, () => {
    throw new Error('not for running')
  }))
  return program
}

/** Run the CLI; resolves to the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[], out: Out = makeOut()): Promise<number> {
  let ctx: CliContext | undefined
  try {
    const built = await buildProgram(argv, out)
    ctx = built.ctx
    built.program.commands.forEach(function override(c: Command) {
      c.exitOverride()
      c.commands.forEach(override)
    })
    await built.program.parseAsync(argv)
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
    ctx?.close()
  }
}

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
