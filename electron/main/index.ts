import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCore } from '../core/api'
import { projectRoot } from '../core/paths'
import { openWorkspace } from '../core/workspace'
import { forwardEvents, makeSenderCheck, registerIpc } from './ipc'
import { createDesktop } from './desktop'
import { resolveWorkspaceLocation, writeWorkspaceChoice } from '../core/workspace/choice'
import { menuTemplate } from './menu'
import { hardenContents, hardenSession, windowOptions } from './security'

app.enableSandbox()
// A packaged app keeps templates, runbooks, scenarios and fonts under its resources folder.
if (app.isPackaged) process.env.HANDOVER_ROOT ??= process.resourcesPath
app.setName('Handover Console')

const rendererDir = join(__dirname, '../renderer')
const devUrl = process.env.ELECTRON_RENDERER_URL
const fileUrlPrefix = pathToFileURL(rendererDir).toString()
const isAppUrl = (url: string) => (devUrl ? url.startsWith(devUrl) : url.startsWith(fileUrlPrefix))

let mainWindow: BrowserWindow | undefined

if (!app.requestSingleInstanceLock()) app.quit()

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})

app.on('web-contents-created', (_e, contents) => hardenContents(contents, (url) => void shell.openExternal(url), isAppUrl))

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
  registerIpc(ipcMain, core, makeSenderCheck({ devUrl, fileUrlPrefix }), (m) => console.warn(`[ipc] ${m}`))
  forwardEvents(core, () => mainWindow?.webContents)
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate((command) => core.events.emit({ type: 'menu.command', command }), {
        isMac: process.platform === 'darwin',
        isDev: !!devUrl,
        openDocs: () => void shell.openPath(join(projectRoot(), 'docs')),
      }),
    ),
  )

  const createWindow = () => {
    mainWindow = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')))
    mainWindow.once('ready-to-show', () => mainWindow?.show())
    if (devUrl) void mainWindow.loadURL(devUrl)
    else void mainWindow.loadFile(join(rendererDir, 'index.html'))
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
