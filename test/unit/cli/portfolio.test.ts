import { describe, expect, it } from 'vitest'
import { formatPortfolio, portfolioProgress } from '../../../electron/cli/portfolio'
import { runLimited } from '../../../electron/core/portfolio/limit'

describe('portfolio: concurrency limit, one progress display, summary table', () => {
  it('runs at most `limit` items at once, keeps input order, and isolates a failure', async () => {
    let active = 0
    let peak = 0
    const r = await runLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      active++
      peak = Math.max(peak, active)
      await new Promise((ok) => setImmediate(ok))
      active--
      if (n === 4) throw new Error('four failed\nwith a second line')
      return n * 10
    })
    expect(peak).toBe(3)
    expect(r.map((x) => (x.ok ? x.value : x.error))).toEqual([10, 20, 30, 'four failed', 50, 60, 70])
    expect(r[3].ok || r[3].cause).toBeInstanceOf(Error)
  })

  it('on a terminal redraws one line for every run together; elsewhere prints a line per finished domain', () => {
    let written = ''
    const tty = { isTTY: true, columns: 200, write: (s: string) => (written += s) } as unknown as NodeJS.WriteStream
    const lines: string[] = []
    const p = portfolioProgress(2, (l) => lines.push(l), tty)
    p.onEvent({ type: 'run.started', runId: 'a', engagementId: 'ea', total: 10 })
    p.onEvent({ type: 'run.started', runId: 'b', engagementId: 'eb', total: 5 })
    p.onEvent({ type: 'check.finished', runId: 'a', checkId: 'dns.hosts', target: 'a.example', status: 'pass', summary: '', done: 3, total: 10 })
    p.onEvent({ type: 'check.finished', runId: 'b', checkId: 'tls.cert', target: 'b.example', status: 'fail', summary: '', done: 2, total: 5 })
    p.finished({ domain: 'a.example', checks: [], durationMs: 10 })
    p.end()
    expect(written).not.toContain('\n')
    expect(written).toContain('[0/2 domains] 5/15 checks · tls.cert b.example')
    expect(written).toContain('[1/2 domains] 5/15 checks · a.example done')
    expect(lines).toEqual([])

    const plain = portfolioProgress(1, (l) => lines.push(l), { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream)
    plain.finished({ domain: 'a.example', checks: [{ status: 'fail' }, { status: 'pass' }], durationMs: 1500 })
    expect(lines).toEqual(['  [1/1] a.example: 2 checks, 1 failed or errored (1.5 s)'])
  })

  it('prints the worst domain first and a total line', () => {
    const t = formatPortfolio(
      [
        { domain: 'fine.example', checks: [{ status: 'pass' }, { status: 'warn' }], durationMs: 1000 },
        { domain: 'broken.example', checks: [{ status: 'fail' }], durationMs: 2000 },
        { domain: 'gone.example', checks: [], durationMs: 0, error: 'no such lab' },
      ],
      2500,
    ).split('\n')
    expect(t.slice(1, 4).map((l) => l.split(/\s+/)[0])).toEqual(['gone.example', 'broken.example', 'fine.example'])
    expect(t[1]).toMatch(/could not run: no such lab/)
    expect(t.at(-1)).toBe('3 domains, 3 checks in 2.5 s: 2 with failures or errors.')
  })
})
