import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../electron/core/evidence/canonical'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { tempDir } from '../../helpers/tmp'

let ws: Workspace
let cleanup: () => void
let id: string
beforeEach(() => {
  const t = tempDir()
  cleanup = t.cleanup
  ws = openWorkspace(t.dir)
  id = ws.engagements.create({ domain: 'chain.example' } as never).id
})
afterEach(() => {
  ws.close()
  cleanup()
})

describe('canonical JSON', () => {
  it('sorts keys, drops undefined and is stable', () => {
    expect(canonicalJson({ b: 1, a: [true, null, undefined], c: undefined, d: 'é' })).toBe('{"a":[true,null,null],"b":1,"d":"é"}')
    expect(canonicalJson({ x: { z: 1, y: 2 } })).toBe(canonicalJson({ x: { y: 2, z: 1 } }))
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/)
  })
})

describe('evidence hash chain', () => {
  it('links every item to the previous one and verifies', () => {
    const ids = ws.evidence.append(id, [
      { kind: 'dns', label: 'one', data: { a: 1 } },
      { kind: 'dns', label: 'two', data: { a: 2 } },
    ])
    ws.evidence.append(id, [{ kind: 'http', label: 'three', data: { b: 3 } }])
    const first = ws.evidence.get(ids[0])!
    const second = ws.evidence.get(ids[1])!
    expect(first.prevHash).toBe('0'.repeat(64))
    expect(second.prevHash).toBe(first.hash)
    expect(second.data).toEqual({ a: 2 })
    expect(ws.evidence.verify(id)).toMatchObject({ ok: true, count: 3 })
  })

  it('is append-only: updates are refused by the database', () => {
    ws.evidence.append(id, [{ kind: 'dns', label: 'one', data: {} }])
    expect(() => ws.db.prepare("UPDATE evidence SET label = 'x'").run()).toThrow(/append-only/)
  })

  it('names the first broken link when a body is altered or an item removed', () => {
    ws.evidence.append(id, [1, 2, 3, 4].map((n) => ({ kind: 'k', label: `n${n}`, data: { n } })))
    ws.db.exec('DROP TRIGGER evidence_no_update')
    ws.db.prepare('UPDATE evidence SET body = replace(body, \'"n":3\', \'"n":33\') WHERE seq = 3').run()
    expect(ws.evidence.verify(id)).toMatchObject({ ok: false, seq: 3, count: 2, reason: expect.stringMatching(/altered/) })
    // Evidence leaves only with its engagement; an attacker who drops the trigger is still seen.
    expect(() => ws.db.prepare('DELETE FROM evidence WHERE seq = 2').run()).toThrow(/append-only/)
    ws.db.exec('DROP TRIGGER evidence_no_delete')
    ws.db.prepare('DELETE FROM evidence WHERE seq = 2').run()
    expect(ws.evidence.verify(id)).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/missing/) })
  })

  it('keeps chains per engagement', () => {
    const other = ws.engagements.create({ domain: 'other.example' } as never).id
    ws.evidence.append(id, [{ kind: 'k', label: 'a', data: 1 }])
    ws.evidence.append(other, [{ kind: 'k', label: 'b', data: 2 }])
    expect(ws.evidence.verify(other)).toMatchObject({ ok: true, count: 1 })
    expect(ws.evidence.get(ws.evidence.append(other, [{ kind: 'k', label: 'c', data: 3 }])[0])!.seq).toBe(2)
  })
})
