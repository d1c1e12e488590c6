import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { acceptanceText } from '../../electron/core/handover/bundle/acceptance'
import { callCore } from '../helpers/call'
import { expectAccessible, openApp, shot } from './harness'
import { demoAfterRun, HOSTILE, startLabSession, type LabSession } from './session'

let session: LabSession
let page: Page
let id = ''
let fresh = ''
/** Signing a bundle needs the OS keychain: npm test runs e2e inside a D-Bus session with gnome-keyring. */
const KEYCHAIN = process.platform !== 'linux' || !!process.env.DBUS_SESSION_BUS_ADDRESS
const call = <T>(method: string, input?: unknown) => callCore<T>(session.server.core, method, input)

beforeAll(async () => {
  session = await startLabSession('handover-e2e-round-two-')
  page = session.page
  await page.setViewportSize({ width: 1024, height: 700 })
  id = await demoAfterRun(session)
  fresh = (await call<{ id: string }>('createEngagement', { clientName: 'Beta Shop', domain: 'beta.example', hosts: ['www'] })).id
  await openApp(page, session.server.newLaunchUrl())
})
afterAll(() => session?.close())

const h1 = () => page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 5_000 })
const go = async (hash: string, heading: string | RegExp) => {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`)
  await expect.poll(h1, { timeout: 20_000 }).toMatch(heading)
}
const rows = () => page.getByTestId('evidence-row')
const targets = () => page.locator('[data-testid="evidence-row"] .ev-target').allTextContents()
const countText = () => page.locator('.page-head [role="status"]').textContent()

describe('the console, round two: links the evidence follows, templates, runbook hints and paths, attachments in the evidence', () => {
  it('the evidence follows its address while open: the palette, a link, Back and Forward', async () => {
    await go(`#/engagements/${id}/evidence`, 'Evidence')
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBeGreaterThan(5)
    const all = await countText()

    // the palette's "staging" while on the evidence: the list and the filter bar follow, no reload
    await page.keyboard.press('Control+k')
    const box = page.getByRole('combobox', { name: /^Search screens/ })
    await box.fill('staging')
    await expect.poll(() => page.getByRole('listbox').getByRole('option').first().textContent()).toContain('staging.acme-launch.example')
    await box.press('Enter')
    await expect.poll(() => page.getByLabel('Host').inputValue()).toBe('staging.acme-launch.example')
    await expect.poll(async () => (await targets()).length > 0 && (await targets()).every((t) => t === 'staging.acme-launch.example')).toBe(true)
    const staging = await countText()
    expect(staging).not.toBe(all)

    // a link with other filters (as the dashboard's charts make them)
    await page.evaluate(`location.hash = '#/engagements/${id}/evidence&status=fail'`)
    await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('fail')
    expect(await page.getByLabel('Host').inputValue()).toBe('')
    const tags = () => page.locator('[data-testid="evidence-row"] .st').allTextContents()
    await expect.poll(async () => (await tags()).length > 0 && (await tags()).every((t) => t === 'Fail')).toBe(true)
    await expect.poll(countText).not.toBe(staging)
    await shot(page, 'round2-01-evidence-follows-link')

    // Back and Forward walk the filtered views
    await page.goBack()
    await expect.poll(() => page.getByLabel('Host').inputValue()).toBe('staging.acme-launch.example')
    await expect.poll(countText).toBe(staging)
    await page.goForward()
    await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('fail')
    expect(await h1()).toBe('Evidence')
    expect(session.pageErrors).toEqual([])
  })

  it('the dashboard offers the template choice before starting the sprint', async () => {
    await go(`#/engagements/${fresh}`, 'Beta Shop')
    const template = page.getByLabel('Template')
    await expect.poll(() => template.locator('option').allTextContents(), { timeout: 20_000 }).toContain('Launch-ready in 48 hours')
    expect(await template.inputValue()).toBe('launch-ready')
    await shot(page, 'round2-02-dashboard-template')
    await expectAccessible(page, 'dashboard start sprint')
    await page.getByRole('button', { name: 'Start sprint' }).click()
    await page.getByRole('button', { name: 'Open sprint board' }).waitFor()
    expect((await call<{ sprint: { templateId: string } }>('sprintStatus', { engagementId: fresh })).sprint.templateId).toBe('launch-ready')
    expect(session.pageErrors).toEqual([])
  })

  it('a failing item on the board names its runbook and starts it', async () => {
    await go(`#/engagements/${id}/sprint`, 'Sprint board')
    const row = page.locator('[data-testid="sprint-item"][data-item="hosts-resolve"]')
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('fail')
    const hint = row.getByTestId('runbook-hint')
    await expect.poll(() => hint.textContent(), { timeout: 20_000 }).toContain('A DNS change broke the site')
    // only failing items carry a hint
    expect(await page.locator('[data-testid="sprint-item"]:not([data-status="fail"]) [data-testid="runbook-hint"]').count()).toBe(0)
    await row.scrollIntoViewIfNeeded()
    await shot(page, 'round2-03-board-runbook-hint')
    await expectAccessible(page, 'board with runbook hints')
    await hint.getByRole('button', { name: 'A DNS change broke the site' }).click()
    await expect.poll(h1).toBe('A DNS change broke the site')
    await expect.poll(() => page.getByTestId('step-counter').textContent()).toBe('Step 1 of 7')
    expect(session.pageErrors).toEqual([])
  })

  it('the step list shows the way taken and the chosen branch ahead, never the branch not taken', async () => {
    const steps = () => page.getByTestId('runbook-path').locator('li').allTextContents()
    const runId = (await call<{ run: { id: string } }>('startRunbook', { engagementId: id, runbookId: 'dns-broke-site' })).run.id
    await go(`#/engagements/${id}/runbooks/${runId}`, 'A DNS change broke the site')
    // before the decision: up to it, then how many more (as many as the counter says)
    await expect.poll(steps).toEqual(['Stop further changes', 'See what DNS says right now', 'Were the nameservers changed?', 'then 4 more steps, depending on the answer'])
    expect(await page.getByTestId('step-counter').textContent()).toBe('Step 1 of 7')

    await call('runbookDone', { runId, stepId: 'stop-changes', inputs: { last_change: 'Moved app to a new server' } })
    await call('runbookVerify', { runId, stepId: 'check-now' })
    await call('runbookSkip', { runId, stepId: 'check-now', reason: 'the registrar is down; checking later' })
    await call('runbookChoose', { runId, stepId: 'nameservers-changed', option: 0 })
    await page.reload()
    await expect.poll(() => page.getByTestId('step-counter').textContent(), { timeout: 20_000 }).toBe('Step 4 of 7')
    const list = await steps()
    expect(list.map((t) => t.trim())).toEqual([
      'Stop further changes',
      'See what DNS says right now (skipped)',
      'Were the nameservers changed?',
      'Put the nameservers back',
      'Wait out the caches',
      'Confirm the site resolves and loads again',
      'Close the loop',
    ])
    expect(list.join('|')).not.toContain('Restore the records')
    expect(await page.getByTestId('runbook-path').locator('[aria-current="step"]').textContent()).toBe('Put the nameservers back')
    await shot(page, 'round2-04-runbook-path')
    expect(session.pageErrors).toEqual([])
  })

  it("a verdict's attachments open from the evidence screen as from the item's sheet", async () => {
    await go(`#/engagements/${id}/evidence&kind=manual-verdict`, 'Evidence')
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(1)
    await rows().first().getByRole('button').click()
    const panel = page.getByTestId('evidence-panel')
    const list = panel.getByTestId('attachments')
    await list.waitFor()
    await list.getByRole('button', { name: 'Preview inbox.png' }).click()
    const img = panel.getByTestId('attachment-preview')
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1)
    expect(await img.getAttribute('src')).toMatch(/^blob:/)
    await img.scrollIntoViewIfNeeded()
    await shot(page, 'round2-05-evidence-attachment')
    await expectAccessible(page, 'evidence attachment preview')

    // the HTML file has no preview; saving it downloads its bytes, never a rendered page
    expect(await list.getByRole('button', { name: 'Preview export.html' }).count()).toBe(0)
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Save export.html' }).click()])
    expect(download.suggestedFilename()).toBe('export.html')
    expect(readFileSync(await download.path()).equals(HOSTILE)).toBe(true)
    expect(await page.title()).not.toBe('pwned')
    expect(session.pageErrors).toEqual([])
  })

  it.skipIf(!KEYCHAIN)("the founder's returned acceptance files are added from the handover screen, checked first", async () => {
    await call('saveSigningIdentity', { name: 'Ada Consultant', email: 'ada@studio.example', organisation: 'Ada Launch Studio' })
    const built = await call<{ dir: string }>('createBundle', { engagementId: id })
    const manifest = readFileSync(join(built.dir, 'manifest.json'))
    // made on the founder's machine with their own key, as VERIFY.txt step 7 does with openssl
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const text = Buffer.from(acceptanceText({ manifestSha256: createHash('sha256').update(manifest).digest('hex'), name: 'Ada Founder', email: 'ada@acme-launch.example', acceptedAt: '2026-12-07T10:00:00Z' }))
    const files = [
      { name: 'acceptance-ada.txt', mimeType: 'text/plain', buffer: text },
      { name: 'acceptance-ada.sig', mimeType: 'application/octet-stream', buffer: sign(null, text, privateKey) },
      { name: 'acceptance-ada.pub.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }).toString()) },
    ]
    await go(`#/engagements/${id}/handover`, 'Handover')
    const state = page.getByTestId('acceptance-state')
    await expect.poll(() => state.getAttribute('data-tone'), { timeout: 30_000 }).toBe('warn')
    const add = page.getByTestId('add-acceptance')
    expect(await add.getByText('Add the founder’s acceptance…').count()).toBe(1)
    const before = readdirSync(built.dir).sort()

    // two of the three, then a file that is no acceptance: refused beside the picker, nothing written
    await page.setInputFiles('#acceptance-files', files.slice(0, 2))
    await expect.poll(() => add.getByRole('alert').textContent()).toMatch(/incomplete: choose acceptance-ada\.pub\.pem too/)
    await add.scrollIntoViewIfNeeded()
    await shot(page, 'round2-06-acceptance-refused')
    await expectAccessible(page, 'acceptance refused')
    await page.setInputFiles('#acceptance-files', [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }, files[1]!, files[2]!])
    await expect.poll(() => add.getByRole('alert').textContent()).toMatch(/"notes\.txt" is not an acceptance file/)
    expect(readdirSync(built.dir).sort()).toEqual(before)

    // all three: added, and the bundle verifies with the founder's acceptance
    await page.setInputFiles('#acceptance-files', files)
    await expect.poll(() => state.getAttribute('data-tone'), { timeout: 30_000 }).toBe('pass')
    expect(await state.textContent()).toContain('accepted by Ada Founder <ada@acme-launch.example>')
    expect(await add.getByRole('alert').count()).toBe(0)
    expect(readdirSync(built.dir)).toEqual(expect.arrayContaining(['acceptance-ada.txt', 'acceptance-ada.sig', 'acceptance-ada.pub.pem']))
    await add.scrollIntoViewIfNeeded()
    await shot(page, 'round2-07-acceptance-added')
    expect(session.pageErrors).toEqual([])
  })
})
