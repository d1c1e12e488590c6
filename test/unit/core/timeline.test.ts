import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { timelineCount, timelinePage } from '../../../electron/core/evidence/timeline'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { tempDir } from '../../helpers/tmp'

let ws: Workspace
let cleanup: () => void
let id: string
beforeEach(() => {
  const t = tempDir()
  cleanup = t.cleanup
  ws = openWorkspace(t.dir)
  id = ws.engagements.create({ domain: 'tl.example' } as never).id
  const items = Array.from({ length: 250 }, (_, i) => ({
    kind: i % 2 ? 'dns' : 'http',
    label: `item ${i}`,
    checkId: ['dns.hosts', 'http.https', 'tls.cert'][i % 3],
    target: i % 5 === 0 ? 'www.tl.example' : 'tl.example',
    status: i % 7 === 0 ? 'fail' : 'pass',
    data: { i },
  }))
  ws.evidence.append(id, items)
})
afterEach(() => {
  ws.close()
  cleanup()
})

describe('evidence timeline', () => {
  it('pages newest first with keyset pagination and no overlaps', () => {
    const seen: number[] = []
    let before: number | undefined
    for (let page = 0; page < 10; page++) {
      const p = timelinePage(ws.db, { engagementId: id, before, limit: 100 })
      seen.push(...p.rows.map((r) => r.seq))
      if (!p.next) break
      before = p.next
    }
    expect(seen).toHaveLength(250)
    expect(seen[0]).toBe(250)
    expect(new Set(seen).size).toBe(250)
  })

  it('filters by check, host, status and kind together', () => {
    const f = { engagementId: id, checkId: 'dns.hosts', target: 'www.tl.example', status: 'fail' }
    const p = timelinePage(ws.db, { ...f, limit: 500 })
    expect(p.rows.length).toBeGreaterThan(0)
    expect(p.rows.every((r) => r.checkId === 'dns.hosts' && r.target === 'www.tl.example' && r.status === 'fail')).toBe(true)
    expect(timelineCount(ws.db, f)).toBe(p.rows.length)
    expect(timelineCount(ws.db, { engagementId: id, kind: 'dns' })).toBe(125)
  })

  it('treats filter values as data, never SQL', () => {
    expect(timelinePage(ws.db, { engagementId: id, checkId: "x' OR 1=1 --" }).rows).toEqual([])
  })

  it('matches a check family by its prefix, and searches labels, checks, hosts and kinds', () => {
    // "http" + fail: the http family's failures, not nothing because no check is called "http"
    const family = timelinePage(ws.db, { engagementId: id, checkId: 'http', status: 'fail', limit: 500 }).rows
    expect(family.length).toBeGreaterThan(0)
    expect(family.every((r) => r.checkId === 'http.https' && r.status === 'fail')).toBe(true)
    // a family is whole labels: "htt" is not "http"
    expect(timelineCount(ws.db, { engagementId: id, checkId: 'htt' })).toBe(0)
    expect(timelineCount(ws.db, { engagementId: id, q: 'ITEM 24' })).toBe(11)
    expect(timelineCount(ws.db, { engagementId: id, q: 'www.tl' })).toBe(50)
    // LIKE's wildcards typed by a person match themselves
    expect(timelineCount(ws.db, { engagementId: id, q: '%' })).toBe(0)
    expect(timelineCount(ws.db, { engagementId: id, q: '_' })).toBe(0)
  })
})
