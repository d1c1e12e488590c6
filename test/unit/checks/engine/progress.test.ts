import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { auditProgress, formatAudit } from '../../../../electron/cli/progress'

describe('audit output', () => {
  it('groups results by area with a summary line', () => {
    const text = formatAudit({
      domain: 'example.com',
      durationMs: 1234,
      checks: [
        { id: 'dns.caa', target: 'example.com', status: 'warn', summary: 'No CAA.' },
        { id: 'dns.hosts', target: 'www.example.com', status: 'pass', summary: 'ok' },
        { id: 'mail.spf', target: 'example.com', status: 'fail', summary: '+all' },
      ],
    })
    expect(text).toMatch(/^DNS\n {2}warn {2}dns\.caa: No CAA\.\n {2}ok {4}dns\.hosts \[www\.example\.com\]: ok\n\nMAIL\n {2}FAIL {2}mail\.spf: \+all/m)
    expect(text.split('\n').at(-1)).toBe('3 checks in 1.2 s: 1 passed, 1 warnings, 1 failed, 0 errors, 0 skipped')
  })

  it('prints a line per finished check when stderr is not a terminal', () => {
    let out = ''
    const s = new PassThrough().on('data', (d) => (out += d)) as unknown as NodeJS.WriteStream
    const p = auditProgress(s)
    p.onEvent({ type: 'check.started', runId: 'r', checkId: 'dns.caa', target: 'x' })
    p.onEvent({ type: 'check.finished', runId: 'r', checkId: 'dns.caa', target: 'x', status: 'warn', summary: '', done: 1, total: 2 })
    p.end()
    expect(out).toBe('  [1/2] warn dns.caa x\n')
  })
})
