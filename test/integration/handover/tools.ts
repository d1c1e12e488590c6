import { spawnSync } from 'node:child_process'
import { run } from '../../../electron/cli/index'
import type { Out } from '../../../electron/cli/context'

/** Run a standard tool (pdfsig, openssl, sh) in a folder; bounded in time. */
export function tool(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 30_000, env: env ? { ...process.env, ...env } : process.env })
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` }
}

/** Run the `handover` CLI in-process (same code as the bin), capturing stdout and stderr. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const out: Out = {
    json: (v) => (stdout += JSON.stringify(v, null, 2) + '\n'),
    line: (t = '') => (stdout += t + '\n'),
    info: (t) => (stderr += t + '\n'),
  }
  const code = await run(['node', 'handover', ...args], out)
  return { code, stdout, stderr }
}
