import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CheckStore } from '../../../electron/core/checks/persist'
import { runAudit } from '../../../electron/core/checks/runner'
import { EventBus } from '../../../electron/core/events'
import { openWorkspace } from '../../../electron/core/workspace'
import { startLab, parseScenario, type Lab } from '../../../electron/lab'
import { startGitHttp, type GitHttpServer } from '../../../electron/lab/git/http'
import { tempDir } from '../../helpers/tmp'
import { setTripwire, type Tripwire } from '../../helpers/tripwire'

/**
 * The git clone of a client repository obeys the egress policy every other check obeys: a clone
 * URL whose name resolves to a private address, or that is a private literal, is refused before
 * git connects; an engagement allowance reaches it and says so; a redirect is not followed.
 */
const SCENARIO = `
name: inward-git
domains: [inward.test]
hosts:
  - { name: inward.test, role: apex }
dns:
  zones:
    inward.test:
      nameservers: [{ name: ns1.inward.test, ip: 127.0.53.41 }]
      records:
        - { name: '@', type: A, data: 127.0.80.41 }
        - { name: git, type: A, data: 127.0.0.1 }
        - { name: redir, type: A, data: 127.0.0.1 }
`

const tmp = tempDir('handover-clone-egress-')
let demo: Lab
let lab: Lab
let git: GitHttpServer
let redirect: http.Server
let redirectHits = 0
let wire: Tripwire

type Repo = { name: string; cloned: boolean; historyChunks: number; privateTarget?: { address: string; range: string; allowedBy: string } }

/** secrets.repo alone for an engagement of inward.test with these repositories and allowances. */
async function scan(repos: string[], privateTargets: string[] = []) {
  const ws = openWorkspace(join(tmp.dir, `ws-${Math.random().toString(36).slice(2)}`))
  try {
    const engagement = ws.engagements.create({ domain: 'inward.test', repos, privateTargets })
    const r = await runAudit({ workspace: ws, events: new EventBus(), engagement, profile: lab.profile, checkIds: ['secrets.repo'] })
    const c = r.checks[0]
    const details = new CheckStore(ws.db, ws.evidence).getResult(c.resultId!)!.details as { repositories?: Repo[] } | undefined
    return { ...c, details }
  } finally {
    ws.close()
  }
}

beforeAll(async () => {
  demo = await startLab('demo')
  git = await startGitHttp(demo.endpoints.repos, 'git.inward.test')
  redirect = http.createServer((req, res) => {
    redirectHits += 1
    res.writeHead(302, { location: `http://169.254.169.254${req.url ?? '/'}` }).end()
  })
  await new Promise<void>((r) => redirect.listen(0, '127.0.0.1', r))
  lab = await startLab(parseScenario(SCENARIO, 'inward-git.yaml'))
  wire = setTripwire()
})
afterAll(async () => {
  wire.restore()
  await git.close()
  await new Promise((r) => redirect.close(r))
  await lab.close()
  await demo.close()
  tmp.cleanup()
})

describe('git clone under the egress policy', () => {
  it('a clone URL whose name resolves to loopback is refused before git connects', async () => {
    const r = await scan([`http://git.inward.test:${git.port}/acme-web.git`])
    expect(r.status).toBe('error')
    expect(r.summary).toMatch(/^Could not scan repository "acme-web": not cloned: git\.inward\.test \(127\.0\.0\.1\) is a loopback address; checks do not connect there/)
    expect(git.requests).toBe(0)
  })

  it('a loopback literal is refused too', async () => {
    const r = await scan([`http://127.0.0.1:${git.port}/acme-web.git`])
    expect(r.status).toBe('error')
    expect(r.summary).toMatch(/not cloned: 127\.0\.0\.1 is a loopback address/)
    expect(git.requests).toBe(0)
  })

  it('with the engagement allowing the git host: cloned over the pinned address, scanned with history, and the allowance is in the result', async () => {
    const r = await scan([`http://git.inward.test:${git.port}/acme-web.git`], ['git.inward.test'])
    expect(r.status, r.summary).toBe('fail')
    expect(git.requests).toBeGreaterThan(0)
    const repo = r.details?.repositories?.[0]
    expect(repo).toMatchObject({ name: 'acme-web', cloned: true, privateTarget: { address: '127.0.0.1', range: 'loopback', allowedBy: 'git.inward.test' } })
    expect(repo!.historyChunks).toBeGreaterThan(1)
  })

  it('a redirect is not followed, even from an allowed host', async () => {
    const before = redirectHits
    const port = (redirect.address() as AddressInfo).port
    const r = await scan([`http://redir.inward.test:${port}/acme-web.git`], ['redir.inward.test'])
    expect(r.status).toBe('error')
    expect(r.summary).toMatch(/git clone of http:\/\/redir\.inward\.test:\d+\/acme-web\.git failed/)
    expect(redirectHits).toBeGreaterThan(before)
    // git never went where the redirect pointed
    expect(wire.stopped).toEqual([])
    expect(wire.seen.filter((s) => s.startsWith('169.254.'))).toEqual([])
  })
})
