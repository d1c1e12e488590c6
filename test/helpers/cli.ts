import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
export const BIN = join(ROOT, 'bin', 'handover.js')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Run the built `handover` bin as a user would, with a bounded time and optional stdin (and node flags). */
export function handover(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; nodeArgs?: string[] } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { env: { ...process.env, ...opts.env }, cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`handover ${args.join(' ')} did not finish in time\n${stderr}`))
    }, opts.timeoutMs ?? 30_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(opts.input ?? '')
  })
}

/** Run the CLI and measure its peak resident memory (MB) with test/helpers/rss.cjs. */
export async function handoverWithRss(args: string[], rssFile: string, opts: { timeoutMs?: number } = {}): Promise<CliResult & { peakMb: number }> {
  const r = await handover(args, { ...opts, nodeArgs: ['--require', join(__dirname, 'rss.cjs')], env: { HANDOVER_TEST_RSS_FILE: rssFile } })
  return { ...r, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024 }
}

/** Run the CLI in this process (the source, not the built bin) on a workspace, collecting its output. */
export async function runCli(workspaceDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // loaded on first use: the spawn helpers above must not pull the whole CLI into every test that imports this file
  const [{ PassThrough }, { makeOut }, { run }] = await Promise.all([import('node:stream'), import('../../electron/cli/context'), import('../../electron/cli/index')])
  let stdout = ''
  let stderr = ''
  const o = new PassThrough().on('data', (d) => (stdout += d))
  const e = new PassThrough().on('data', (d) => (stderr += d))
  const code = await run(['node', 'handover', '--workspace', workspaceDir, ...args], makeOut(o, e))
  return { code, stdout, stderr }
}
