import { existsSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SprintService } from '../../../electron/core/sprint/service'
import { attachmentPath } from '../../../electron/core/sprint/attachments'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { tempDir } from '../../helpers/tmp'

let ws: Workspace
let sprints: SprintService
let cleanup: () => void
const t0 = new Date('2026-11-24T08:00:00Z')
const at = (h: number) => new Date(t0.getTime() + h * 3_600_000)

beforeEach(() => {
  const t = tempDir()
  cleanup = t.cleanup
  ws = openWorkspace(t.dir)
  sprints = new SprintService(ws)
  ws.engagements.create({ domain: 'acme.example', hosts: ['www', 'app'], founderEmail: 'ada@acme.example' } as never)
})
afterEach(() => {
  ws.close()
  cleanup()
})

/** Record check results the way the runner stores them. */
function recordResults(results: [string, string, string][], when: Date) {
  const e = ws.engagements.get('acme.example')
  const run = `run-${when.getTime()}`
  ws.db.prepare("INSERT INTO check_runs (id, engagement_id, started_at, finished_at, status) VALUES (?, ?, ?, ?, 'finished')").run(run, e.id, when.toISOString(), when.toISOString())
  for (const [checkId, target, status] of results) {
    ws.db
      .prepare("INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, finished_at) VALUES (?, ?, ?, ?, ?, ?, '{}', 5, ?)")
      .run(run, e.id, checkId, target, status, `${checkId} ${status}`, when.toISOString())
  }
}

describe('the 48-hour sprint', () => {
  it('starts the clock with four blocks and refuses a second running sprint', () => {
    const s = sprints.start('acme.example', undefined, t0)
    expect(s.msLeft).toBe(48 * 3_600_000)
    expect(s.blocks.map((b) => b.state)).toEqual(['current', 'upcoming', 'upcoming', 'upcoming'])
    expect(s.items.every((i) => i.status === 'todo')).toBe(true)
    expect(() => sprints.start('acme.example', undefined, t0)).toThrow(/already running/)
    const later = sprints.status('acme.example', at(13))
    expect(later.blocks.map((b) => b.state)).toEqual(['done', 'current', 'upcoming', 'upcoming'])
    expect(later.blocks[1].msLeft).toBe(11 * 3_600_000)
  })

  it('derives item status from the latest check results and ranks risks by impact', () => {
    sprints.start('acme.example', undefined, t0)
    recordResults([['http.https', 'www.acme.example', 'fail'], ['http.https', 'acme.example', 'pass'], ['http.canonical', 'acme.example', 'pass'], ['mail.spf', 'acme.example', 'warn'], ['dns.hosts', 'acme.example', 'error']], at(1))
    const s = sprints.status('acme.example', at(1))
    const item = (id: string) => s.items.find((i) => i.id === id)!
    expect(item('https-redirects').status).toBe('fail')
    expect(item('canonical-host').status).toBe('pass')
    expect(item('email-auth')).toMatchObject({ status: 'pass', warnings: 1 })
    expect(item('hosts-resolve').status).toBe('blocked')
    expect(s.risks[0]).toMatchObject({ itemId: 'https-redirects', severity: 'launch-blocker', rank: 1 })
    expect(s.risks.findIndex((r) => r.itemId === 'email-auth')).toBeGreaterThan(s.risks.findIndex((r) => r.itemId === 'hosts-resolve'))
    expect(s.risks.some((r) => r.itemId === 'canonical-host')).toBe(false)

    recordResults([['http.https', 'www.acme.example', 'pass']], at(2))
    expect(sprints.status('acme.example', at(2)).items.find((i) => i.id === 'https-redirects')!.status).toBe('pass')
  })

  it('lets the consultant reorder the fix list and annotate risks', () => {
    sprints.start('acme.example', undefined, t0)
    sprints.setItem('acme.example', 'preview-hidden', { fixOrder: 1, riskNote: 'Investor demo on staging tomorrow', owner: 'Ada' }, at(1))
    const s = sprints.status('acme.example', at(1))
    expect(s.risks[0]).toMatchObject({ itemId: 'preview-hidden', note: 'Investor demo on staging tomorrow', rank: 1 })
    expect(s.items.find((i) => i.id === 'preview-hidden')!.owner).toBe('Ada')
  })

  it('waives with reason, who accepted and expiry; an expired waiver reopens the item', () => {
    sprints.start('acme.example', undefined, t0)
    recordResults([['dns.dnssec', 'acme.example', 'warn'], ['http.hsts', 'acme.example', 'fail']], at(1))
    expect(() => sprints.waive('acme.example', 'hsts-headers', { reason: 'x', acceptedBy: 'Ada', expiresAt: '2026-12-01' }, at(1))).toThrow(/reason/)
    expect(() => sprints.waive('acme.example', 'hsts-headers', { reason: 'Needs CDN change', acceptedBy: 'Ada', expiresAt: '2020-01-01' }, at(1))).toThrow(/future/)
    expect(() => sprints.waive('acme.example', 'no-such-item', { reason: 'Needs CDN change', acceptedBy: 'Ada', expiresAt: '2026-12-01' }, at(1))).toThrow(/no item/)
    let s = sprints.waive('acme.example', 'hsts-headers', { reason: 'Needs a CDN plan change next month', acceptedBy: 'Ada (founder)', expiresAt: '2026-12-01T00:00:00Z' }, at(1))
    const item = s.items.find((i) => i.id === 'hsts-headers')!
    expect(item.status).toBe('waived')
    expect(item.waiver).toMatchObject({ acceptedBy: 'Ada (founder)' })
    expect(s.risks.some((r) => r.itemId === 'hsts-headers')).toBe(false)
    s = sprints.status('acme.example', new Date('2026-12-02T00:00:00Z'))
    expect(s.items.find((i) => i.id === 'hsts-headers')).toMatchObject({ status: 'fail', waiverExpired: true })
    // The sprint's start and the waiver are both in the chain.
    expect(ws.db.prepare('SELECT kind FROM evidence ORDER BY seq').pluck().all()).toEqual(['sprint.started', 'waiver'])
    expect(ws.evidence.verify(ws.engagements.get('acme.example').id)).toMatchObject({ ok: true, count: 2 })
  })

  it('takes a manual verdict only with a note or attachment, storing files by hash', () => {
    sprints.start('acme.example', undefined, t0)
    expect(() => sprints.verdict('acme.example', 'reset-email-inbox', { verdict: 'pass' }, at(2))).toThrow(/add a note or attach/)
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    const s = sprints.verdict('acme.example', 'reset-email-inbox', { verdict: 'pass', note: 'Gmail and Outlook inbox', attachments: [{ name: '../../etc/gmail.png', bytes: png, mime: 'image/png' }] }, at(2))
    expect(s.items.find((i) => i.id === 'reset-email-inbox')).toMatchObject({ status: 'pass', source: 'person', notes: 'Gmail and Outlook inbox' })
    const [a] = sprints.attachments('acme.example', 'reset-email-inbox')
    expect(a).toMatchObject({ name: 'gmail.png', size: 7, mime: 'image/png' })
    const path = attachmentPath(ws.dir, a.sha256)
    expect(existsSync(path)).toBe(true)
    expect([...readFileSync(path)]).toEqual([...png])
    expect(() => attachmentPath(ws.dir, '../../etc/passwd')).toThrow(/not an attachment hash/)
    const ev = ws.db.prepare("SELECT body FROM evidence WHERE kind = 'manual-verdict'").pluck().get() as string
    expect(ev).toContain(a.sha256)
  })

  it('refuses oversized attachments with a clear message and stores nothing', () => {
    sprints.start('acme.example', undefined, t0)
    const big = new Uint8Array(26 * 1024 * 1024)
    expect(() => sprints.verdict('acme.example', 'alert-drill', { verdict: 'pass', attachments: [{ name: 'big.mov', bytes: big }] }, at(2))).toThrow(/limited to 25 MB/)
    expect(sprints.attachments('acme.example')).toEqual([])
  })
})
