import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { handoverApi } from '../../electron/core/api/handover'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import type { BundleInfo } from '@shared/contract/handover'
import { memoryStore, seededWorkspace } from '../unit/handover/fixture'
import { tempDir } from '../helpers/tmp'
import { consultantStore } from '../helpers/identity'
import { expectAccessible, launchChromium, newPage, openApp, shot } from './harness'

let browser: Browser
let context: BrowserContext
let page: Page
let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let engagementId: string
let bundle: BundleInfo
let name: string
const pageErrors: string[] = []

beforeAll(async () => {
  ws = tempDir('handover-e2e-pages-')
  const seeded = seededWorkspace(ws.dir)
  engagementId = seeded.engagement.id
  seeded.ws.close()
  server = await startServer({ workspaceDir: ws.dir, port: 0 })
  // the real engine builds and signs the bundle; only the signing key lives in memory, not a keychain
  bundle = await handoverApi(server.core, await consultantStore(server.core.workspace, memoryStore())).createBundle({ engagementId })
  name = bundle.dir.split(/[\\/]/).pop()!
  browser = await launchChromium()
  const opened = await newPage(browser, pageErrors)
  context = opened.context
  page = opened.page
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  ws?.cleanup()
})

const thumbs = () => page.getByTestId('page-thumbs').getByRole('option')
const view = () => page.getByTestId('page-view')

/**
 * How much of each image is ink: the share of pixels clearly darker than white paper, measured
 * by drawing the <img> onto a canvas in the page. A blank page scores 0.
 */
function inkOf(selector: string): Promise<number[]> {
  return page.evaluate(`Promise.all([...document.querySelectorAll(${JSON.stringify(selector)})].map(async (img) => {
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const g = c.getContext('2d')
    g.drawImage(img, 0, 0)
    const d = g.getImageData(0, 0, c.width, c.height).data
    let ink = 0
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) ink++
    return ink / (c.width * c.height)
  }))`) as Promise<number[]>
}

describe('the handover screen shows the PDF pages and hands over the zip (browser mode)', () => {
  it('draws the first page large at once, thumbnails as they scroll into view, and a revisit shows the first page from the session cache', async () => {
    await openApp(page, server.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${engagementId}/handover'`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Handover')
    await page.waitForSelector('[data-testid="page-view"] img', { timeout: 60_000 })
    expect(await view().getAttribute('data-source')).toBe('drawn')
    const count = await thumbs().count()
    expect(count).toBeGreaterThan(8)
    expect((await inkOf('[data-testid="page-view"] img'))[0]).toBeGreaterThan(0.002)
    expect(await view().getByRole('img').getAttribute('alt')).toBe(`Page 1 of ${count} of handover.pdf`)

    // thumbnails near the top are drawn; the last ones wait until the list scrolls to them
    await expect.poll(() => page.locator('.ho-thumb[data-drawn="true"]').count(), { timeout: 60_000 }).toBeGreaterThan(2)
    expect(await thumbs().last().getAttribute('data-drawn')).toBe('false')
    await page.getByTestId('page-thumbs').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await expect.poll(() => thumbs().last().getAttribute('data-drawn'), { timeout: 60_000 }).toBe('true')
    const ink = await inkOf('.ho-thumb[data-drawn="true"] img')
    for (const share of ink) expect(share).toBeGreaterThan(0.002)
    await page.getByTestId('page-thumbs').evaluate((el) => el.scrollTo(0, 0))
    await shot(page, 'u3-01-handover-pages')
    await expectAccessible(page, 'handover pages')

    // leave for the dashboard and come back: the first page is there when the preview first
    // appears (from the session's cache), never the "Drawing page 1…" placeholder
    await page.evaluate(`location.hash = '#/engagements/${engagementId}'`)
    await expect.poll(() => page.getByTestId('page-view').count()).toBe(0)
    await page.evaluate(`(() => {
      window.__firstView = null
      const seen = () => {
        const v = document.querySelector('[data-testid="page-view"]')
        if (!v || window.__firstView) return
        window.__firstView = { img: !!v.querySelector('img'), source: v.getAttribute('data-source') }
      }
      new MutationObserver(seen).observe(document.body, { subtree: true, childList: true })
    })()`)
    await page.evaluate(`location.hash = '#/engagements/${engagementId}/handover'`)
    await expect.poll(() => page.evaluate('window.__firstView')).toEqual({ img: true, source: 'cache' })
    expect(await view().getByRole('img').getAttribute('alt')).toBe(`Page 1 of ${count} of handover.pdf`)

    // arrow keys move the selection; the large view follows
    await page.getByTestId('page-thumbs').focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => view().getAttribute('data-page')).toBe('2')
    expect(await thumbs().nth(1).getAttribute('aria-selected')).toBe('true')
    expect(await thumbs().nth(0).getAttribute('aria-selected')).toBe('false')
    await expect.poll(() => view().getByRole('img').getAttribute('alt')).toBe(`Page 2 of ${count} of handover.pdf`)
    await page.keyboard.press('End')
    await expect.poll(() => view().getAttribute('data-page')).toBe(String(count))
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => view().getAttribute('data-page')).toBe(String(count - 1))
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => view().getAttribute('data-page')).toBe('1')
    // a click selects too
    await thumbs().nth(2).click()
    await expect.poll(() => view().getByRole('img').getAttribute('alt')).toBe(`Page 3 of ${count} of handover.pdf`)
    await shot(page, 'u3-02-handover-page-3')

    // browser mode: the zip downloads through the confined read; its bytes are the bundle's zip
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()])
    expect(download.suggestedFilename()).toBe(`${name}.zip`)
    const saved = join(ws.dir, 'downloaded.zip')
    await download.saveAs(saved)
    const bytes = readFileSync(saved)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    expect(bytes.equals(readFileSync(bundle.zip))).toBe(true)

    // and the folder path, to copy
    expect(await page.getByLabel('Folder').inputValue()).toBe(bundle.dir)
    await page.getByRole('button', { name: 'Copy path' }).click()
    await expect.poll(() => page.getByTestId('bundle-view').getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1)
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(bundle.dir)
    expect(await page.getByRole('button', { name: /Open folder|Save a copy/ }).count()).toBe(0)

    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByTestId('bundle-view').scrollIntoViewIfNeeded()
    await shot(page, 'u3-03-handover-pages-dark')
    await expectAccessible(page, 'handover pages, dark')
    await page.emulateMedia({ colorScheme: 'light' })
    expect(pageErrors).toEqual([])
  })

  it('says clearly when a bundle PDF cannot be drawn', async () => {
    // a second bundle of the same engagement whose PDF was damaged after signing
    const broken = join(ws.dir, 'bundles', `${name}-damaged`)
    cpSync(bundle.dir, broken, { recursive: true })
    writeFileSync(join(broken, 'handover.pdf'), 'this is not a PDF at all')
    const manifest = JSON.parse(readFileSync(join(broken, 'manifest.json'), 'utf8'))
    writeFileSync(join(broken, 'manifest.json'), JSON.stringify({ ...manifest, createdAt: '2020-01-01T00:00:00.000Z' }))
    // hold the PDF's bytes back: the preview says what it is waiting for
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    await page.route('**/api/readBundleFile', async (route) => {
      await held
      await route.continue()
    })
    await page.reload()
    await expect.poll(() => page.getByTestId('bundle-view').getByRole('status').filter({ hasText: 'Opening handover.pdf' }).count(), { timeout: 15_000 }).toBe(1)
    await shot(page, 'u3-03b-handover-pages-opening')
    await expectAccessible(page, 'handover pages opening')
    release()
    await page.waitForSelector('[data-testid="page-view"] img', { timeout: 60_000 })
    await page.unroute('**/api/readBundleFile')
    await expect.poll(() => page.getByTestId('bundle-row').count(), { timeout: 15_000 }).toBe(2)
    await page.getByRole('button', { name: `Show pages of ${name}-damaged` }).click()
    await expect.poll(() => page.getByTestId('pages-error').textContent(), { timeout: 30_000 }).toContain('The pages could not be shown')
    await shot(page, 'u3-04-handover-pages-error')
    await expectAccessible(page, 'handover pages error')
    // the good bundle still renders when shown again
    await page.getByRole('button', { name: `Show pages of ${name}`, exact: true }).click()
    await page.waitForSelector('[data-testid="page-view"] img', { timeout: 60_000 })
    expect(pageErrors).toEqual([])
  })
})
