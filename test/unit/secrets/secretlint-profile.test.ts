import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { secretlintMatches } from '../../../electron/core/secrets/secretlint'

// An AWS secret access key the preset reports, so its rules really run (split so no scanner flags this file).
const LEAKY = `AWS_SECRET_ACCESS_KEY=${'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYz9Qw3Tq8Lm'}\n`

describe('secretlint in a long-running app', () => {
  it('finds secrets without leaving marks on the performance timeline, however many texts it scans', async () => {
    expect((await secretlintMatches(LEAKY, '.env')).length).toBeGreaterThan(0)
    const before = performance.getEntriesByType('mark').length + performance.getEntriesByType('measure').length
    for (let i = 0; i < 50; i++) await secretlintMatches(LEAKY, `${i}.env`)
    const after = performance.getEntriesByType('mark').length + performance.getEntriesByType('measure').length
    expect(after - before).toBe(0)
  })
})
