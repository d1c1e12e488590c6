import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/events'

/**
 * The application menu: the app's own commands (sent to the renderer as menu.command events)
 * plus the standard edit, view and window roles. Pure, so it is unit-tested without Electron.
 */
export function menuTemplate(send: (c: MenuCommand) => void, o: { isMac: boolean; isDev: boolean; openDocs: () => void }): MenuItemConstructorOptions[] {
  const app: MenuItemConstructorOptions[] = o.isMac
    ? [{ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { label: 'Settings…', accelerator: 'Cmd+,', click: () => send('settings') }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] }]
    : []
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Engagement', accelerator: 'CmdOrCtrl+N', click: () => send('new-engagement') },
      { label: 'Engagements', accelerator: 'CmdOrCtrl+1', click: () => send('engagements') },
      { label: 'Commands…', accelerator: 'CmdOrCtrl+K', click: () => send('palette') },
      ...(o.isMac ? [] : ([{ type: 'separator' }, { label: 'Settings', accelerator: 'Ctrl+,', click: () => send('settings') }, { type: 'separator' }, { role: 'quit' }] as MenuItemConstructorOptions[])),
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(o.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ label: 'Open the Documentation Folder', click: o.openDocs }] }
  return [...app, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help]
}
