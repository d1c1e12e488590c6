import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, session, shell } from 'electron'
import { join } from 'node:path'
import { createCore } from '../core/api'
import { projectRoot } from '../core/paths'
import { openWorkspace } from '../core/workspace'
import { forwardEvents, makeSenderCheck, registerIpc } from './ipc'
import { createDesktop } from './desktop'
import { notifyRunEnds } from './notify'
import { resolveWorkspaceLocation, writeWorkspaceChoice } from '../core/workspace/choice'
import { menuTemplate } from './menu'
import { hardenContents, hardenSession, windowOptions } from './security'
import { appLocation, isAppUrl } from './app-url'

app.enableSandbox()
// A packaged app keeps templates, runbooks, scenarios and fonts under its resources folder.
if (app.isPackaged) process.env.HANDOVER_ROOT ??= process.resourcesPath
app.setName('Handover Console')

// The dev server only in an unpackaged run; a packaged app always loads its own index.html.
const renderer = appLocation({ isPackaged: app.isPackaged, env: process.env, rendererDir: join(__dirname, '../renderer') })

let mainWindow: BrowserWindow | undefined

if (!app.requestSingleInstanceLock()) app.quit()

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})

app.on('web-contents-created', (_e, contents) => hardenContents(contents, (url) => void shell.openExternal(url), (url) => isAppUrl(renderer, url)))

app.whenReady().then(() => {
  hardenSession(session.defaultSession)
  const flag = process.argv.find((a) => a.startsWith('--workspace='))?.slice('--workspace='.length)
  const workspace = openWorkspace(resolveWorkspaceLocation({ flag, env: process.env.HANDOVER_WORKSPACE, appDataDir: app.getPath('userData') }))
  const desktop = createDesktop({
    shell,
    showSaveDialog: (o) => (mainWindow ? dialog.showSaveDialog(mainWindow, o) : dialog.showSaveDialog(o)),
    showOpenDialog: (o) => (mainWindow ? dialog.showOpenDialog(mainWindow, o) : dialog.showOpenDialog(o)),
    switchWorkspace: async (dir) => {
      writeWorkspaceChoice(app.getPath('userData'), dir)
      // a --workspace flag would win over the choice after the restart: drop it
      app.relaunch({ args: process.argv.slice(1).filter((a) => !a.startsWith('--workspace=')) })
      app.quit()
    },
    defaultDir: app.getPath('downloads'),
  })
  const core = createCore(workspace, 'electron', undefined, undefined, undefined, desktop)
  registerIpc(ipcMain, core, makeSenderCheck(renderer), (m) => console.warn(`[ipc] ${m}`))
  forwardEvents(core, () => mainWindow?.webContents)
  notifyRunEnds(core, {
    isFocused: () => !!mainWindow?.isFocused(),
    show: (title, body) => Notification.isSupported() && new Notification({ title, body, silent: false }).show(),
  })
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate((command) => core.events.emit({ type: 'menu.command', command }), {
        isMac: process.platform === 'darwin',
        isDev: !!renderer.devOrigin,
        openDocs: () => void shell.openPath(join(projectRoot(), 'docs')),
      }),
    ),
  )

  const createWindow = () => {
    mainWindow = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')))
    mainWindow.once('ready-to-show', () => mainWindow?.show())
    if (renderer.devOrigin) void mainWindow.loadURL(renderer.url)
    else void mainWindow.loadFile(renderer.indexFile)
  }
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('will-quit', () => workspace.close())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
