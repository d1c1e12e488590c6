import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempDir } from '../helpers/tmp'
import { handover } from '../helpers/cli'
import { portfolioDomains, writePortfolioScenario } from '../helpers/portfolio-lab'
import { machine, record, round } from './results'

const tmp = tempDir('handover-bench-portfolio-')
afterAll(() => tmp.cleanup())

const DOMAINS = 20

describe('portfolio benchmark: the built CLI, as a consultancy runs it', () => {
  it('audit.all: `handover audit --all` over 20 sandbox engagements, wall time vs one domain', async () => {
    const scenario = writePortfolioScenario(tmp.dir, DOMAINS)
    const ws = join(tmp.dir, 'ws')
    const domains = portfolioDomains(DOMAINS)
    const args = (...a: string[]) => ['--workspace', ws, ...a, '--lab', scenario, '--no-progress']
    // Creates the 20 engagements (and warms the OS caches); not timed. Exit 1 is a failed check
    // (http.routes times itself: a loaded machine can fail it), 2 or a crash would be a bug.
    const ran = (code: number | null) => code === 0 || code === 1
    expect(ran((await handover(args('audit', ...domains, '--json'), { timeoutMs: 300_000 })).code)).toBe(true)
    let t0 = performance.now()
    const one = await handover(args('audit', domains[0], '--json'), { timeoutMs: 300_000 })
    const oneMs = performance.now() - t0
    expect(ran(one.code)).toBe(true)
    t0 = performance.now()
    const all = await handover(args('audit', '--all'), { timeoutMs: 300_000 })
    const allMs = performance.now() - t0
    expect(ran(all.code), all.stderr).toBe(true)
    const rows = all.stdout.split('\n').filter((l) => /^shop\d\d\.example\s+\d+/.test(l))
    expect(rows).toHaveLength(DOMAINS)
    const checks = Number(/(\d+) checks in/.exec(all.stdout)?.[1] ?? 0)
    const ratio = allMs / oneMs
    record('audit.all', {
      value: round(allMs / 1000, 2),
      unit: 's',
      target: '<= 5 × one domain',
      met: ratio <= 5,
      detail: {
        domains: DOMAINS,
        checks,
        concurrency: 4,
        allMs: round(allMs, 0),
        oneDomainMs: round(oneMs, 0),
        ratio: round(ratio, 2),
        note: 'wall time of the built bin (process start, lab start, audits, one table) for `audit --all` and for one domain, same sandbox scenario (test/helpers/portfolio-lab.ts)',
        ...machine(),
      },
    })
  })
})
