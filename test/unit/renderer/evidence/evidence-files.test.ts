import { describe, expect, it } from 'vitest'
import { matchRecorded, recordedFiles } from '../../../../renderer/src/store/evidenceFiles'

const H1 = 'a'.repeat(64)
const H2 = 'b'.repeat(64)
const row = (id: number, sha256: string, itemId = 'reset-email-inbox') => ({ id, itemId, name: `stored-${id}`, sha256, size: 10, mime: 'application/octet-stream', createdAt: '2026-12-07T12:00:00.000Z' })

describe("a verdict's attachments on the evidence screen", () => {
  it('reads the files a verdict recorded, ignoring anything not shaped as one', () => {
    const data = {
      itemId: 'reset-email-inbox',
      attachments: [{ name: 'inbox.png', sha256: H1, size: 70, mime: 'image/png' }, { name: 'bad.txt', sha256: '../../etc/passwd' }, 'x', null, { name: 7, sha256: H2 }],
    }
    expect(recordedFiles(data)).toEqual({ itemId: 'reset-email-inbox', files: [{ name: 'inbox.png', sha256: H1, size: 70, mime: 'image/png' }] })
    for (const d of [null, 'text', { itemId: 'x' }, { itemId: 'x', attachments: [] }, { attachments: [{ name: 'a', sha256: H1 }] }]) expect(recordedFiles(d)).toBeNull()
  })

  it("matches each recorded file to a stored one of that item by its hash, in the evidence's order and names", () => {
    const rec = recordedFiles({ itemId: 'reset-email-inbox', attachments: [{ name: 'b.html', sha256: H2, size: 5, mime: 'text/html' }, { name: 'a.png', sha256: H1, size: 5, mime: 'image/png' }, { name: 'gone.pdf', sha256: 'c'.repeat(64), size: 1, mime: 'application/pdf' }] })!
    // a file of the same hash stored for another item is not this one's
    const { found, missing } = matchRecorded(rec, [row(1, H1), row(2, H2), row(3, 'c'.repeat(64), 'other-item')])
    expect(found.map((f) => [f.id, f.name, f.mime])).toEqual([
      [2, 'b.html', 'text/html'],
      [1, 'a.png', 'image/png'],
    ])
    expect(missing).toEqual(['gone.pdf'])
  })
})
