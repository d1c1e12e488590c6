import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { runDone } from '../../electron/core/api/checks'
import { callCore } from '../helpers/call'
import { expectAccessible, openApp, shot } from './harness'
import { startLabSession, type LabSession } from './session'

let session: LabSession
let page: Page
let id = ''

beforeAll(async () => {
  session = await startLabSession('handover-e2e-charts-')
  page = session.page
  const call = <T>(method: string, input?: unknown) => callCore<T>(session.server.core, method, input)
  id = (await call<{ id: string }>('createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www', 'app', 'api', 'staging', 'docs'] })).id
  await call('startSprint', { engagementId: id })
  await runDone((await call<{ runId: string }>('runSprint', { engagementId: id })).runId)
  await page.setViewportSize({ width: 1024, height: 700 })
  await openApp(page, session.server.newLaunchUrl())
})
afterAll(() => session?.close())

const h1 = () => page.getByRole('heading', { level: 1 }).first().textContent()

describe('the dashboard and pictures charts read true and lead to their results', () => {
  it('names areas in words, draws every area on one scale, and an area opens its results in the evidence', async () => {
    await page.evaluate(`location.hash = '#/engagements/${id}'`)
    const chart = page.getByTestId('area-chart')
    await chart.waitFor({ timeout: 20_000 })
    const names = await chart.locator('.area-name').allTextContents()
    expect(names).toContain('Cloudflare')
    expect(names).toContain('Monitoring')
    for (const raw of ['cf', 'reg', 'mon']) expect(names).not.toContain(raw)
    // one scale: a bar's drawn length is proportional to its count (not every bar full width)
    const rows = await chart.locator('li').evaluateAll((lis) =>
      lis.map((li) => ({ total: Number(li.querySelector('.area-total')!.textContent), drawn: Array.from(li.querySelectorAll('rect')).reduce((n, r) => n + Number(r.getAttribute('width')), 0) })),
    )
    const most = Math.max(...rows.map((r) => r.total))
    const fewest = Math.min(...rows.map((r) => r.total))
    expect(fewest).toBeLessThan(most)
    for (const r of rows) expect(r.drawn).toBeCloseTo((r.total / most) * 300, 3)
    await chart.scrollIntoViewIfNeeded()
    await shot(page, 'charts-01-areas')
    await expectAccessible(page, 'dashboard charts')

    await chart.locator('li[data-area="mon"] .area-name').click()
    await expect.poll(h1, { timeout: 20_000 }).toBe('Evidence')
    expect(await page.evaluate('location.hash')).toContain('check=mon')
    await page.getByTestId('evidence-row').first().waitFor({ timeout: 20_000 })
    const checks = await page.getByTestId('evidence-row').allTextContents()
    expect(checks.length).toBeGreaterThan(0)
    for (const row of checks) expect(row).toMatch(/mon\./)
  })

  it('draws a run as a visible bar below the "now" label, and a run opens the results it recorded', async () => {
    await page.evaluate(`location.hash = '#/engagements/${id}'`)
    const timeline = page.getByTestId('sprint-timeline')
    await timeline.waitFor({ timeout: 20_000 })
    const run = timeline.locator('.tl-run-link').first()
    const bar = await run.evaluate((a) => {
      const svg = a.closest('svg')!
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
      const rects = Array.from(a.querySelectorAll('rect[class^="seg-"]'))
      const top = Math.min(...rects.map((r) => r.getBoundingClientRect().top))
      const label = svg.querySelector('.tl-now text')
      return { widthPx: rects[0]!.getBoundingClientRect().width, scale, top, labelBottom: label ? label.getBoundingClientRect().bottom : null }
    })
    expect(bar.widthPx).toBeGreaterThanOrEqual(9)
    if (bar.labelBottom !== null) expect(bar.top).toBeGreaterThanOrEqual(bar.labelBottom)
    await timeline.scrollIntoViewIfNeeded()
    await shot(page, 'charts-02-timeline')
    await run.click()
    await expect.poll(h1, { timeout: 20_000 }).toBe('Evidence')
    const address = (await page.evaluate('location.hash')) as string
    expect(address).toMatch(/kind=check\.result/)
    expect(address).toMatch(/from=\d{4}-/)
    await page.getByTestId('evidence-row').first().waitFor({ timeout: 20_000 })
    // the filter shows the run's exact start, not a blank date field
    expect(await page.getByLabel('From').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
    await shot(page, 'charts-02b-run-results')
  })

  it('puts the latency histograms on one x scale, with the p95 coloured by its target and labelled above the bars', async () => {
    await page.evaluate(`location.hash = '#/engagements/${id}/pictures'`)
    await expect.poll(h1, { timeout: 20_000 }).toBe('Pictures')
    const figs = page.getByTestId('latency-histogram')
    await expect.poll(() => figs.count(), { timeout: 20_000 }).toBeGreaterThan(1)
    const spans = new Set(await figs.evaluateAll((fs) => fs.map((f) => f.getAttribute('data-span'))))
    expect(spans.size).toBe(1)
    const standings = await figs.evaluateAll((fs) => fs.map((f) => f.getAttribute('data-p95')))
    for (const s of standings) expect(['under', 'near', 'over']).toContain(s)
    // the label sits above the tallest bar
    const clear = await figs.evaluateAll((fs) =>
      fs.map((f) => {
        const label = f.querySelector('.pic-p95-label')
        if (!label) return true
        const bottom = label.getBoundingClientRect().bottom
        return Array.from(f.querySelectorAll('.pic-bar')).every((b) => b.getBoundingClientRect().top >= bottom - 0.5)
      }),
    )
    expect(clear.every(Boolean)).toBe(true)
    await figs.first().scrollIntoViewIfNeeded()
    await shot(page, 'charts-03-latency')
    await expectAccessible(page, 'latency histograms')
    expect(session.pageErrors).toEqual([])
  })
})
