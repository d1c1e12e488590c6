import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { runDone } from '../../electron/core/api/checks'
import { callCore } from '../helpers/call'
import { expectAccessible, openApp, shot } from './harness'
import { startLabSession, type LabSession } from './session'

let session: LabSession
let page: Page
let server: LabSession['server']
let pageErrors: string[]

beforeAll(async () => {
  session = await startLabSession('handover-e2e-runs-')
  ;({ page, server, pageErrors } = session)
})
afterAll(() => session?.close())

/**
 * The tab as if it were in the background, with notifications allowed, and every notification
 * the app makes recorded (headless Chromium draws none). Evaluated over DevTools, not as page
 * script, so the app's CSP does not apply.
 */
const HIDDEN_TAB_WITH_NOTIFICATIONS = `(() => {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
  window.__notices = []
  // every text the run indicator shows, so a run faster than a poll is still seen running
  window.__seen = []
  new MutationObserver(() => {
    const t = document.querySelector('[data-testid="run-indicator"]')?.textContent ?? ''
    if (t && window.__seen[window.__seen.length - 1] !== t) window.__seen.push(t)
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
  window.Notification = class { static permission = 'granted'; static requestPermission() { return Promise.resolve('granted') } constructor(title, o) { window.__notices.push({ title, body: o && o.body }) } }
})()`

let engagementId = ''

describe('runs are visible from every screen', () => {
  it('the board waits for a first run before offering "Re-run failed"; a run shows in the top bar anywhere and notifies when it ends', async () => {
    const e = await callCore<{ id: string }>(server.core, 'createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www', 'app'] })
    engagementId = e.id
    await callCore(server.core, 'startSprint', { engagementId: e.id })
    await openApp(page, server.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${e.id}/sprint'`)
    await expect.poll(() => page.getByTestId('sprint-item').count()).toBeGreaterThan(5)
    expect(await page.getByRole('button', { name: 'Re-run failed' }).isDisabled()).toBe(true)

    // another screen is open when the run starts and ends
    await page.evaluate(`location.hash = '#/engagements/${e.id}/evidence'`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Evidence')
    await page.evaluate(HIDDEN_TAB_WITH_NOTIFICATIONS)
    const indicator = page.getByTestId('run-indicator')
    const { runId } = await callCore<{ runId: string }>(server.core, 'runSprint', { engagementId: e.id })
    await shot(page, 'runs-01-indicator-running')
    await runDone(runId)
    expect(((await page.evaluate('window.__seen')) as string[]).some((t) => /^Running \d+\/\d+ · \d+ s on Acme Launch$/.test(t))).toBe(true)
    await expect.poll(() => indicator.textContent()).toMatch(/^Run finished: (\d+ fail|\d+ error|no failures)/)
    await shot(page, 'runs-02-indicator-finished')
    await expectAccessible(page, 'run indicator (finished)')
    await expect.poll(() => page.evaluate('window.__notices.length')).toBe(1)
    expect(await page.evaluate('window.__notices[0].title')).toBe('Run finished')
    expect(await page.evaluate('window.__notices[0].body')).toMatch(/^Acme Launch: (\d+ fail|\d+ error|no failures).* of \d+ checks$/)

    // the notice opens the board, where "Re-run failed" is now offered
    await indicator.getByRole('button', { name: /^Run finished/ }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sprint board')
    await expect.poll(() => page.getByRole('button', { name: 'Re-run failed' }).isDisabled()).toBe(false)
    expect(await indicator.textContent()).toBe('')
    expect(pageErrors).toEqual([])
  })

  it('an item sheet has an address: a link or a reload opens it, and Back from a result returns to it', async () => {
    const id = engagementId
    const h1 = () => page.getByRole('heading', { level: 1 }).textContent()
    await page.evaluate(`location.hash = '#/engagements/${id}/sprint'`)
    await expect.poll(h1).toBe('Sprint board')
    const failing = page.locator('[data-testid="sprint-item"][data-status="fail"]').first()
    const itemId = (await failing.getAttribute('data-item'))!
    await failing.locator('.item-open').click()
    const sheet = page.getByRole('dialog')
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/engagements/${id}/sprint/${encodeURIComponent(itemId)}`)

    // to a result and Back: the sheet is open again, on the same item
    await sheet.getByRole('button', { name: /^Evidence for / }).first().click()
    await expect.poll(() => page.getByRole('heading', { name: 'Why it matters' }).count()).toBe(1)
    await page.goBack()
    await expect.poll(() => page.locator(`#item-title`).count()).toBe(1)
    expect(new URL(page.url()).hash).toBe(`#/engagements/${id}/sprint/${encodeURIComponent(itemId)}`)

    // a reload (or a link) opens it too; Escape closes it and the address follows
    await page.reload()
    await expect.poll(() => page.locator('#item-title').count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/engagements/${id}/sprint`)
    expect(pageErrors).toEqual([])
  })
})
