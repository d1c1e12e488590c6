import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { callCore } from '../helpers/call'
import { expectAccessible, openApp, shot } from './harness'
import { demoAfterRun, HOSTILE, startLabSession, type LabSession } from './session'

let session: LabSession
let page: Page
let id = ''
const call = <T>(method: string, input?: unknown) => callCore<T>(session.server.core, method, input)

beforeAll(async () => {
  session = await startLabSession('handover-e2e-tools-')
  page = session.page
  id = await demoAfterRun(session)
})
afterAll(() => session?.close())

const h1 = () => page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 5_000 })
const go = async (hash: string, heading: string | RegExp) => {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`)
  await expect.poll(h1, { timeout: 20_000 }).toMatch(heading)
}
const runsOf = () => call<unknown[]>('listRuns', { engagementId: id, limit: 50 })

describe("the consultant's tools: runbook detours, palette, shortcuts, titles, result actions, attachments", () => {
  it('a verify that does not pass can be retried, skipped with a reason, stepped back from and abandoned', async () => {
    await openApp(page, session.server.newLaunchUrl())
    const runsBefore = (await runsOf()).length
    await go(`#/engagements/${id}/runbooks`, 'Runbooks')
    // what is failing (dns.hosts, http.https) suggests its runbooks first
    await expect.poll(() => page.getByRole('region', { name: 'Suggested by what is failing' }).textContent()).toContain('A DNS change broke the site')
    await page.getByRole('button', { name: 'Start A DNS change broke the site' }).click()
    const step = page.getByTestId('runbook-step')
    await expect.poll(() => page.getByTestId('step-counter').textContent()).toBe('Step 1 of 7')
    await step.getByLabel('What was changed last, and when?').fill('Moved app to the new server at 14:05')
    await step.getByRole('button', { name: 'Done, next step' }).click()
    await expect.poll(() => page.getByTestId('step-counter').textContent()).toBe('Step 2 of 7')

    // Verify: dns.hosts fails in the demo; the step offers Retry and Skip, and is not a run of the engagement
    await step.getByRole('button', { name: 'Verify now' }).click()
    await expect.poll(() => step.getByRole('status').textContent(), { timeout: 60_000 }).toContain('Not fixed yet')
    expect(await step.getByRole('button', { name: 'Retry' }).count()).toBe(1)
    expect((await runsOf()).length).toBe(runsBefore)
    await shot(page, 'tools-01-verify-failed')
    await expectAccessible(page, 'failed verify')

    // Skip needs a reason, said in place
    await step.getByRole('button', { name: 'Skip this step…' }).click()
    await step.getByRole('button', { name: 'Skip step' }).click()
    await expect.poll(() => step.getByText('Say why this step is skipped').count()).toBe(1)
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('skip-reason')
    await step.getByLabel('Why skip it?').fill('The old server is being retired tonight; checking tomorrow')
    await shot(page, 'tools-02-skip-reason')
    await step.getByRole('button', { name: 'Skip step' }).click()
    await expect.poll(() => page.getByTestId('step-counter').textContent()).toBe('Step 3 of 7')
    expect(await page.locator('.rb-progress .rb-skipped').textContent()).toContain('See what DNS says right now (skipped)')

    // the decision's question reads as text, not as a small grey uppercase legend
    const q = page.locator('#rb-question')
    expect(await q.evaluate((el) => [el.tagName, getComputedStyle(el).textTransform])).toEqual(['P', 'none'])
    await shot(page, 'tools-03-question')

    // back to the verify step, the way the run came
    await step.getByRole('button', { name: 'Previous step' }).click()
    await expect.poll(() => page.getByTestId('step-counter').textContent()).toBe('Step 2 of 7')
    await expect.poll(() => step.getByRole('heading', { level: 2 }).textContent()).toBe('See what DNS says right now')

    // abandon asks first; Keep going keeps the run
    await step.getByRole('button', { name: 'Abandon…' }).click()
    const confirm = page.getByRole('alertdialog', { name: /Abandon/ })
    await shot(page, 'tools-04-abandon-confirm')
    await expectAccessible(page, 'abandon dialog')
    await confirm.getByRole('button', { name: 'Keep going' }).click()
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0)
    await step.getByRole('button', { name: 'Abandon…' }).click()
    await page.getByRole('alertdialog').getByLabel(/Why/).fill('The client fixed it themselves')
    await page.getByRole('alertdialog').getByRole('button', { name: 'Abandon runbook' }).click()
    await expect.poll(h1).toBe('Runbooks')
    expect(await page.getByRole('heading', { name: 'In progress' }).count()).toBe(0)

    // an open run reads who started it and which step it is at, by title
    await page.getByRole('button', { name: 'Start A DNS change broke the site' }).click()
    await expect.poll(() => page.getByTestId('step-counter').textContent()).toBe('Step 1 of 7')
    await go(`#/engagements/${id}/runbooks`, 'Runbooks')
    await expect.poll(() => page.getByTestId('open-run-meta').first().textContent()).toMatch(/^Started .+ · step 1 of 7: Stop further changes$/)
    expect(session.pageErrors).toEqual([])
  })

  it('the palette finds screens, checks, hosts and results by keyboard', async () => {
    await go(`#/engagements/${id}`, 'Acme Launch')
    const open = async (q: string) => {
      await page.keyboard.press('Control+k')
      const box = page.getByRole('combobox', { name: /^Search screens/ })
      await box.fill(q)
      return box
    }
    const options = () => page.getByRole('listbox').getByRole('option')

    let box = await open('vault')
    await expect.poll(() => options().first().textContent()).toContain('Vault')
    await box.press('Enter')
    await expect.poll(h1).toBe('Vault')

    box = await open('handover')
    await expect.poll(() => options().first().textContent()).toContain('Handover')
    await box.press('Enter')
    await expect.poll(() => page.evaluate('location.hash')).toBe(`#/engagements/${id}/handover`)

    await open('http.https')
    // the check, by its id (its title says HTTPS), and its results
    await expect.poll(async () => (await options().allTextContents()).some((t) => t.startsWith('Check') && t.endsWith('http.https'))).toBe(true)
    expect((await options().allTextContents()).some((t) => t.startsWith('Resulthttp.https on '))).toBe(true)
    await shot(page, 'tools-05-palette-http')
    await expectAccessible(page, 'palette')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('combobox', { name: /^Search screens/ }).count()).toBe(0)

    box = await open('dns.hosts')
    await expect.poll(() => options().first().textContent()).toMatch(/^Resultdns\.hosts on /)
    // arrows move the selection; Enter opens what is selected
    await box.press('ArrowDown')
    await box.press('ArrowUp')
    expect(await options().first().getAttribute('aria-selected')).toBe('true')
    await box.press('Enter')
    await expect.poll(() => page.evaluate('location.hash')).toMatch(new RegExp(`^#/engagements/${id}/results/\\d+$`))

    box = await open('staging')
    await expect.poll(() => options().first().textContent()).toContain('staging.acme-launch.example')
    await box.press('Enter')
    await expect.poll(() => page.evaluate('location.hash')).toBe(`#/engagements/${id}/evidence&host=staging.acme-launch.example`)
    await expect.poll(h1).toBe('Evidence')
    expect(session.pageErrors).toEqual([])
  })

  it('? lists every shortcut (not while typing), and the window title follows the screen', async () => {
    await go('#/engagements', 'Engagements')
    expect(await page.title()).toBe('Engagements — Handover Console')
    await page.locator('#filter').focus()
    await page.keyboard.type('?')
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0)
    await page.locator('#filter').fill('')
    await page.locator('#content').focus()
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await sheet.waitFor()
    const rows = await sheet.getByTestId('shortcut').allTextContents()
    expect(rows).toEqual(expect.arrayContaining([expect.stringContaining('Open the command palette'), expect.stringContaining('Run everything'), expect.stringContaining('Waive the focused item')]))
    await shot(page, 'tools-06-shortcuts')
    await expectAccessible(page, 'shortcut sheet')
    await page.keyboard.press('Escape')
    await expect.poll(() => sheet.count()).toBe(0)

    await go(`#/engagements/${id}/vault`, 'Vault')
    await expect.poll(() => page.title()).toBe('acme-launch.example · Vault — Handover Console')
    await go(`#/engagements/${id}/sprint`, 'Sprint board')
    await expect.poll(() => page.title()).toBe('acme-launch.example · Sprint board — Handover Console')
    await go('#/settings', 'Settings')
    await expect.poll(() => page.title()).toBe('Settings — Handover Console')
  })

  it('a failing result offers Re-run, Waive and the runbooks for it', async () => {
    const results = await call<{ id: number; checkId: string; target: string; status: string }[]>('listResults', { engagementId: id })
    const bad = results.find((r) => r.checkId === 'dns.hosts' && r.status === 'fail')!
    await go(`#/engagements/${id}/results/${bad.id}`, /\S/)
    await page.getByRole('heading', { name: 'Why it matters' }).waitFor()
    await expect.poll(() => page.title()).toBe(`acme-launch.example · dns.hosts on ${bad.target} — Handover Console`)
    await expect.poll(() => page.getByTestId('suggested-runbooks').textContent()).toContain('A DNS change broke the site')
    await shot(page, 'tools-07-result-actions')

    // Re-run: a real run of that check; the new result opens when it ends
    const before = (await runsOf()).length
    await page.getByRole('button', { name: 'Re-run' }).click()
    await expect.poll(() => page.evaluate('location.hash'), { timeout: 60_000 }).not.toBe(`#/engagements/${id}/results/${bad.id}`)
    expect((await runsOf()).length).toBe(before + 1)
    await expect.poll(() => page.getByRole('button', { name: 'Re-run' }).isEnabled()).toBe(true)

    // Waive with the board's waiver form; focus returns to the page, not <body>
    await page.getByRole('button', { name: 'Waive…' }).click()
    const waive = page.getByRole('dialog', { name: /Waive/ })
    await waive.getByLabel('Reason').fill('The old server is retired tonight; accepted until then.')
    await waive.getByLabel('Accepted by').fill('Ada Founder')
    await waive.getByRole('button', { name: 'Waive item' }).click()
    await shot(page, 'tools-07b-result-waived')
    await expect.poll(() => page.locator('.result-actions').getByText(/^Waived until/).count()).toBe(1)
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('result-rerun')
    expect(session.pageErrors).toEqual([])
  })

  it('opens attachments: an image is previewed inline, anything else is only saved as a download', async () => {
    await go(`#/engagements/${id}/sprint/reset-email-inbox`, 'Sprint board')
    const sheet = page.getByRole('dialog')
    const list = sheet.getByTestId('attachments')
    await list.waitFor()
    // the picker is a styled button with the state of the choice beside it
    expect(await sheet.getByText('Choose files…').count()).toBe(1)
    expect(await sheet.getByText(/^No file chosen/).count()).toBe(1)

    await list.getByRole('button', { name: 'Preview inbox.png' }).click()
    const img = sheet.getByTestId('attachment-preview')
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1)
    expect(await img.getAttribute('src')).toMatch(/^blob:/)
    await shot(page, 'tools-08-attachment-preview')
    await expectAccessible(page, 'attachment preview')

    // the HTML attachment has no preview, and saving it downloads bytes, never a rendered page
    expect(await list.getByRole('button', { name: 'Preview export.html' }).count()).toBe(0)
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Save export.html' }).click()])
    expect(download.suggestedFilename()).toBe('export.html')
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(path).equals(HOSTILE)).toBe(true)
    expect(await page.title()).not.toBe('pwned')
    expect(session.pageErrors).toEqual([])
  })

  it('starts a sprint from a chosen template, finishes it after saying what is open, and undoes a delete', async () => {
    // the create form can start the sprint at once from a template
    await go('#/engagements', 'Engagements')
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    const form = page.getByRole('dialog', { name: 'New engagement' })
    await form.getByLabel('Primary domain').fill('gamma.example')
    await form.getByLabel('Sprint').selectOption({ label: 'Start now: Launch-ready in 48 hours' })
    await form.getByRole('button', { name: 'Create engagement' }).click()
    await expect.poll(h1).toBe('gamma.example')
    const gamma = (await call<{ id: string; domain: string }[]>('listEngagements')).find((e) => e.domain === 'gamma.example')!
    await expect.poll(async () => (await call<{ sprint: { templateId: string } } | null>('sprintStatus', { engagementId: gamma.id }))?.sprint.templateId).toBe('launch-ready')

    const beta = (await call<{ id: string }>('createEngagement', { clientName: 'Beta Shop', domain: 'beta.example', hosts: ['www'] })).id
    await go(`#/engagements/${beta}/sprint`, 'Sprint board')
    const template = page.getByLabel('Template')
    await expect.poll(() => template.locator('option').allTextContents()).toContain('Launch-ready in 48 hours')
    await shot(page, 'tools-09-start-sprint')
    await page.getByRole('button', { name: 'Start sprint' }).click()
    await page.getByRole('button', { name: 'Finish sprint…' }).waitFor()
    expect((await call<{ sprint: { templateId: string } }>('sprintStatus', { engagementId: beta })).sprint.templateId).toBe('launch-ready')

    // Finish asks first and lists what is still open; Keep going changes nothing
    await page.getByRole('button', { name: 'Finish sprint…' }).click()
    const ask = page.getByRole('alertdialog', { name: 'Finish the sprint?' })
    await expect.poll(() => ask.getByTestId('finish-open').locator('li').count()).toBeGreaterThan(5)
    await shot(page, 'tools-10-finish-sprint')
    await expectAccessible(page, 'finish sprint')
    await ask.getByRole('button', { name: 'Keep going' }).click()
    expect((await call<{ sprint: { finishedAt: string | null } }>('sprintStatus', { engagementId: beta })).sprint.finishedAt).toBeNull()
    await page.getByRole('button', { name: 'Finish sprint…' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Finish sprint' }).click()
    await expect.poll(() => page.locator('.page-head .subtitle').textContent()).toContain('Sprint finished')
    expect(await page.getByRole('button', { name: 'Finish sprint…' }).count()).toBe(0)

    // Delete, then Undo: back as it was, sprint and all
    await go(`#/engagements/${beta}`, 'Beta Shop')
    await page.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete engagement' }).click()
    await expect.poll(h1).toBe('Engagements')
    const undo = page.getByRole('button', { name: 'Undo' })
    await undo.waitFor()
    await shot(page, 'tools-11-undo-delete')
    // meanwhile the data is kept, hidden from every list
    expect((await call<{ id: string }[]>('listEngagements')).map((e) => e.id)).not.toContain(beta)
    expect(session.server.core.workspace.db.prepare('SELECT COUNT(*) FROM sprints WHERE engagement_id = ?').pluck().get(beta)).toBe(1)
    await undo.click()
    await expect.poll(h1).toBe('Beta Shop')
    expect((await call<{ sprint: { finishedAt: string | null } }>('sprintStatus', { engagementId: beta })).sprint.finishedAt).not.toBeNull()
    expect(session.pageErrors).toEqual([])
  })
})
