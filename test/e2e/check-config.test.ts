import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, openApp, serve, shot, waitReady } from './harness'

let browser: Browser
let context: BrowserContext
let page: Page
let ws: { dir: string; cleanup(): void }
let server: BrowserServer | null = null
const pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  ws = tempDir('handover-e2e-')
  server = await serve(ws.dir)
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', colorScheme: 'light' })
  page = await context.newPage()
  pageErrors.length = 0
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))
})
afterEach(async () => {
  await context?.close()
  await server?.close()
  server = null
  ws.cleanup()
})

const settingsCard = () => page.locator('section[aria-labelledby="h-check-settings"]')

describe('check settings of an engagement', () => {
  it('adds a DKIM selector and a key route in the edit form, by keyboard, and finds them after a reload', async () => {
    await server!.core.api.createEngagement({ domain: 'acme.example', clientName: 'Acme Robotics', hosts: ['www'] })
    await openApp(page, server!.newLaunchUrl())
    await page.getByTestId('engagement-row').first().locator('button.row-open').click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Acme Robotics')
    expect(await settingsCard().textContent()).toContain('None: only common selectors are tried')

    await page.getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit engagement' })
    // collapsed by default; the disclosure opens from the keyboard
    expect(await edit.getByLabel('DKIM selectors').isVisible()).toBe(false)
    await edit.locator('summary').filter({ hasText: 'Check settings' }).focus()
    await page.keyboard.press('Enter')
    const selectors = edit.getByLabel('DKIM selectors')
    await expect.poll(() => selectors.isVisible()).toBe(true)

    // a pasted record name is cut to its selector; a bad one is marked and explained at once
    await selectors.fill('S1._domainkey.acme.example, bad!')
    await selectors.press('Enter')
    await expect.poll(() => edit.locator('#f-dkim-error').textContent()).toMatch(/selector "bad!" is not a DNS name/i)
    expect(await selectors.getAttribute('aria-invalid')).toBe('true')
    expect(await edit.getByRole('list', { name: 'Selectors added' }).locator('li').allTextContents()).toEqual(['s1', 'bad! (not valid)'])
    await selectors.scrollIntoViewIfNeeded()
    await shot(page, 'check-config-form-error')
    await expectAccessible(page, 'check settings with a refused selector')
    await edit.getByRole('button', { name: 'Remove selector bad!' }).click()
    await expect.poll(() => edit.locator('#f-dkim-error').count()).toBe(0)

    // a full URL is refused by the contract on save, shown under the field, and nothing is saved
    const routes = edit.getByLabel('Key routes')
    await routes.fill('https://acme.example/pricing')
    await routes.press('Enter')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => edit.locator('#f-routes-error').textContent()).toContain('is a URL: give the path alone')
    expect(server!.core.workspace.engagements.get('acme.example').dkimSelectors).toEqual([])
    await edit.getByRole('button', { name: 'Remove route https://acme.example/pricing' }).click()
    await routes.fill('/pricing')
    await routes.press('Enter')
    await shot(page, 'check-config-form')
    await expectAccessible(page, 'edit form with check settings')

    await page.keyboard.press('Control+Enter')
    await expect.poll(() => edit.count()).toBe(0)
    await expect.poll(() => settingsCard().getByRole('list', { name: 'Key routes' }).textContent()).toBe('/pricing')
    expect(server!.core.workspace.engagements.get('acme.example')).toMatchObject({ dkimSelectors: ['s1'], routes: ['/pricing'] })

    // a reload reads them back from the workspace (the address keeps the engagement open)
    await page.reload()
    await waitReady(page)
    await expect.poll(() => settingsCard().getByRole('list', { name: 'DKIM selectors' }).textContent()).toBe('s1')
    expect(await settingsCard().getByRole('list', { name: 'Key routes' }).textContent()).toBe('/pricing')
    await settingsCard().scrollIntoViewIfNeeded()
    await shot(page, 'check-config-detail')
    await expectAccessible(page, 'engagement detail with check settings')

    // editing again: the disclosure says what is configured before it is opened
    await page.getByRole('button', { name: 'Edit' }).click()
    expect(await page.getByRole('dialog', { name: 'Edit engagement' }).locator('summary').filter({ hasText: 'Check settings' }).textContent()).toContain('1 DKIM selector · 1 key route')
    expect(pageErrors).toEqual([])
  })
})
