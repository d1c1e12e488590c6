import type { Command } from 'commander'
import { AppError } from '@shared/errors'
import type { Core } from '../core/api'
import { BUSY_MESSAGE, isBusyError } from '../core/workspace/busy'
import { redact, redactDeep } from '../core/vault/redact'
import { jsonSafe, terminalSafe } from './terminal'

/** Exit codes of the CLI contract: 0 ok, 1 a check failed or errored / invalid bundle, 2 bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const

/** Thrown by a command to end with a message and an exit code. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

/** Output helpers: `--json` prints one document on stdout and nothing else there. */
export interface Out {
  json(value: unknown): void
  line(text?: string): void
  /** Human progress and notes: stderr, so stdout stays clean. */
  info(text: string): void
}

export interface CliContext {
  /** Opens the workspace named by --workspace / HANDOVER_WORKSPACE / the OS default, once. */
  core(): Core
  out: Out
  /** Close whatever was opened; called once when the command ends. */
  close(): void
  program: Command
}

export function makeOut(stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Out {
  return {
    // Every printed value passes the redaction registry (keychain values never reach a terminal)
    // and the terminal sanitiser (escape sequences from DNS, headers or providers are shown, not run).
    json: (v) => stdout.write(jsonSafe(redact(JSON.stringify(redactDeep(v, { fieldNames: false }), null, 2))) + '\n'),
    line: (t = '') => stdout.write(terminalSafe(redact(t)) + '\n'),
    info: (t) => stderr.write(terminalSafe(redact(t)) + '\n'),
  }
}

/** `open` builds the engine for a workspace folder (undefined: the default one); see ./open-core. */
export function makeContext(program: Command, out: Out, open: (dir: string | undefined) => Core): CliContext {
  let core: Core | undefined
  return {
    program,
    out,
    core() {
      if (!core) {
        const { workspace } = program.opts<{ workspace?: string }>()
        core = open(workspace)
      }
      return core
    },
    close() {
      core?.workspace.close()
      core = undefined
    },
  }
}

/**
 * What a person reads when a command fails: one line, never a stack trace (set HANDOVER_DEBUG=1
 * for one). A workspace another process kept busy past the busy timeout says so plainly.
 */
export function errorLine(e: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (e instanceof AppError || e instanceof CliExit) return e.message
  if (isBusyError(e)) return BUSY_MESSAGE
  const code = String((e as { code?: unknown })?.code ?? '')
  if (env.HANDOVER_DEBUG && e instanceof Error && e.stack) return e.stack
  const text = e instanceof Error ? e.message : String(e)
  return (text.split('\n')[0] || 'unexpected error') + (code ? ` (${code})` : '')
}

/** Map an AppError to the CLI's exit codes: bad input, unknown ids and duplicates are 2. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof CliExit) return e.code
  if (e instanceof AppError) return ['invalid_input', 'not_found', 'conflict'].includes(e.code) ? EXIT.badInput : EXIT.failed
  return EXIT.failed
}
