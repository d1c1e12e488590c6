import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../e2e/harness'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { openWorkspace } from '../../electron/core/workspace'
import { tempDir } from '../helpers/tmp'
import { machine, record, round } from './results'

const N = 100_000
/** Engagements in the list the first render shows (the "500 engagements"). */
const ENGAGEMENTS = 500
const BATCH = 2000
const RENDERS = 3
const tmp = tempDir('handover-bench-ui-')
let browser: Browser | undefined
let server: BrowserServer | undefined
let engagementId = ''

/** A workspace with one engagement and N small evidence items (the UI reads pages, never bodies). */
function fillWorkspace(dir: string): string {
  const ws = openWorkspace(dir)
  try {
    const e = ws.engagements.create({ domain: 'ui-bench.example', hosts: ['www', 'app'], clientName: 'UI Bench' } as never)
    for (let b = 0; b < N / BATCH; b++) {
      ws.evidence.append(
        e.id,
        Array.from({ length: BATCH }, (_, k) => {
          const i = b * BATCH + k
          return { kind: i % 3 ? 'dns' : 'http', label: `observation ${i}`, checkId: 'dns.hosts', target: 'www.ui-bench.example', status: 'pass', data: { i } }
        }),
      )
    }
    for (let i = 1; i < ENGAGEMENTS; i++) ws.engagements.create({ domain: `client-${i}.example`, hosts: ['www'], clientName: `Client ${i} of the UI bench` } as never)
    return e.id
  } finally {
    ws.close()
  }
}

beforeAll(async () => {
  if (!existsSync(resolve(__dirname, '../../out/renderer/index.html'))) throw new Error('out/renderer is missing: run "npm run bench" (it builds first)')
  const dir = join(tmp.dir, 'ws')
  engagementId = fillWorkspace(dir)
  server = await startServer({ workspaceDir: dir, port: 0 })
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  tmp.cleanup()
})

/** A fresh context and page that notes, in page time (ms since navigation start), when the app marks itself ready. */
async function freshPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  // Injected over the DevTools protocol (not subject to the page's CSP), before any page script.
  await page.addInitScript(`new MutationObserver((_, o) => {
    if (document.body && document.body.dataset.ready === 'true') { window.__readyAt = performance.now(); o.disconnect() }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'], childList: true })`)
  return page
}

const waitReady = (page: Page) => page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 })

describe('UI benchmarks (browser mode, production build, Chromium)', () => {
  it('ui.first_render: navigation start to the app-ready marker', async () => {
    const times: number[] = []
    for (let k = 0; k <= RENDERS; k++) {
      const page = await freshPage()
      await page.goto(server!.newLaunchUrl())
      await waitReady(page)
      const at = (await page.evaluate('window.__readyAt')) as number
      if (k > 0) times.push(at) // the first load warms the server's and Chromium's caches
      await page.context().close()
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
    record('ui.first_render', {
      value: round(median / 1000),
      unit: 's',
      target: '< 1 s',
      met: median < 1000,
      detail: { medianMs: round(median, 0), runsMs: times.map((t) => round(t, 0)), engagements: ENGAGEMENTS, evidenceItems: N, build: 'out/renderer', value: 'median of 3 fresh contexts after one warm-up load', ...machine() },
    })
  })

  it('ui.chunk_kb: the largest JavaScript file the first render loads (entry and its preloads)', () => {
    const dir = resolve(__dirname, '../../out/renderer')
    const html = readFileSync(join(dir, 'index.html'), 'utf8')
    // the entry script and the chunks it imports statically (modulepreload); screens and pdf.js come later
    const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!)
    if (!initial.length) throw new Error('no script in out/renderer/index.html')
    const sizes = initial.map((f) => ({ file: f, kb: statSync(join(dir, f)).size / 1024 }))
    const largest = sizes.reduce((a, b) => (b.kb > a.kb ? b : a))
    record('ui.chunk_kb', {
      value: round(largest.kb, 0),
      unit: 'KB',
      target: '< 800 KB',
      met: largest.kb < 800,
      detail: { file: largest.file, initialFiles: sizes.map((x) => `${x.file} ${round(x.kb, 0)} KB`), initialTotalKb: round(sizes.reduce((a, x) => a + x.kb, 0), 0), minified: true, build: 'out/renderer', ...machine() },
    })
  })

  it('ui.evidence_rows: DOM rows of the evidence timeline with 100k items, after scrolling through pages', async () => {
    const page = await freshPage()
    await page.goto(server!.newLaunchUrl())
    await waitReady(page)
    await page.evaluate(`location.hash = '#/engagements/${engagementId}/evidence'`)
    await page.waitForSelector('[data-testid="evidence-row"]', { timeout: 30_000 })
    const loaded = async () => Number(await page.getAttribute('[data-testid="evidence-list"]', 'aria-rowcount')) - 1
    const domRows = () => page.locator('[data-testid="evidence-row"]').count()
    const first = await domRows()
    let maxRows = first
    // Scroll to the end ten times; each time the sentinel loads an older page.
    for (let k = 0; k < 10; k++) {
      const before = await loaded()
      await page.evaluate(`(() => { const c = document.getElementById('content') || document.scrollingElement; c.scrollTop = c.scrollHeight })()`)
      const deadline = Date.now() + 10_000
      while ((await loaded()) <= before && Date.now() < deadline) await page.waitForTimeout(50)
      maxRows = Math.max(maxRows, await domRows())
    }
    const items = await loaded()
    const total = await page.evaluate(`document.querySelectorAll('tr').length`)
    record('ui.evidence_rows', {
      value: maxRows,
      unit: 'DOM rows',
      target: '< 500',
      met: maxRows < 500,
      detail: { evidenceItems: N, itemsLoadedInList: items, rowsAtFirstPage: first, maxEvidenceRows: maxRows, allTrElements: total, scrolls: 10, selector: '[data-testid="evidence-row"]', ...machine() },
    })
    await page.context().close()
  })
})
