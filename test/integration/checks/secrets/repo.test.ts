import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check } from '../../../../electron/core/checks/secrets/repo'
import type { CheckContext, CheckServices } from '../../../../electron/core/checks/types'
import { DEFAULT_THRESHOLDS } from '../../../../electron/core/checks/types'
import { DEFAULT_PROFILE } from '../../../../electron/core/net/profile'
import { tempDir } from '../../../helpers/tmp'

const STRIPE = 'sk_live_' + '51HqZk2Lm9Np4Rt7Vw1Yb3Cd5Ef'
const GITHUB = 'ghp_' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z9876'
const tmp = tempDir('handover-secrets-repo-')

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' })
}

function makeRepo(name: string, commits: { files: Record<string, string | null>; message: string }[]): string {
  const repo = join(tmp.dir, name)
  mkdirSync(repo, { recursive: true })
  git(repo, 'init', '-q', '-b', 'main')
  for (const c of commits) {
    for (const [f, content] of Object.entries(c.files)) {
      const p = join(repo, f)
      if (content === null) rmSync(p)
      else {
        mkdirSync(join(p, '..'), { recursive: true })
        writeFileSync(p, content)
      }
    }
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', c.message)
  }
  return repo
}

function ctx(repos: Record<string, string> | undefined): CheckContext {
  return {
    engagement: { id: 'e1', domain: 'shop.test' } as CheckContext['engagement'],
    domain: 'shop.test',
    target: 'e1',
    profile: DEFAULT_PROFILE,
    thresholds: DEFAULT_THRESHOLDS,
    signal: AbortSignal.timeout(60_000),
    // secrets.repo uses only `repos`; the other services are never touched.
    services: { repos } as unknown as CheckServices,
  }
}

let leaky = ''
let clean = ''
let head = ''
beforeAll(() => {
  leaky = makeRepo('leaky', [
    { message: 'init', files: { 'README.md': '# shop\n', 'src/pay.ts': `export const key = "${STRIPE}"\n` } },
    { message: 'remove key', files: { 'src/pay.ts': 'export const key = process.env.STRIPE_KEY\n' } },
    { message: 'ci', files: { '.github/workflows/ci.yml': `env:\n  TOKEN: ${GITHUB}\n` } },
  ])
  head = git(leaky, 'rev-list', '--max-parents=0', 'HEAD').trim()
  clean = makeRepo('clean', [{ message: 'init', files: { 'src/index.ts': 'export const hello = "world"\n', '.env.example': 'STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxx\n' } }])
})
afterAll(() => tmp.cleanup())

describe('secrets.repo', () => {
  it('fails on a key still in history though removed from the tree, with commit, path and line, masked', async () => {
    const r = await check.run(ctx({ shop: leaky }))
    expect(r.status).toBe('fail')
    const findings = r.details!.findings as { rule: string; commit?: string; path: string; line: number; masked: string; inWorkingTree: boolean }[]
    const stripe = findings.find((f) => f.rule === 'stripe-live-key')!
    expect(stripe).toMatchObject({ commit: head, path: 'src/pay.ts', line: 1, masked: 'sk_l…[redacted]' })
    // Still in the tree: one finding, naming the commit that introduced it.
    const gh = findings.filter((f) => f.rule === 'github-token')
    expect(gh).toHaveLength(1)
    expect(gh[0]).toMatchObject({ path: '.github/workflows/ci.yml', line: 2, inWorkingTree: true })
    expect(gh[0].commit).toMatch(/^[0-9a-f]{40}$/)
    expect(r.summary).toMatch(/1 only in commit history/)
    const all = JSON.stringify(r)
    expect(all).not.toContain(STRIPE)
    expect(all).not.toContain(GITHUB)
    expect(r.summary).toMatch(/Stripe live secret key/)
  })

  it('passes a clean repository (placeholders are not secrets)', async () => {
    const r = await check.run(ctx({ shop: clean }))
    expect(r.status).toBe('pass')
    expect(r.evidence?.[0].kind).toBe('secrets.scan')
  })

  it('skips without a configured repository and errors on a path that is not a repository', async () => {
    expect((await check.run(ctx(undefined))).status).toBe('skip')
    const notRepo = join(tmp.dir, 'not-a-repo')
    mkdirSync(notRepo)
    const r = await check.run(ctx({ x: notRepo }))
    expect(r.status).toBe('error')
    expect(r.summary).toMatch(/Could not scan/)
  })
})
