import { mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { startServer, type BrowserServer } from '../../electron/serve/server'

/** Where screenshots go (gitignored); look at them. */
export const ARTIFACTS = resolve(__dirname, '../artifacts')
const AXE = resolve(__dirname, '../../node_modules/axe-core/axe.min.js')

/** Debian Chromium, headless, with nothing that phones home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
}

/**
 * A fresh light-mode context and page that collect every page error and console error into
 * `errors` (minus those `expected` matches), so a test can end with expect(errors).toEqual([]).
 */
export async function newPage(browser: Browser, errors: string[], o: { height?: number; expected?: RegExp } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: o.height ?? 900 }, reducedMotion: 'reduce', colorScheme: 'light' })
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && !o.expected?.test(m.text()) && errors.push(m.text()))
  return { context, page }
}

/** Browser mode on a workspace folder, serving the built renderer (out/renderer). */
export function serve(workspaceDir: string): Promise<BrowserServer> {
  return startServer({ workspaceDir, port: 0 })
}

/** Open the URL (with its token) and wait for the app-ready marker, never a sleep. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await waitReady(page)
}

/** Wait until the first data load has rendered. */
export async function waitReady(page: Page): Promise<void> {
  // a selector, not a string predicate: the app's CSP forbids the eval that would need
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 15_000 })
}

/** Save a screenshot as test/artifacts/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) })
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/** Run axe-core on the page as it is and fail on any serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"')
  // addScriptTag injects an inline <script>, which the app's CSP (script-src 'self') rightly
  // blocks; evaluating the source over the DevTools protocol is not subject to page CSP.
  if (!loaded) await page.evaluate(readFileSync(AXE, 'utf8'))
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`)) as AxeViolation[]
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad, `axe on "${screen}"`).toEqual([])
}
