import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createRepos, reposSchema } from '../../../electron/lab/git'

/** Real git repos from a scenario's `repos:` section, inspected with the git CLI itself. */
const dirs: string[] = []
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'handover-git-'))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } })

// Assembled at run time so this file itself never holds a key-shaped literal.
const AWS_ID = ['AKIA', 'QX7Z', 'LAB4', 'K2MN', 'P9RT'].join('')

const SPEC = reposSchema.parse({
  web: {
    commits: [
      { message: 'Initial commit', files: { 'README.md': '# Launch\n', 'src/app.ts': 'export const app = 1\n' } },
      { message: 'Add deploy config', files: { 'config/aws.ts': `export const accessKeyId = '${AWS_ID}'\n` } },
      { message: 'Remove hard-coded AWS key', delete: ['config/aws.ts'], files: { 'src/app.ts': 'export const app = 2\n' }, author: 'Casey Consultant <casey@handover.example>' },
    ],
  },
  empty: { branch: 'trunk', commits: [{ message: 'Start' }] },
})

describe('createRepos', () => {
  it('builds real repositories whose history still holds the removed secret', async () => {
    const { repos } = await createRepos(SPEC, tmp())
    const web = repos.web
    expect(existsSync(join(web, '.git'))).toBe(true)
    expect(git(web, 'log', '--format=%s').trim().split('\n')).toEqual(['Remove hard-coded AWS key', 'Add deploy config', 'Initial commit'])
    expect(existsSync(join(web, 'config/aws.ts'))).toBe(false)
    expect(readFileSync(join(web, 'src/app.ts'), 'utf8')).toBe('export const app = 2\n')
    // The secret's file is gone from HEAD's tree (the next test finds it in history).
    expect(git(web, 'ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n')).toEqual(['README.md', 'src/app.ts'])
  }, 30_000)

  it('the removed secret is visible in git log -p, with the commit that added it', async () => {
    const { repos } = await createRepos(SPEC, tmp())
    const log = git(repos.web, 'log', '-p', '--format=commit %H %s')
    expect(log).toContain(`+export const accessKeyId = '${AWS_ID}'`)
    expect(log).toContain(`-export const accessKeyId = '${AWS_ID}'`)
    expect(git(repos.web, 'log', '-S', AWS_ID, '--format=%s').trim().split('\n')).toEqual(['Remove hard-coded AWS key', 'Add deploy config'])
    expect(git(repos.web, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Casey Consultant <casey@handover.example>')
    expect(git(repos.empty, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('trunk')
  }, 30_000)

  it('is reproducible: fixed dates and identities give the same commit hashes', async () => {
    const a = await createRepos(SPEC, tmp())
    const b = await createRepos(SPEC, tmp())
    expect(git(a.repos.web, 'rev-parse', 'HEAD')).toBe(git(b.repos.web, 'rev-parse', 'HEAD'))
    expect(git(a.repos.web, 'log', '-1', '--format=%aI').trim()).toBe('2026-01-05T11:00:00+00:00')
  }, 30_000)

  it('refuses file paths that escape the repository', async () => {
    const bad = reposSchema.parse({ evil: { commits: [{ message: 'x', files: { '../outside.txt': 'no' } }] } })
    await expect(createRepos(bad, tmp())).rejects.toThrow(/inside the repository/)
    const git = reposSchema.parse({ evil: { commits: [{ message: 'x', files: { '.git/hooks/post-commit': 'no' } }] } })
    await expect(createRepos(git, tmp())).rejects.toThrow(/inside the repository/)
  })

  it('no repos section → no repos', async () => {
    expect(await createRepos(undefined, tmp())).toEqual({ repos: {} })
  })
})
