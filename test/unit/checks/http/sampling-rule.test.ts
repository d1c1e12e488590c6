import { describe, expect, it } from 'vitest'
import { binomialTail, settled, side } from '../../../../electron/core/checks/http/lib/sampler'
import { percentile } from '../../../../electron/core/checks/http/lib/stats'

const targets = { passMs: 300, warnMs: 500 }
const verdict = (ms: number[]) => {
  const p95 = percentile(ms, 95)
  return p95 > targets.warnMs ? 'fail' : p95 > targets.passMs ? 'warn' : 'pass'
}

describe('http.routes early-stop rule', () => {
  it('computes binomial tails', () => {
    expect(binomialTail(8, 0.05, 0)).toBeCloseTo(1, 10)
    expect(binomialTail(8, 0.05, 8)).toBeCloseTo(0.05 ** 8, 15)
    expect(binomialTail(8, 0.05, 3)).toBeCloseTo(0.00578, 4)
    expect(binomialTail(10, 0.05, 3)).toBeGreaterThan(0.01)
  })

  it('calls a p95 over a target only when too many samples exceed it for a p95 at the target (1% error)', () => {
    expect(side([...Array(6).fill(100), 600, 600], 500)).toBeUndefined()
    expect(side([...Array(5).fill(100), 600, 600, 600], 500)).toBe('over')
    expect(side([...Array(7).fill(100), 600, 600, 600], 500)).toBeUndefined()
  })

  it('calls it under a target only with every sample at most two thirds of it', () => {
    expect(side(Array(8).fill(200), 300)).toBe('under')
    expect(side([...Array(7).fill(200), 201], 300)).toBeUndefined()
  })

  it('settles pass, warn and fail only as the plain p95 of the same samples would call them', () => {
    const cases: [number[], boolean][] = [
      [Array(8).fill(155), true], // fast behind a 150 ms round trip
      [[410, 420, 430, 440, 450, 460, 470, 490], false], // p95 near the warn target: sample on
      [[320, 330, 320, 310, 330, 320, 330, 330], true], // clearly over pass, clearly under warn
      [[520, 560, 600, 540, 580, 590, 530, 550], true], // clearly slow
      [[100, 100, 100, 100, 100, 100, 100, 290], false], // one sample near the pass target
    ]
    for (const [ms, done] of cases) {
      expect(settled(ms, targets), String(ms)).toBe(done)
      // Whatever the rule settles agrees with the p95 of the samples taken.
      if (done) expect(verdict(ms)).toBe(verdict([...ms, ...ms]))
    }
  })

  it('never settles with samples on both sides of a target in a way the p95 could still cross', () => {
    // Property over random sample sets: when settled, every extension of the samples by values
    // between their own min and max keeps the same verdict.
    let seed = 7
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 2000; i++) {
      const base = 50 + rnd() * 700
      const ms = Array.from({ length: 8 + Math.floor(rnd() * 12) }, () => Math.round(base * (0.8 + rnd() * 0.5)))
      if (!settled(ms, targets)) continue
      const lo = Math.min(...ms)
      const hi = Math.max(...ms)
      expect(verdict([...ms, lo, lo])).toBe(verdict(ms))
      expect(verdict([...ms, hi, hi])).toBe(verdict(ms))
    }
  })
})
