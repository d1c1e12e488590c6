import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SaveDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDesktop, type SaveDialog } from '../../../electron/main/desktop'
import { tempDir } from '../../helpers/tmp'

let tmp: { dir: string; cleanup(): void }
let zip: string
beforeEach(() => {
  tmp = tempDir('handover-desktop-')
  zip = join(tmp.dir, 'acme-20260101-100000.zip')
  writeFileSync(zip, 'PK\u0003\u0004 the bundle')
})
afterEach(() => tmp.cleanup())

/** A stand-in for dialog.showSaveDialog: records what it was asked, answers as told. */
function fakeDialog(answer: { canceled: boolean; filePath?: string }) {
  const asked: SaveDialogOptions[] = []
  const show: SaveDialog = async (o) => (asked.push(o), answer)
  return { show, asked }
}

const noShell = { openPath: async () => '' }

describe('native desktop actions (Electron shell and dialog, injected)', () => {
  it('opens a folder with the OS, and turns its error message into a failure a person can read', async () => {
    const opened: string[] = []
    const ok = createDesktop({ shell: { openPath: async (p) => (opened.push(p), '') }, showSaveDialog: fakeDialog({ canceled: true }).show, defaultDir: tmp.dir })
    await ok.openPath('/w/bundles/acme')
    expect(opened).toEqual(['/w/bundles/acme'])
    const broken = createDesktop({ shell: { openPath: async () => 'Failed to open path' }, showSaveDialog: fakeDialog({ canceled: true }).show, defaultDir: tmp.dir })
    await expect(broken.openPath('/w/bundles/gone')).rejects.toMatchObject({ code: 'unavailable', message: 'the OS could not open /w/bundles/gone: Failed to open path' })
  })

  it('asks where to save, starting in the default folder with the suggested name, and copies the zip there', async () => {
    const dest = join(tmp.dir, 'copy for the founder.zip')
    const d = fakeDialog({ canceled: false, filePath: dest })
    const saved = await createDesktop({ shell: noShell, showSaveDialog: d.show, defaultDir: '/home/me/Downloads' }).saveFileAs(zip, 'acme-20260101-100000.zip')
    expect(saved).toBe(dest)
    expect(readFileSync(dest, 'utf8')).toBe('PK\u0003\u0004 the bundle')
    expect(d.asked).toHaveLength(1)
    expect(d.asked[0]).toMatchObject({ defaultPath: '/home/me/Downloads/acme-20260101-100000.zip', filters: [{ extensions: ['zip'] }] })
  })

  it('copies nothing when the dialog is cancelled', async () => {
    const copies: string[] = []
    const desktop = createDesktop({ shell: noShell, showSaveDialog: fakeDialog({ canceled: true, filePath: join(tmp.dir, 'x.zip') }).show, defaultDir: tmp.dir, copy: async (_f, to) => void copies.push(to) })
    expect(await desktop.saveFileAs(zip, 'b.zip')).toBeNull()
    expect(copies).toEqual([])
    expect(existsSync(join(tmp.dir, 'x.zip'))).toBe(false)
  })

  it('leaves the original alone when the person picks the zip itself', async () => {
    const copies: string[] = []
    const desktop = createDesktop({ shell: noShell, showSaveDialog: fakeDialog({ canceled: false, filePath: zip }).show, defaultDir: tmp.dir, copy: async (_f, to) => void copies.push(to) })
    expect(await desktop.saveFileAs(zip, 'b.zip')).toBe(zip)
    expect(copies).toEqual([])
    expect(readFileSync(zip, 'utf8')).toBe('PK\u0003\u0004 the bundle')
  })
})
