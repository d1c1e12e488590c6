import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { devNull } from 'node:os'
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { AppError } from '@shared/errors'
import type { CommitSpec, ReposSpec } from './schema'

export { reposSchema, type ReposSpec, type ReposInput } from './schema'

const run = promisify(execFile)

/** Fixed base date: commit n defaults to BASE + n hours, so a scenario always yields the same hashes. */
const BASE = Date.parse('2026-01-05T09:00:00Z')
const DEFAULT_AUTHOR = 'Founder <founder@example.com>'

/** Git with no user or system configuration leaking in, and a fixed identity. */
function git(cwd: string, args: string[], env: Record<string, string> = {}) {
  return run('git', ['-c', 'user.name=Lab', '-c', 'user.email=lab@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, HOME: cwd, LANG: 'C', ...env },
    timeout: 10_000,
  })
}

/** Resolve a repo-relative path, refusing anything that would land outside the repo. */
function inside(root: string, rel: string): string {
  const p = resolve(root, normalize(rel))
  if (isAbsolute(rel) || !p.startsWith(root + sep) || rel.split(/[\\/]/).includes('.git')) throw new AppError('invalid_input', `repo file path "${rel}" must stay inside the repository`)
  return p
}

async function commit(root: string, c: CommitSpec, n: number): Promise<void> {
  for (const [rel, content] of Object.entries(c.files)) {
    const p = inside(root, rel)
    await mkdir(dirname(p), { recursive: true })
    await writeFile(p, content)
  }
  for (const rel of c.delete) await rm(inside(root, rel), { force: true })
  await git(root, ['add', '-A'])
  const date = c.date ?? new Date(BASE + n * 3_600_000).toISOString()
  const m = /^(.+?) <(.+)>$/.exec(c.author ?? DEFAULT_AUTHOR) as RegExpExecArray
  const env = { GIT_AUTHOR_NAME: m[1], GIT_AUTHOR_EMAIL: m[2], GIT_COMMITTER_NAME: m[1], GIT_COMMITTER_EMAIL: m[2], GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
  await git(root, ['commit', '-q', '--allow-empty', '--no-verify', '-m', c.message], env)
}

/**
 * Build each scenario repo as a real git repository under `dir` (one folder per name) from its
 * list of commits. A secret committed and deleted later stays in the history, as in real life.
 */
export async function createRepos(spec: ReposSpec | undefined, dir: string): Promise<{ repos: Record<string, string> }> {
  const repos: Record<string, string> = {}
  for (const [name, repo] of Object.entries(spec ?? {})) {
    const root = resolve(dir, name)
    await rm(root, { recursive: true, force: true })
    await mkdir(root, { recursive: true })
    await git(root, ['init', '-q', '-b', repo.branch])
    for (let n = 0; n < repo.commits.length; n++) await commit(root, repo.commits[n], n)
    repos[name] = join(root)
  }
  return { repos }
}
