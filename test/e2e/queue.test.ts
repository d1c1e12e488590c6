import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { dispatch } from '../../electron/core/api'
import { runDone } from '../../electron/core/api/checks'
import { loadScenario, startLab, type Lab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, newPage, openApp, shot } from './harness'

/**
 * The offline queue on screen: on a network whose resolver answers NXDOMAIN to every name (a
 * captive portal), an audit's network checks wait; the Engagements screen and the engagement's
 * page say what waits and why, and "Run them now" starts exactly those checks again.
 */
let browser: Browser
let context: BrowserContext
let page: Page
let lab: Lab
let server: BrowserServer
const ws = tempDir('handover-e2e-queue-')
const pageErrors: string[] = []

beforeAll(async () => {
  const s = structuredClone(loadScenario('healthy'))
  s.dns.resolver = { faults: [{ name: '*', kind: 'nxdomain' }] }
  lab = await startLab(s)
  server = await startServer({ workspaceDir: ws.dir, port: 0, profile: lab.profile })
  browser = await launchChromium()
  ;({ context, page } = await newPage(browser, pageErrors))
  await page.setViewportSize({ width: 1024, height: 700 })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await lab?.close()
  ws.cleanup()
})

const call = async <T,>(method: string, input: unknown): Promise<T> => {
  const r = await dispatch(server.core, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as T
}

describe('the offline queue', () => {
  it('shows what waits and why, on the list and the engagement, and runs it again on request', async () => {
    await openApp(page, server.newLaunchUrl())
    expect(await page.getByTestId('offline-queue').count()).toBe(0)
    const e = await call<{ id: string }>('createEngagement', { domain: 'tidy.example', clientName: 'Tidy' })
    const { runId } = await call<{ runId: string }>('runAudit', { engagementId: e.id, checkIds: ['mail.mx', 'dns.caa'] })
    await runDone(runId)

    // the indicator says the run waits, not that the client failed
    await expect.poll(() => page.getByText(/^Run finished: /).textContent()).toBe('Run finished: network not trusted, checks wait on Tidy')
    const card = page.getByTestId('offline-queue')
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1)
    expect(await card.getByRole('heading').textContent()).toBe('Waiting for a sound network 2 checks')
    const row = card.getByTestId('queue-row')
    expect(await row.textContent()).toMatch(/tidy\.example2 checks waiting since .*Run them nowThe network could not be trusted: \. NS got NXDOMAIN, expected the root zone’s name servers/)
    await row.getByText('Show the 2 waiting checks').click()
    expect(await row.locator('.queue-pairs li').allTextContents()).toEqual(expect.arrayContaining(['mail.mx · tidy.example', 'dns.caa · tidy.example']))
    await shot(page, 'queue-engagements-1024')
    await expectAccessible(page, 'engagements with the offline queue')

    // run them again: still on the lying network, so they wait again (listed once, since the oldest run)
    await row.getByRole('button', { name: 'Run them now' }).click()
    await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining('Running the 2 waiting checks again'))
    await expect.poll(async () => (await call<unknown[]>('listWaiting', {})).length, { timeout: 30_000 }).toBe(2)
    await expect.poll(() => card.getByRole('heading').textContent()).toBe('Waiting for a sound network 2 checks')

    // the engagement's own page shows its part, the domain as plain text
    await row.getByRole('button', { name: 'tidy.example' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tidy')
    expect(await page.getByTestId('offline-queue').getByTestId('queue-row').textContent()).toMatch(/^tidy\.example2 checks waiting/)
    await shot(page, 'queue-engagement-1024')
    await expectAccessible(page, 'engagement with the offline queue')
    expect(pageErrors).toEqual([])
  })
})
