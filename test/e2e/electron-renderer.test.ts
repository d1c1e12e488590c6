import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { handoverApi } from '../../electron/core/api/handover'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { memoryStore, seededWorkspace } from '../unit/handover/fixture'
import { tempDir } from '../helpers/tmp'
import { consultantStore } from '../helpers/identity'
import { expectAccessible, launchChromium, newPage, shot, waitReady } from './harness'

/**
 * The renderer as Electron runs it: a `window.handover` bridge shaped like electron/preload
 * (one function per method answering Result objects, plus onEvent), installed before any page
 * script. Engine calls go to the real engine over the browser-mode API; the native actions
 * (folders, dialogs, relaunch) are recorded instead of run, and the app menu's commands are
 * sent as the main process sends them. The Electron binary cannot run here; this covers the
 * renderer's half of IPC: the ipc transport, the desktop-only buttons and the menu.
 */
function preloadShim(cfg: { token: string }): void {
  const w = globalThis as unknown as Record<string, unknown>
  const native: [string, unknown][] = []
  const listeners = new Set<(e: unknown) => void>()
  w.__native = native
  w.__emit = (e: unknown) => listeners.forEach((l) => l(e))
  const auth = { authorization: `Bearer ${cfg.token}` }
  const answers: Record<string, unknown> = {
    openBundleFolder: { opened: true },
    saveBundleCopy: { savedTo: '/home/founder/Downloads/handover.zip' },
    showWorkspaceFolder: { opened: true },
    changeWorkspace: { dir: '/srv/handover/next', relaunching: true },
  }
  const streamEvents = async () => {
    const res = await fetch('/api/events', { headers: auth })
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buf = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buf += value
      let cut
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const data = buf.slice(0, cut).split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n')
        buf = buf.slice(cut + 2)
        if (data) listeners.forEach((l) => l(JSON.parse(data)))
      }
    }
  }
  w.handover = new Proxy(
    {},
    {
      get(_t, name) {
        if (name === 'onEvent')
          return (cb: (e: unknown) => void) => {
            if (!listeners.size) void streamEvents()
            listeners.add(cb)
            return () => listeners.delete(cb)
          }
        if (typeof name !== 'string') return undefined
        return async (input?: unknown) => {
          if (name in answers) {
            native.push([name, input ?? null])
            return { ok: true, value: answers[name] }
          }
          const r = await fetch(`/api/${name}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) })
          const body = (await r.json()) as { ok: boolean; value: Record<string, unknown> }
          // what main answers in the desktop app
          if (body.ok && name === 'appInfo') body.value.mode = 'electron'
          if (body.ok && name === 'bundlePlace') body.value.desktop = true
          return body
        }
      },
    },
  )
}

let browser: Browser
let context: BrowserContext
let page: Page
let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let engagementId: string
const pageErrors: string[] = []

beforeAll(async () => {
  ws = tempDir('handover-e2e-electron-')
  const seeded = seededWorkspace(ws.dir)
  engagementId = seeded.engagement.id
  seeded.ws.close()
  server = await startServer({ workspaceDir: ws.dir, port: 0 })
  await handoverApi(server.core, await consultantStore(server.core.workspace, memoryStore())).createBundle({ engagementId })
  browser = await launchChromium()
  const opened = await newPage(browser, pageErrors)
  context = opened.context
  page = opened.page
  await page.addInitScript(preloadShim, { token: server.token })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  ws?.cleanup()
})

const native = () => page.evaluate('window.__native') as Promise<[string, unknown][]>
const h1 = () => page.getByRole('heading', { level: 1 }).textContent()

describe('the renderer in the desktop app (preload bridge, native actions, app menu)', () => {
  it('talks over the bridge, follows the app menu, and offers the native folder and save actions', async () => {
    // no #token: the bridge is the session
    await page.goto(server.origin + '/')
    await waitReady(page)
    expect(await page.getByText('Desktop', { exact: true }).count()).toBe(1)
    expect(await page.getByText('Browser mode').count()).toBe(0)

    // the application menu's commands, as main sends them over the event channel
    await page.evaluate(`window.__emit({ type: 'menu.command', command: 'new-engagement' })`)
    await expect.poll(() => page.getByRole('dialog', { name: 'New engagement' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await page.evaluate(`window.__emit({ type: 'menu.command', command: 'settings' })`)
    await expect.poll(h1).toBe('Settings')

    // Settings → Workspace: the OS shows the folder; another folder is chosen after a confirmation
    await page.getByRole('button', { name: 'Show in folder' }).click()
    await page.getByRole('button', { name: 'Use another folder…' }).click()
    const ask = page.getByRole('alertdialog')
    expect(await ask.textContent()).toContain('restarts with the workspace in the folder you choose')
    await shot(page, 'e1-settings-workspace-desktop')
    await expectAccessible(page, 'settings, desktop')
    await ask.getByRole('button', { name: 'Choose a folder…' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Restarting with the new workspace' }).count()).toBeGreaterThan(0)

    // Handover: Open folder and Save a copy… instead of the browser's download
    await page.evaluate(`location.hash = '#/engagements/${engagementId}/handover'`)
    await expect.poll(h1).toBe('Handover')
    await page.getByRole('button', { name: 'Open folder' }).click()
    await page.getByRole('button', { name: 'Save a copy…' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved a copy of the bundle' }).count()).toBeGreaterThan(0)
    expect(await page.getByRole('button', { name: 'Download .zip' }).count()).toBe(0)
    await shot(page, 'e2-handover-desktop')
    await expectAccessible(page, 'handover, desktop')

    const calls = await native()
    expect(calls.map(([m]) => m)).toEqual(['showWorkspaceFolder', 'changeWorkspace', 'openBundleFolder', 'saveBundleCopy'])
    // the renderer names the bundle; the engine decides the paths (never a path from the UI)
    expect(calls[2][1]).toEqual({ engagementId, bundle: expect.any(String) })
    expect(pageErrors).toEqual([])
  })
})
