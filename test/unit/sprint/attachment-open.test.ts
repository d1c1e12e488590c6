import { chmodSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SprintService } from '../../../electron/core/sprint/service'
import { attachmentPath, previewType } from '../../../electron/core/sprint/attachments'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { tempDir } from '../../helpers/tmp'

let ws: Workspace
let sprints: SprintService
let cleanup: () => void

beforeEach(() => {
  const t = tempDir()
  cleanup = t.cleanup
  ws = openWorkspace(t.dir)
  sprints = new SprintService(ws)
  ws.engagements.create({ domain: 'acme.example', hosts: ['www'] } as never)
  ws.engagements.create({ domain: 'other.example', hosts: [] } as never)
  sprints.start('acme.example')
})
afterEach(() => {
  ws.close()
  cleanup()
})

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 7)])
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')
const html = Buffer.from('<!doctype html><script>alert(1)</script>')

describe('opening a manual item attachment', () => {
  it('previews only raster images told by their bytes; SVG, HTML and a lying MIME type are download-only', () => {
    expect(previewType(png)).toBe('image/png')
    expect(previewType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(10)]))).toBe('image/jpeg')
    expect(previewType(Buffer.from('GIF89a______'))).toBe('image/gif')
    expect(previewType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(previewType(svg)).toBeNull()
    expect(previewType(html)).toBeNull()
    expect(previewType(png.subarray(0, 4))).toBeNull()

    sprints.verdict('acme.example', 'reset-email-inbox', {
      verdict: 'fail',
      note: 'inbox screenshots',
      attachments: [
        { name: 'inbox.png', bytes: png, mime: 'image/png' },
        { name: 'logo.svg', bytes: svg, mime: 'image/svg+xml' },
        { name: 'looks-like.png', bytes: html, mime: 'image/png' },
      ],
    })
    const [a, b, c] = sprints.attachments('acme.example', 'reset-email-inbox')
    const opened = sprints.readAttachment('acme.example', a.id)
    expect(opened).toMatchObject({ name: 'inbox.png', size: png.length, previewType: 'image/png' })
    expect(Buffer.from(opened.dataBase64, 'base64').equals(png)).toBe(true)
    expect(sprints.readAttachment('acme.example', b.id).previewType).toBeNull()
    expect(sprints.readAttachment('acme.example', c.id).previewType).toBeNull()
  })

  it("refuses another engagement's attachment, an unknown id, and a file changed on disk after it was recorded", () => {
    sprints.verdict('acme.example', 'reset-email-inbox', { verdict: 'pass', attachments: [{ name: 'inbox.png', bytes: png }] })
    const [a] = sprints.attachments('acme.example')
    expect(() => sprints.readAttachment('other.example', a.id)).toThrow(/no attachment/)
    expect(() => sprints.readAttachment('acme.example', 9999)).toThrow(/no attachment/)
    const path = attachmentPath(ws.dir, a.sha256)
    chmodSync(path, 0o600)
    writeFileSync(path, html)
    expect(() => sprints.readAttachment('acme.example', a.id)).toThrow(/no longer match the hash/)
  })
})
