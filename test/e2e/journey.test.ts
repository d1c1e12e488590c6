import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startLab, type Lab } from '../../electron/lab'
import { memoryCredentialSource } from '../../electron/core/vault/sources'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, newPage, openApp, shot } from './harness'

let browser: Browser
let context: BrowserContext
let page: Page
let lab: Lab
let server: BrowserServer
let ws: { dir: string; cleanup(): void }
const pageErrors: string[] = []
/** Signing needs the OS keychain: npm test runs e2e inside a D-Bus session with gnome-keyring. */
const KEYCHAIN = process.platform !== 'linux' || !!process.env.DBUS_SESSION_BUS_ADDRESS

beforeAll(async () => {
  ws = tempDir('handover-journey-')
  lab = await startLab('demo')
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  server = await startServer({ workspaceDir: ws.dir, profile: lab.profile, credentials })
  browser = await launchChromium()
  const opened = await newPage(browser, pageErrors)
  context = opened.context
  page = opened.page
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await lab?.close()
  ws?.cleanup()
})

const items = () => page.getByTestId('sprint-item')
const statusOf = async (): Promise<Record<string, string>> => {
  const pairs = await items().evaluateAll((els) => els.map((e) => [e.getAttribute('data-item') ?? '', e.getAttribute('data-status') ?? '']))
  return Object.fromEntries(pairs)
}
/** Wait for the watched run to finish, as the run card says. */
const runFinished = () => page.waitForSelector('section[data-run-state="finished"]', { timeout: 90_000 })

describe('the founder journey on the demo sandbox (browser mode)', () => {
  it('creates the engagement, runs the sprint, waives, attaches, fixes and re-runs', async () => {
    await openApp(page, server.newLaunchUrl())

    // create the engagement
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New engagement' })
    await dialog.getByLabel('Client name').fill('Acme Launch')
    await dialog.getByLabel('Founder email').fill('founder@acme-launch.example')
    await dialog.getByLabel('Primary domain').fill('acme-launch.example')
    await dialog.getByLabel('Declared hosts').fill('www, app, api, staging, docs')
    await dialog.getByLabel('Declared hosts').press('Enter')
    await dialog.getByRole('button', { name: 'Create engagement' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Acme Launch')

    // no sprint yet: the dashboard teaches, then starts one
    await page.getByRole('button', { name: 'Start sprint' }).click({ timeout: 5000 })
    await expect.poll(() => page.getByRole('heading', { name: '48-hour clock' }).isVisible()).toBe(true)
    await shot(page, 'u1-01-dashboard-new')
    await expectAccessible(page, 'dashboard')

    // the board; r runs everything
    await page.getByRole('button', { name: 'Open sprint board' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sprint board')
    await expect.poll(() => items().count()).toBeGreaterThan(10)
    await shot(page, 'u1-02-board')
    await expectAccessible(page, 'sprint board')
    // j/k move the focus through the items
    const firstId = await items().first().getAttribute('data-item')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    // a string expression: this file is typed for Node, without the DOM library
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(`item-${firstId}`)
    await page.locator('#content').focus()
    await page.keyboard.press('r')
    await page.waitForSelector('section[data-run-state]', { timeout: 15_000 })
    await runFinished()
    await expect.poll(async () => Object.values(await statusOf()).filter((s) => s === 'fail').length).toBeGreaterThan(0)
    await shot(page, 'u1-03-board-after-run')
    await expectAccessible(page, 'board after run')

    // open a failing item (keyboard: focus it, Enter)
    const failing = items().and(page.locator('[data-status="fail"]'))
    const firstFail = (await failing.first().getAttribute('data-item'))!
    await page.locator(`#item-${firstFail}`).focus()
    await page.keyboard.press('Enter')
    const sheet = page.getByRole('dialog')
    await expect.poll(() => sheet.getByRole('list', { name: 'Latest results' }).isVisible()).toBe(true)
    await shot(page, 'u1-04-item-failing')
    await expectAccessible(page, 'failing item')
    // its evidence, on the result detail screen
    await sheet.getByRole('button', { name: /^Evidence for / }).first().click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Sprint board')
    await shot(page, 'u1-04b-result-evidence')
    await page.getByRole('link', { name: 'Sprint board' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sprint board')
    await expect.poll(() => items().count()).toBeGreaterThan(10)

    // waive another failing item with w
    const toWaive = (await failing.nth(1).getAttribute('data-item'))!
    await page.locator(`#item-${toWaive}`).focus()
    await page.keyboard.press('w')
    const waive = page.getByRole('dialog', { name: /Waive/ })
    expect(await waive.getByLabel('Expires on').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await waive.getByLabel('Reason').fill('Launch first; the founder fixes this next week.')
    expect(await waive.getByLabel('Accepted by').inputValue()).toBe('founder@acme-launch.example')
    await shot(page, 'u1-05-waive-dialog')
    await expectAccessible(page, 'waive dialog')
    await waive.getByRole('button', { name: 'Waive item' }).click()
    await expect.poll(() => page.locator(`[data-item="${toWaive}"]`).getAttribute('data-status')).toBe('waived')

    // a manual item: drop a file onto the row, then add one with the picker, record pass
    const manual = items().filter({ hasText: 'manual' }).first()
    const manualId = (await manual.getAttribute('data-item'))!
    const dt = await page.evaluateHandle(`(() => {
      const d = new DataTransfer()
      d.items.add(new File(['dropped proof'], 'dropped.txt', { type: 'text/plain' }))
      return d
    })()`)
    await manual.dispatchEvent('drop', { dataTransfer: dt })
    const msheet = page.getByRole('dialog')
    await expect.poll(() => msheet.getByRole('list', { name: 'Files to attach' }).textContent()).toContain('dropped.txt')
    await msheet.locator('#verdict-files').setInputFiles({ name: 'walkthrough.txt', mimeType: 'text/plain', buffer: Buffer.from('walked through with the founder') })
    await expect.poll(() => msheet.getByRole('list', { name: 'Files to attach' }).textContent()).toContain('walkthrough.txt')
    // no verdict by default: recording without one says so in the sheet, and focus goes there
    await msheet.getByRole('button', { name: 'Record verdict' }).click()
    await expect.poll(() => msheet.getByText('Choose Pass or Fail.').count()).toBe(1)
    expect(await page.evaluate('document.activeElement && document.activeElement.getAttribute("name")')).toBe('verdict')
    await msheet.getByLabel('Pass').check()
    await msheet.getByRole('button', { name: 'Record pass' }).click()
    await expect.poll(() => msheet.getByTestId('attachments').textContent()).toContain('walkthrough.txt')
    expect(await msheet.getByTestId('attachments').textContent()).toContain('dropped.txt')
    await shot(page, 'u1-06-manual-attachments')
    await expectAccessible(page, 'manual item')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => page.locator(`[data-item="${manualId}"]`).getAttribute('data-status')).toBe('pass')

    // fix and re-run the failed items
    const before = await statusOf()
    await lab.applyFix('add-hsts')
    await lab.applyFix('fix-dns')
    await page.getByRole('button', { name: 'Re-run failed' }).click()
    await expect.poll(() => page.locator('section[data-run-state]').getAttribute('data-run-state'), { timeout: 15_000 }).toBe('running').catch(() => undefined)
    await runFinished()
    await expect
      .poll(async () => {
        const after = await statusOf()
        return Object.keys(before).filter((id) => before[id] === 'fail' && after[id] === 'pass')
      }, { timeout: 20_000 })
      .not.toEqual([])
    await shot(page, 'u1-07-board-after-fix')

    // the dashboard shows what changed: HSTS went to pass
    await page.getByRole('link', { name: 'Acme Launch' }).first().click()
    await expect.poll(() => page.getByTestId('run-diff').textContent(), { timeout: 20_000 }).toContain('http.hsts')
    // it names the run it compares with, and lists both runs
    expect(await page.getByRole('heading', { name: /^Since the run of / }).count()).toBe(1)
    expect(await page.getByTestId('run-history').locator('li').count()).toBe(2)
    // reorder the fix order with the keyboard and annotate a risk; both survive a reload
    const risks = page.getByTestId('risks').locator('.risk-title')
    const [first, second] = [await risks.nth(0).textContent(), await risks.nth(1).textContent()]
    await risks.nth(1).focus()
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => risks.nth(0).textContent()).toBe(second)
    expect(await risks.nth(1).textContent()).toBe(first)
    await page.getByLabel(`Risk note for ${second}`).fill('Do this before the launch email goes out')
    await page.getByLabel(`Risk note for ${second}`).press('Enter')
    await page.reload()
    await expect.poll(() => risks.nth(0).textContent(), { timeout: 15_000 }).toBe(second)
    expect(await page.getByLabel(`Risk note for ${second}`).inputValue()).toBe('Do this before the launch email goes out')
    // after a reload the engine still knows the full run the re-run is compared with
    await expect.poll(() => page.getByTestId('run-diff').textContent()).toContain('http.hsts')
    await page.getByTestId('run-diff').scrollIntoViewIfNeeded()
    await shot(page, 'u1-08-dashboard-after-fix')
    await expectAccessible(page, 'dashboard after fix')

    // the handover: who signs it first (Settings), then build the bundle and verify it
    await page.getByRole('link', { name: 'Handover' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Handover')
    await expect.poll(() => page.getByTestId('identity-needed').isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Set your identity in Settings' }).click()
    const identity = page.getByTestId('identity-settings')
    await identity.getByLabel('Your name').fill('Ada Consultant')
    await identity.getByLabel('Email').fill('ada@studio.example')
    await identity.getByLabel('Organisation').fill('Ada Launch Studio')
    await identity.getByRole('button', { name: 'Save and make my signing key' }).click()
    if (KEYCHAIN) {
      await expect.poll(() => page.getByTestId('identity-fingerprint').inputValue(), { timeout: 30_000 }).toMatch(/^[0-9a-f]{64}$/)
      await page.goBack()
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Handover')
      await page.getByRole('button', { name: 'Build the bundle' }).click()
      await expect.poll(() => page.getByTestId('bundle-row').count(), { timeout: 60_000 }).toBeGreaterThan(0)
      await page.getByTestId('bundle-row').first().getByRole('button', { name: /^Verify / }).click()
      await expect.poll(() => page.getByTestId('verify-report').textContent(), { timeout: 30_000 }).toContain('Intact')
      await shot(page, 'u1-09-handover-verified')
      // the operating guide's pages, drawn in the app; arrows move between them; the zip downloads
      await page.waitForSelector('.ho-pages[data-phase="ready"]', { timeout: 60_000 })
      expect(await page.getByTestId('page-thumbs').getByRole('option').count()).toBeGreaterThan(1)
      await page.getByTestId('page-thumbs').focus()
      await page.keyboard.press('ArrowDown')
      await expect.poll(() => page.getByTestId('page-view').getAttribute('data-page')).toBe('2')
      await page.waitForSelector('[data-testid="page-view"] img')
      await shot(page, 'u1-09b-handover-pages')
      const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()])
      expect(readFileSync(await zip.path()).subarray(0, 2).toString()).toBe('PK')
    } else {
      // no session bus (npm test provides one): signing keys cannot be kept, and Settings says why
      await expect.poll(() => identity.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('keychain')
      await shot(page, 'u1-09-handover-no-keychain')
      await page.goBack()
    }
    await expectAccessible(page, 'handover')

    // dark mode: the board and the dashboard follow the OS
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByRole('link', { name: 'Sprint board' }).click()
    await expect.poll(() => items().count()).toBeGreaterThan(10)
    await shot(page, 'u1-10-board-dark')
    await expectAccessible(page, 'board, dark')
    await page.getByRole('link', { name: 'Acme Launch' }).first().click()
    await expect.poll(() => page.getByRole('heading', { name: '48-hour clock' }).isVisible()).toBe(true)
    await shot(page, 'u1-11-dashboard-dark')
    await expectAccessible(page, 'dashboard, dark')

    expect(pageErrors).toEqual([])
  })
})
