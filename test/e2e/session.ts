import type { Browser, BrowserContext, Page } from 'playwright-core'
import { memoryCredentialSource } from '../../electron/core/vault/sources'
import { startLab, type Lab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { launchChromium, newPage } from './harness'

/** A fresh workspace served in browser mode against the demo sandbox, with Chromium on it. */
export interface LabSession {
  lab: Lab
  server: BrowserServer
  browser: Browser
  context: BrowserContext
  page: Page
  /** Page and console errors so far (a test ends with expect(pageErrors).toEqual([])). */
  pageErrors: string[]
  workspaceDir: string
  close(): Promise<void>
}

/** Start the demo sandbox, a server on a temp workspace that uses it, and a light-mode page. */
export async function startLabSession(prefix: string): Promise<LabSession> {
  const ws = tempDir(prefix)
  const lab = await startLab('demo')
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  const server = await startServer({ workspaceDir: ws.dir, port: 0, profile: lab.profile, credentials })
  const browser = await launchChromium()
  const pageErrors: string[] = []
  const { context, page } = await newPage(browser, pageErrors)
  return {
    lab,
    server,
    browser,
    context,
    page,
    pageErrors,
    workspaceDir: ws.dir,
    async close() {
      await context.close()
      await browser.close()
      await server.close()
      await lab.close()
      ws.cleanup()
    },
  }
}
