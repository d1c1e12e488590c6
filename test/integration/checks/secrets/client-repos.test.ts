import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CheckStore } from '../../../../electron/core/checks/persist'
import { runAudit } from '../../../../electron/core/checks/runner'
import { EventBus } from '../../../../electron/core/events'
import { openWorkspace } from '../../../../electron/core/workspace'
import { startLab, type Lab } from '../../../../electron/lab'
import { tempDir } from '../../../helpers/tmp'
import { runCli } from '../../../helpers/cli'

type Repo = { name: string; source: string; cloned: boolean; historyChunks: number }

let lab: Lab
const tmp = tempDir('handover-client-repos-')
beforeAll(async () => {
  lab = await startLab('demo')
})
afterAll(async () => {
  await lab.close()
  tmp.cleanup()
})

/** secrets.repo alone for an engagement of the demo domain with these repositories, in a workspace folder. */
async function scanRepos(repos: string[], dir: string) {
  const ws = openWorkspace(join(tmp.dir, dir))
  try {
    const engagement = ws.engagements.create({ domain: 'acme-launch.example', repos })
    const r = await runAudit({ workspace: ws, events: new EventBus(), engagement, profile: lab.profile, checkIds: ['secrets.repo'] })
    const c = r.checks[0]
    return { ...c, details: new CheckStore(ws.db, ws.evidence).getResult(c.resultId!)!.details as { repositories: Repo[]; findings: { commit?: string; path: string; inWorkingTree: boolean }[] }, dir: ws.dir }
  } finally {
    ws.close()
  }
}

describe('secrets.repo on the client’s repositories (engagement setting)', () => {
  it('a repository given by path is scanned with its history', async () => {
    const r = await scanRepos([lab.endpoints.repos['acme-web']], 'by-path')
    expect(r.status).toBe('fail')
    expect(r.details.repositories).toEqual([expect.objectContaining({ name: 'acme-web', cloned: false })])
    expect(r.details.findings.some((f) => !f.inWorkingTree && /^[0-9a-f]{40}$/.test(f.commit ?? ''))).toBe(true)
  })

  it('a repository given by clone URL is cloned from the sandbox over git smart HTTP into the workspace and scanned with history', async () => {
    const url = lab.endpoints.repoUrls['acme-web']
    // a name like a client's git host, routed to the sandbox by a connect-to rule (never a loopback literal)
    expect(url).toBe('http://git.acme-launch.example/acme-web.git')
    const r = await scanRepos([url], 'by-url')
    expect(r.status, r.summary).toBe('fail')
    expect(r.summary).toMatch(/AWS/)
    expect(r.details.repositories).toEqual([expect.objectContaining({ name: 'acme-web', source: url, cloned: true })])
    expect(r.details.repositories[0].historyChunks).toBeGreaterThan(1)
    expect(r.details.findings.some((f) => !f.inWorkingTree && /^[0-9a-f]{40}$/.test(f.commit ?? ''))).toBe(true)
    // The clone lives in the workspace's repos folder.
    expect(readdirSync(join(r.dir, 'repos'))).toHaveLength(1)
  })

  it('a clone URL that answers nothing is a clear error, never a pass', async () => {
    const r = await scanRepos([lab.endpoints.repoUrls['acme-web'].replace('acme-web', 'no-such-repo')], 'missing')
    expect(r.status).toBe('error')
    expect(r.summary).toMatch(/^Could not scan repository "no-such-repo": git clone of http:\/\/git\.acme-launch\.example\/no-such-repo\.git failed: repository 'http:\/\/git\.acme-launch\.example\/no-such-repo\.git\/' not found$/)
    expect(existsSync(join(r.dir, 'repos'))).toBe(true)
  })

  it('the CLI refuses a repository that is neither an absolute path nor an https:// URL, and one with credentials in it', async () => {
    for (const bad of ['relative/path', 'git@github.com:acme/app.git', 'https://user:pw@github.com/acme/app.git']) {
      const r = await runCli(join(tmp.dir, 'cli'), ['audit', 'acme-launch.example', '--repo', bad, '--checks', 'secrets.repo', '--no-progress'])
      expect([bad, r.code]).toEqual([bad, 2])
      expect(r.stdout + r.stderr).not.toContain('pw@')
    }
  })
})
