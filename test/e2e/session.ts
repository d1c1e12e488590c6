import type { Browser, BrowserContext, Page } from 'playwright-core'
import { runDone } from '../../electron/core/api/checks'
import { callCore } from '../helpers/call'
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

/** A 1×1 PNG, and a page that would run script if the app ever rendered it (attachments are hostile input). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
export const HOSTILE = Buffer.from('<!doctype html><script>document.title = "pwned"</script>')

/**
 * The demo engagement after a full sprint run (dns.hosts fails: the second nameserver serves an
 * old address), with the reset-email item failed by hand and both files attached. Its id.
 */
export async function demoAfterRun(session: LabSession): Promise<string> {
  const call = <T>(method: string, input?: unknown) => callCore<T>(session.server.core, method, input)
  const id = (await call<{ id: string }>('createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www', 'app', 'api', 'staging', 'docs'] })).id
  await call('startSprint', { engagementId: id })
  await runDone((await call<{ runId: string }>('runSprint', { engagementId: id })).runId)
  await call('recordVerdict', {
    engagementId: id,
    itemId: 'reset-email-inbox',
    verdict: 'fail',
    note: 'inbox screenshot and the export',
    attachments: [
      { name: 'inbox.png', mime: 'image/png', dataBase64: PNG.toString('base64') },
      { name: 'export.html', mime: 'text/html', dataBase64: HOSTILE.toString('base64') },
    ],
  })
  return id
}

