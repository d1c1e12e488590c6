import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { exportEngagement, importEngagement } from '../../../electron/core/workspace/transfer'
import { SprintService } from '../../../electron/core/sprint/service'
import { tempDir } from '../../helpers/tmp'

let a: Workspace
let b: Workspace
const cleanups: (() => void)[] = []

beforeEach(() => {
  const ta = tempDir()
  const tb = tempDir()
  cleanups.push(ta.cleanup, tb.cleanup)
  a = openWorkspace(ta.dir)
  b = openWorkspace(tb.dir)
  const e = a.engagements.create({ domain: 'move.example', hosts: ['www'], clientName: 'Move Co' } as never)
  const sprints = new SprintService(a)
  sprints.start(e.id)
  a.evidence.append(e.id, [
    { kind: 'dns', label: 'A www', checkId: 'dns.hosts', target: 'www.move.example', status: 'pass', data: { answers: ['127.0.0.1'] } },
    { kind: 'http', label: 'GET /', checkId: 'http.https', status: 'fail', data: { status: 200 } },
  ])
  sprints.verdict(e.id, 'alert-drill', { verdict: 'pass', note: 'SMS arrived', attachments: [{ name: 'sms.png', bytes: new Uint8Array([1, 2, 3, 4]) }] })
  sprints.waive(e.id, 'dnssec', { reason: 'Registrar has no DS support', acceptedBy: 'Founder', expiresAt: new Date(Date.now() + 86_400_000 * 30).toISOString() })
})
afterEach(() => {
  a.close()
  b.close()
  cleanups.splice(0).forEach((c) => c())
})

function tamper(bytes: Buffer, fn: (doc: { tables: Record<string, Record<string, unknown>[]>; attachments: { dataBase64: string }[] }) => void): Buffer {
  const doc = JSON.parse(gunzipSync(bytes).toString())
  fn(doc)
  return gzipSync(JSON.stringify(doc))
}

describe('engagement export and import', () => {
  it('round-trips evidence, hashes, sprint, waivers and attachments into another workspace', () => {
    const out = exportEngagement(a, 'move.example')
    expect(out.evidence).toBe(4)
    const r = importEngagement(b, out.bytes)
    expect(r).toMatchObject({ domain: 'move.example', evidence: 4 })
    expect(b.evidence.verify(r.id)).toMatchObject({ ok: true, count: 4, head: (a.evidence.verify(r.id) as { head: string }).head })
    const s = new SprintService(b).status('move.example')
    expect(s.items.find((i) => i.id === 'dnssec')!.status).toBe('waived')
    expect(s.items.find((i) => i.id === 'alert-drill')!.status).toBe('pass')
    expect(new SprintService(b).attachments('move.example')).toMatchObject([{ name: 'sms.png', size: 4 }])
    expect(b.engagements.get('move.example').hosts.map((h) => h.name)).toEqual(['move.example', 'www.move.example'])
  })

  it('refuses a tampered evidence body, a cut chain, or a swapped attachment, importing nothing', () => {
    const { bytes } = exportEngagement(a, 'move.example')
    const body = tamper(bytes, (d) => {
      d.tables.evidence[1].body = String(d.tables.evidence[1].body).replace('"status":200', '"status":301')
    })
    expect(() => importEngagement(b, body)).toThrow(/tampered export: evidence item 2/)
    const cut = tamper(bytes, (d) => {
      d.tables.evidence.pop()
    })
    expect(() => importEngagement(b, cut)).toThrow(/cut short/)
    const swapped = tamper(bytes, (d) => {
      d.attachments[0].dataBase64 = Buffer.from([9, 9, 9]).toString('base64')
    })
    expect(() => importEngagement(b, swapped)).toThrow(/attachment .* does not match/)
    expect(() => importEngagement(b, Buffer.from('not gzip'))).toThrow(/not a Handover Console engagement export/)
    expect(b.engagements.list()).toEqual([])
  })

  it('refuses to import over an engagement with the same domain', () => {
    const { bytes } = exportEngagement(a, 'move.example')
    expect(() => importEngagement(a, bytes)).toThrow(/already in this workspace/)
  })

  it('refuses to export a broken chain', () => {
    const id = a.engagements.get('move.example').id
    a.db.pragma('ignore_check_constraints = ON')
    a.db.exec('DROP TRIGGER evidence_no_update')
    a.db.prepare("UPDATE evidence SET body = replace(body, 'SMS arrived', 'SMS lost') WHERE engagement_id = ?").run(id)
    expect(() => exportEngagement(a, id)).toThrow(/evidence chain is broken at item 3/)
  })

  it('carries the check settings, and imports files exported before they existed', () => {
    a.engagements.update({ id: 'move.example', patch: { dkimSelectors: ['s1', 'k2'], routes: ['/pricing'] } })
    const { bytes } = exportEngagement(a, 'move.example')
    expect(b.engagements.get(importEngagement(b, bytes).id)).toMatchObject({ dkimSelectors: ['s1', 'k2'], routes: ['/pricing'] })

    // An older app's export: the engagement row has no dkim_selectors or routes at all.
    const c = tempDir()
    cleanups.push(c.cleanup)
    const ws = openWorkspace(c.dir)
    try {
      const old = tamper(bytes, (d) => {
        delete d.tables.engagements[0].dkim_selectors
        delete d.tables.engagements[0].routes
      })
      const r = importEngagement(ws, old)
      expect(r).toMatchObject({ domain: 'move.example', evidence: 4 })
      expect(ws.engagements.get(r.id)).toMatchObject({ clientName: 'Move Co', dkimSelectors: [], routes: [] })
    } finally {
      ws.close()
    }
  })
})
