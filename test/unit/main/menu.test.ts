import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '@shared/events'
import { menuTemplate } from '../../../electron/main/menu'

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const i of items) {
    if (i.label === label) return i
    const sub = Array.isArray(i.submenu) ? find(i.submenu, label) : undefined
    if (sub) return sub
  }
  return undefined
}

describe('application menu', () => {
  it('sends the app commands to the renderer and keeps the standard roles', () => {
    const sent: MenuCommand[] = []
    const t = menuTemplate((c) => sent.push(c), { isMac: false, isDev: false, openDocs: () => undefined })
    ;(find(t, 'New Engagement')!.click as () => void)()
    ;(find(t, 'Commands…')!.click as () => void)()
    ;(find(t, 'Settings')!.click as () => void)()
    expect(sent).toEqual(['new-engagement', 'palette', 'settings'])
    expect(find(t, 'New Engagement')!.accelerator).toBe('CmdOrCtrl+N')
    expect(t.map((m) => m.role ?? m.label)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help'])
  })

  it('has no reload or devtools outside development, and an app menu on macOS', () => {
    const prod = JSON.stringify(menuTemplate(() => undefined, { isMac: true, isDev: false, openDocs: () => undefined }))
    expect(prod).not.toMatch(/toggleDevTools|"reload"/)
    expect(prod).toContain('appMenu')
    expect(JSON.stringify(menuTemplate(() => undefined, { isMac: false, isDev: true, openDocs: () => undefined }))).toContain('toggleDevTools')
  })
})
