import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tmp'
import { runCli } from '../helpers/cli'

const tmp = tempDir('handover-cli-audit-')
afterAll(() => tmp.cleanup())

const MINE = ['dns.delegation', 'dns.hosts', 'dns.dangling', 'dns.caa', 'dns.dnssec', 'mail.mx', 'mail.spf', 'mail.dkim', 'mail.dmarc', 'mail.mta-sts']

const cli = (args: string[]) => runCli(tmp.dir, args)

interface AuditDoc {
  domain: string
  startedAt: string
  finishedAt: string
  durationMs: number
  checks: { id: string; target: string; status: string; summary: string; durationMs: number; evidenceId: number | null }[]
}

describe('handover audit --lab', () => {
  it('healthy: the DNS and mail checks all pass (false-positive guard)', async () => {
    const r = await cli(['audit', '--lab', 'healthy', '--checks', MINE.join(','), '--json', '--no-progress'])
    const doc = JSON.parse(r.stdout) as AuditDoc
    console.log(doc.checks.map((c) => `${c.status} ${c.id} ${c.target}: ${c.summary}`).join('\n'))
    expect(Object.keys(doc).sort()).toEqual(['checks', 'domain', 'durationMs', 'finishedAt', 'startedAt'])
    expect(doc.domain).toBe('tidy.example')
    expect(new Set(doc.checks.map((c) => c.id))).toEqual(new Set(MINE))
    for (const c of doc.checks) {
      expect(c.status, `${c.id} ${c.target}: ${c.summary}`).toBe('pass')
      expect(c.evidenceId).toBeGreaterThan(0)
    }
    expect(r.code).toBe(0)
  })

  it('demo: every planted DNS and mail fault is found (see resources/scenarios/demo.yaml)', async () => {
    const r = await cli(['audit', '--lab', 'demo', '--checks', MINE.join(','), '--json', '--no-progress'])
    const doc = JSON.parse(r.stdout) as AuditDoc
    console.log(doc.checks.map((c) => `${c.status} ${c.id} ${c.target}: ${c.summary}`).join('\n'))
    const status = (id: string, target = 'acme-launch.example') => doc.checks.find((c) => c.id === id && c.target === target)?.status
    expect(status('dns.delegation')).toBe('pass')
    expect(status('dns.hosts', 'app.acme-launch.example')).toBe('warn')
    expect(status('dns.hosts', 'www.acme-launch.example')).toBe('pass')
    expect(status('dns.hosts', 'docs.acme-launch.example')).toBe('fail')
    expect(status('dns.dangling')).toBe('fail')
    expect(status('dns.caa')).toBe('warn')
    expect(status('dns.dnssec')).toBe('warn')
    expect(status('mail.mx')).toBe('pass')
    expect(status('mail.spf')).toBe('fail')
    expect(status('mail.dmarc')).toBe('warn')
    expect(status('mail.dkim')).toBe('warn')
    expect(status('mail.mta-sts')).toBe('warn')
    expect(doc.checks.find((c) => c.id === 'mail.spf')?.summary).toMatch(/\b(1[1-9]|[2-9]\d) DNS-querying terms/)
    expect(r.code).toBe(1)
  })

  it('hostile: every DNS and mail check ends error or fail, each within its timeout', async () => {
    const r = await cli(['audit', '--lab', 'hostile', '--checks', MINE.join(','), '--json', '--no-progress'])
    const doc = JSON.parse(r.stdout) as AuditDoc
    console.log(doc.checks.map((c) => `${c.status} ${c.id} ${c.target} (${c.durationMs} ms): ${c.summary}`).join('\n'))
    console.log(`hostile audit wall time ${doc.durationMs} ms, slowest check ${Math.max(...doc.checks.map((c) => c.durationMs))} ms`)
    expect(new Set(doc.checks.map((c) => c.id))).toEqual(new Set(MINE))
    for (const c of doc.checks) {
      expect(['error', 'fail'], `${c.id} ${c.target}: ${c.status} ${c.summary}`).toContain(c.status)
      expect(c.summary.length).toBeGreaterThan(10)
      expect(c.durationMs).toBeLessThanOrEqual(30_000 + 1000)
    }
    expect(r.code).toBe(1)
  })

  it('human output groups by area and ends with a summary line', async () => {
    const r = await cli(['audit', '--lab', 'healthy', '--checks', 'mail.spf,dns.caa', '--no-progress'])
    expect(r.stdout).toMatch(/^Audit of tidy\.example\n\nDNS\n {2}ok {4}dns\.caa: .*\n\nMAIL\n {2}ok {4}mail\.spf: /)
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^2 checks in \d+\.\d s: 2 passed, 0 warnings, 0 failed, 0 errors, 0 skipped$/)
    expect(r.code).toBe(0)
  })

  it('bad input exits 2', async () => {
    expect((await cli(['audit', 'not a domain', '--json'])).code).toBe(2)
    expect((await cli(['audit', '--json'])).code).toBe(2)
    expect((await cli(['audit', 'x.example', '--connect-to', 'nonsense'])).code).toBe(2)
    expect((await cli(['audit', '--lab', 'no-such-scenario'])).code).toBe(2)
    expect((await cli(['audit', '--lab', 'healthy', '--checks', 'no.such'])).code).toBe(2)
  })
})
