import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { devNull } from 'node:os'
import { basename, join } from 'node:path'
import { AppError } from '@shared/errors'
import type { CloneRoute } from './clone-route'

/** A clone of a large repository is bounded too. */
export const CLONE_TIMEOUT_MS = 120_000

/** Whether a repository entry is a clone URL (else a local path). */
export const isCloneUrl = (s: string): boolean => /^https?:\/\//i.test(s)

/** A short name for a repository entry: "app" for https://git.example/acme/app.git or /src/app. */
export function repoName(s: string): string {
  const last = isCloneUrl(s) ? new URL(s).pathname.split('/').filter(Boolean).pop() : basename(s)
  return (last ?? 'repository').replace(/\.git$/, '') || 'repository'
}

/**
 * Clone a repository with the system git, full history, into `dir/<hash of the URL>` (a fresh
 * clone each time). No prompts, no hooks, no submodules, http(s) only. `token`: sent as an HTTP
 * Authorization header through git's environment (never on the command line or in the URL), and
 * only to github.com, whose token it is. `route`: where git connects (see cloneRoute); without
 * one, git resolves and follows redirects itself, so the checks always pass one.
 */
export async function cloneRepo(url: string, dir: string, opts: { token?: string; signal?: AbortSignal; route?: CloneRoute } = {}): Promise<string> {
  const target = join(dir, createHash('sha256').update(url).digest('hex').slice(0, 16))
  await rm(target, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const auth = opts.token && new URL(url).hostname.toLowerCase() === 'github.com' ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`x-access-token:${opts.token}`).toString('base64')}` } : { GIT_CONFIG_COUNT: '0' }
  // The egress route (clone-route.ts) pins the address git connects to and turns redirects off.
  const pinned = (opts.route?.config ?? []).flatMap(([k, v]) => ['-c', `${k}=${v}`])
  const args = ['-c', 'core.hooksPath=' + devNull, '-c', 'protocol.allow=never', '-c', 'protocol.https.allow=always', '-c', 'protocol.http.allow=always', ...pinned, 'clone', '--quiet', '--no-recurse-submodules', '--', opts.route?.url ?? url, target]
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', LC_ALL: 'C', ...auth },
      signal: opts.signal,
      timeout: CLONE_TIMEOUT_MS,
    })
    let err = ''
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 4000) err += c.toString('utf8')
    })
    child.on('error', (e) => reject(new AppError('unavailable', `git could not run: ${e.message}`)))
    child.on('close', (code, sig) => {
      if (code === 0) return resolve()
      // git names the URL it was given: a person reads the one they typed, not the sandbox's route.
      const said = opts.route && opts.route.url !== url ? err.split(opts.route.url).join(url) : err
      const why = sig ? `stopped after ${CLONE_TIMEOUT_MS / 1000} s` : said.trim().split('\n').pop() || `exit ${code}`
      reject(new AppError('unavailable', `git clone of ${url} failed: ${why.replace(/^fatal: /, '')}`))
    })
  })
  return target
}
