import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forgetConsultant } from '../helpers/identity'
import { tempDir } from '../helpers/tmp'
import { runCli } from '../helpers/cli'
import { portfolioDomains, writePortfolioScenario } from '../helpers/portfolio-lab'
import { listChecks } from '../../electron/core/checks/registry'

const tmp = tempDir('handover-cli-portfolio-')
afterAll(async () => {
  await forgetConsultant(tmp.dir)
  tmp.cleanup()
})
const cli = (args: string[]) => runCli(tmp.dir, args)
// Every check but http.routes, whose verdict is a latency measurement (a busy test machine moves it;
// latency is the bench's business): the exit codes below must not depend on the machine's load.
const UNTIMED = ['--checks', listChecks().map((c) => c.meta.id).filter((id) => id !== 'http.routes').join(',')]

interface AuditDoc {
  domain: string
  checks: { id: string; target: string; status: string }[]
}

// A consultancy's past clients at once: several domains named on the command line, or every
// engagement with --all, against a sandbox that serves them all.
describe('handover audit <domain…> and --all', () => {
  let scenario = ''
  const [a, b, c, d] = portfolioDomains(4)
  beforeAll(() => {
    scenario = writePortfolioScenario(tmp.dir, 4)
  })

  it('audits several domains: one line of progress per domain, one summary table, exit 0 when nothing failed', async () => {
    const r = await cli(['audit', c, a, b, '--lab', scenario, '--concurrency', '2', ...UNTIMED])
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const progress = r.stderr.split('\n').filter((l) => /^ {2}\[\d\/3\] /.test(l))
    expect(progress.map((l) => l.replace(/^ {2}\[\d\/3\] (\S+):.*/, '$1')).sort()).toEqual([a, b, c])
    const table = r.stdout.split('\n')
    expect(table[0]).toMatch(/^DOMAIN\s+CHECKS\s+PASS\s+WARN\s+FAIL\s+ERROR\s+SKIP\s+TIME$/)
    expect(table.filter((l) => /^shop0\d\.example\s+\d+/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual([a, b, c])
    expect(r.stdout).toMatch(/^3 domains, \d+ checks in [\d.]+ s: nothing failed\.$/m)
  })

  it('--all audits every engagement in the workspace; --json prints one array of audit documents', async () => {
    expect((await cli(['engagement', 'add', d, '--hosts', 'www'])).code).toBe(0)
    const r = await cli(['audit', '--all', '--lab', scenario, '--json', ...UNTIMED])
    expect(r.code, r.stderr).toBe(0)
    const docs = JSON.parse(r.stdout) as AuditDoc[]
    expect(docs.map((x) => x.domain)).toEqual([a, b, c, d])
    for (const doc of docs) {
      expect(doc.checks.length).toBeGreaterThan(20)
      expect(doc.checks.filter((x) => x.status === 'fail' || x.status === 'error')).toEqual([])
    }
  })

  it('a domain the sandbox does not serve fails its own row, not the others; exit 1', async () => {
    const r = await cli(['audit', a, 'elsewhere.example', '--lab', scenario, '--checks', 'dns.hosts,http.https', '--json'])
    expect(r.code).toBe(1)
    const docs = JSON.parse(r.stdout) as AuditDoc[]
    expect(docs.find((x) => x.domain === a)?.checks.every((x) => x.status === 'pass')).toBe(true)
    expect(docs.find((x) => x.domain === 'elsewhere.example')?.checks.some((x) => x.status === 'fail' || x.status === 'error')).toBe(true)
  })

  it('bad input exits 2 before anything runs', async () => {
    for (const args of [
      ['audit', '--all', a],
      ['audit', a, 'not a domain'],
      ['audit', a, b, '--hosts', 'www'],
      ['audit', a, b, '--concurrency', '0'],
      ['audit', '--all', '--concurrency', 'many'],
    ]) {
      const r = await cli([...args, '--lab', scenario])
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect((await runCli(tempDir('handover-cli-portfolio-empty-').dir, ['audit', '--all'])).stderr).toMatch(/no engagements in this workspace yet/)
  })

  it('drift --all goes over every bundle this workspace built: one table, exit 1 only when one regressed', async () => {
    expect((await cli(['identity', 'set', '--name', 'Ada Consultant', '--email', 'ada@example.com', '--organisation', 'Ada Launch Studio'])).code).toBe(0)
    for (const x of [a, b]) expect((await cli(['bundle', '--out', join(tmp.dir, `bundle-${x}`), '--engagement', x])).code).toBe(0)
    const same = await cli(['drift', '--all', '--lab', scenario])
    expect(same.code, same.stdout + same.stderr).toBe(0)
    expect(same.stdout).toMatch(/^2 bundles: no regression\.$/m)
    const moved = await cli(['drift', '--all', '--lab', scenario, '--fix', 'move-shop02', '--json'])
    expect(moved.code).toBe(1)
    const reports = JSON.parse(moved.stdout) as { domain: string; regressions: number; findings: { headline: string }[] }[]
    expect(reports.map((r) => [r.domain, r.regressions])).toEqual([
      [a, 0],
      [b, 1],
    ])
    expect(reports[1].findings[0].headline).toMatch(/^shop02\.example now points to 127\.0\.82\.2 \(at handover: 127\.0\.81\.2\)/)
    expect((await cli(['drift', '--all', join(tmp.dir, 'bundle-x')])).code).toBe(2)
  })
})
