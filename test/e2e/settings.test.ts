import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { dispatch } from '../../electron/core/api'
import { startLab, type Lab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, newPage, openApp, shot, waitReady } from './harness'

let browser: Browser
let context: BrowserContext
let page: Page
let lab: Lab
let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let deadPort = 0
const pageErrors: string[] = []

beforeAll(async () => {
  ws = tempDir('handover-e2e-settings-')
  lab = await startLab('demo')
  server = await startServer({ workspaceDir: ws.dir, port: 0, profile: lab.profile })
  await dispatch(server.core, 'createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www'] })
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  deadPort = (srv.address() as { port: number }).port
  await new Promise((r) => srv.close(r))
  browser = await launchChromium()
  // a refused save answers 400 by design; every other console error is a bug
  const opened = await newPage(browser, pageErrors, { height: 1000, expected: /status of 400/ })
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

const card = () => page.getByTestId('network-settings')
const testResult = () => page.getByTestId('network-test')

describe('Settings: the network checks run on', () => {
  it('edits, validates, saves, survives a reload, preflights a rule and resets', async () => {
    await openApp(page, server.newLaunchUrl())
    await page.getByRole('link', { name: 'Settings' }).click()
    await expect.poll(() => card().getByTestId('effective-profile').textContent()).toContain('Sandbox on loopback')
    await expect.poll(() => page.getByTestId('sandbox-base').isVisible()).toBe(true)
    const save = card().getByRole('button', { name: 'Save network settings' })
    expect(await save.isDisabled()).toBe(true)

    // mistakes are shown next to their field, by line, and nothing is saved
    await card().getByLabel('Recursive resolvers').fill('127.0.0.1\ndns.example')
    await card().getByLabel('Connections per host').fill('0')
    await save.click()
    await expect.poll(() => card().locator('#net-resolvers-error').textContent()).toMatch(/line 2: .*not an IP address/i)
    expect(await card().locator('#net-per-host-error').textContent()).toBe('At least 1')
    expect(await card().getByLabel('Connections per host').getAttribute('aria-describedby')).toContain('net-per-host-error')
    await shot(page, 'settings-01-errors')
    await expectAccessible(page, 'settings with errors')

    // a preflight rule that sends www to a closed port, and one connection per host; Ctrl+S saves
    await card().getByRole('button', { name: 'Discard changes' }).click()
    const rule = `www.acme-launch.example:443:127.0.0.1:${deadPort}`
    await card().getByLabel('Rules').fill(rule)
    await card().getByLabel('Connections per host').fill('1')
    await card().getByLabel('Connections per host').press('Control+s')
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Network settings saved' }).count()).toBeGreaterThan(0)
    await expect.poll(() => save.isDisabled()).toBe(true)

    // saved in the workspace: a reload shows them, and the effective profile lists the rule first
    await page.reload()
    await waitReady(page)
    await expect.poll(() => card().getByLabel('Rules').inputValue()).toBe(rule)
    expect(await card().getByLabel('Connections per host').inputValue()).toBe('1')
    await card().getByText(/\d+ rules \(yours first/).click()
    expect(await card().getByTestId('effective-profile').locator('li').first().textContent()).toBe(rule)

    // the preflight: DNS answers from the sandbox, the rule applies, nothing listens there
    await card().getByLabel('Host name').fill('www.acme-launch.example')
    await card().getByRole('button', { name: 'Test', exact: true }).click()
    await expect.poll(() => testResult().textContent(), { timeout: 20_000 }).toContain('Unreachable')
    expect(await testResult().textContent()).toContain('Resolved')
    expect(await testResult().textContent()).toContain(rule)
    await testResult().scrollIntoViewIfNeeded()
    await shot(page, 'settings-02-preflight')
    await expectAccessible(page, 'settings with a preflight')

    // reset asks first; afterwards the sandbox routing answers again
    await card().getByRole('button', { name: 'Reset to defaults…' }).click()
    await card().getByRole('alertdialog').getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => card().getByLabel('Rules').inputValue()).toBe('')
    await card().getByRole('button', { name: 'Test', exact: true }).click()
    await expect.poll(() => testResult().textContent(), { timeout: 20_000 }).toContain('Reachable')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot(page, 'settings-03-reset-dark')
    await expectAccessible(page, 'settings, dark')
    expect(pageErrors).toEqual([])
  })
})
