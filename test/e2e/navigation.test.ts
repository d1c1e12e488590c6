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
  session = await startLabSession('handover-e2e-navigation-')
  page = session.page
  const call = <T>(method: string, input?: unknown) => callCore<T>(session.server.core, method, input)
  id = (await call<{ id: string }>('createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www', 'app', 'api', 'staging', 'docs'] })).id
  await call('startSprint', { engagementId: id })
  await runDone((await call<{ runId: string }>('runSprint', { engagementId: id })).runId)
  // short enough that the board and an item's sheet both scroll
  await page.setViewportSize({ width: 1024, height: 560 })
})
afterAll(() => session?.close())

const h1 = () => page.getByRole('heading', { level: 1 }).first().textContent()
const back = () => page.getByTestId('result-back')
const contentTop = () => page.evaluate(`document.getElementById('content').scrollTop`) as Promise<number>
const sheetTop = () => page.evaluate(`document.querySelector('[role="dialog"] .sheet-body').scrollTop`) as Promise<number>

describe('Back from a result returns to where it was opened, named as that place', () => {
  it('from an item sheet: the breadcrumb names the item; following it (or the browser Back) reopens the sheet scrolled as it was', async () => {
    await openApp(page, session.server.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${id}/sprint'`)
    await expect.poll(h1, { timeout: 20_000 }).toBe('Sprint board')
    // an item with several results, far enough down the board to need scrolling
    const rows = page.locator('[data-testid="sprint-item"][data-status="fail"]')
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1)
    const row = rows.last()
    await row.scrollIntoViewIfNeeded()
    const title = (await row.locator('.item-open').textContent())!.trim()
    await row.locator('.item-open').click()
    const sheet = page.getByRole('dialog').first()
    await sheet.waitFor()
    // scroll the sheet's body down (once its content is there)
    await expect.poll(() => page.evaluate(`(() => { const b = document.querySelector('[role="dialog"] .sheet-body'); b.scrollTop = b.scrollHeight; return b.scrollTop })()`)).toBeGreaterThan(0)
    const board = await contentTop()
    const inner = await sheetTop()
    expect(board).toBeGreaterThan(0)
    const evidence = sheet.getByRole('button', { name: /^Evidence for / }).first()
    await evidence.scrollIntoViewIfNeeded()
    const innerAtClick = await sheetTop()
    await evidence.click()
    await page.getByRole('heading', { name: 'Why it matters' }).waitFor({ timeout: 20_000 })
    expect(await back().getAttribute('data-from')).toBe('item')
    // the row reads "<status><title>"; the breadcrumb is the title alone
    const crumb = (await back().textContent())!.trim()
    expect(crumb.length).toBeGreaterThan(5)
    expect(title).toContain(crumb)
    await shot(page, 'nav-01-result-from-item')
    await expectAccessible(page, 'result opened from an item sheet')

    await back().click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 20_000 }).toBe(1)
    expect(await page.evaluate('location.hash')).toContain('/sprint/')
    await expect.poll(contentTop).toBe(board)
    await expect.poll(sheetTop).toBe(innerAtClick)
    expect(inner).toBeGreaterThan(0)
    expect(innerAtClick).toBeGreaterThan(0)

    // the browser's Back from a result does the same
    await page.getByRole('dialog').first().getByRole('button', { name: /^Evidence for / }).first().click()
    await page.getByRole('heading', { name: 'Why it matters' }).waitFor({ timeout: 20_000 })
    await page.goBack()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 20_000 }).toBe(1)
    await expect.poll(contentTop).toBe(board)
    await expect.poll(sheetTop).toBe(innerAtClick)
    await shot(page, 'nav-02-back-to-item-sheet')
  })

  it('from the evidence: the breadcrumb says Evidence and returns with the filter kept', async () => {
    await page.keyboard.press('Escape')
    await page.evaluate(`location.hash = '#/engagements/${id}/evidence&status=fail'`)
    await expect.poll(h1, { timeout: 20_000 }).toBe('Evidence')
    await page.getByTestId('evidence-row').first().waitFor({ timeout: 20_000 })
    const address = (await page.evaluate('location.hash')) as string
    expect(address).toContain('status=fail')
    const open = page.getByTestId('evidence-row').first().getByRole('button').first()
    await open.click()
    // the evidence panel leads to the full result
    await page.getByTestId('evidence-panel').getByRole('button', { name: 'Open the latest result of this check' }).click()
    await page.getByRole('heading', { name: 'Why it matters' }).waitFor({ timeout: 20_000 })
    expect(await back().getAttribute('data-from')).toBe('evidence')
    expect((await back().textContent())!.trim()).toBe('Evidence')
    await back().click()
    await expect.poll(h1, { timeout: 20_000 }).toBe('Evidence')
    expect(await page.evaluate('location.hash')).toBe(address)
    expect(session.pageErrors).toEqual([])
  })

  it('opened from an address (a link, a reload): the breadcrumb leads to the evidence', async () => {
    const results = await callCore<{ id: number }[]>(session.server.core, 'listResults', { engagementId: id })
    await page.evaluate(`location.hash = '#/engagements/${id}/results/${results[0]!.id}'`)
    await page.reload()
    await page.getByRole('heading', { name: 'Why it matters' }).waitFor({ timeout: 20_000 })
    expect(await back().getAttribute('data-from')).toBe('evidence')
    await back().click()
    await expect.poll(h1, { timeout: 20_000 }).toBe('Evidence')
    expect(session.pageErrors).toEqual([])
  })
})
