import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { dispatch } from '../../electron/core/api'
import { runDone } from '../../electron/core/api/checks'
import { startLab, type Lab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, openApp, shot } from './harness'

const D = 'acme-launch.example'
let browser: Browser
let context: BrowserContext
let page: Page
let lab: Lab
let ws: { dir: string; cleanup(): void }
let server: BrowserServer | null = null
const pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
  lab = await startLab('demo')
})
afterAll(async () => {
  await browser?.close()
  await lab?.close()
})
beforeEach(async () => {
  ws = tempDir('handover-e2e-probes-')
  server = await startServer({ workspaceDir: ws.dir, port: 0, profile: lab.profile })
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

const call = async <T,>(method: string, input: unknown): Promise<T> => {
  const r = await dispatch(server!.core, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as T
}

describe('probes on the engagement page', () => {
  it('declares an AI endpoint, records consent, reads each case’s verdict, and revokes', async () => {
    const e = await call<{ id: string }>('createEngagement', { domain: D, clientName: 'Acme Launch', hosts: ['www', 'app', 'api', 'staging'] })
    await openApp(page, server!.newLaunchUrl())
    await page.getByTestId('engagement-row').first().locator('button.row-open').click()
    const card = page.getByTestId('probes-card')
    await expect.poll(() => card.textContent()).toContain('No endpoint declared')
    expect(await card.textContent()).toContain('No consent recorded: abuse.rate-limit and ai.injection send nothing')

    // off the engagement's domain: refused by core, said in one line, nothing saved
    const form = card.getByRole('form', { name: 'Declare an endpoint' })
    await form.getByLabel('Name').fill('elsewhere')
    await form.getByLabel('URL').fill('https://victim.example/login')
    await form.getByRole('button', { name: 'Add endpoint' }).click()
    await expect.poll(() => card.getByRole('alert').textContent()).toContain('is not on acme-launch.example')

    await form.getByLabel('Name').fill('assistant')
    await form.getByLabel('Kind').selectOption('ai')
    await form.getByLabel('URL').fill(`https://api.${D}/v1/assist`)
    await form.getByLabel('Canary planted in the system prompt').fill('ACME-CANARY-7Q4Z')
    await form.getByRole('button', { name: 'Add endpoint' }).click()
    await expect.poll(() => card.getByRole('table', { name: 'Declared endpoints' }).textContent()).toContain(`POST https://api.${D}/v1/assist · canary planted`)

    const consent = card.getByRole('form', { name: 'Record consent' })
    await consent.getByLabel('Agreed by (site owner)').fill('Ada Founder')
    await consent.getByLabel('Recorded by').fill('Casey Consultant')
    await consent.getByLabel(/Requests per endpoint/).fill('12')
    await consent.getByRole('button', { name: 'Record consent' }).click()
    await expect.poll(() => card.getByTestId('probe-consent').textContent()).toMatch(/Consent in force: given by Ada Founder, recorded by Casey Consultant on .* for assistant; at most 12 requests per endpoint, 10 a second/)
    const chained = server!.core.workspace.db.prepare("SELECT COUNT(*) AS n FROM evidence WHERE engagement_id = ? AND kind = 'probe.consent'").get(e.id) as { n: number }
    expect(chained.n).toBe(1)
    await shot(page, 'probes-card')
    await expectAccessible(page, 'probes card with consent')

    // the probe runs under that consent; the result page reads each case's verdict
    const { runId } = await call<{ runId: string }>('runAudit', { engagementId: e.id, checkIds: ['ai.injection'] })
    await runDone(runId)
    const result = server!.core.workspace.db.prepare("SELECT id FROM check_results WHERE engagement_id = ? AND check_id = 'ai.injection'").get(e.id) as { id: number }
    await page.goto(`${new URL(page.url()).origin}/#/engagements/${e.id}/results/${result.id}`)
    const cases = page.getByRole('table', { name: 'Cases against assistant' })
    await expect.poll(() => cases.locator('tbody tr').count()).toBeGreaterThanOrEqual(20)
    const row = (id: string) => cases.locator('tbody tr').filter({ has: page.getByRole('cell', { name: id, exact: true }) })
    expect(await row('enc-01').textContent()).toMatch(/encoding\s*leaked\s*canary \(base64\)/)
    expect(await row('tool-01').textContent()).toMatch(/tool-misuse\s*leaked\s*tool call/)
    expect(await cases.locator('caption').textContent()).toMatch(/assistant: leaked in system-prompt-extraction, .*tool-misuse/)
    await shot(page, 'probes-cases')
    await expectAccessible(page, 'ai.injection result with its cases')

    // revoking brings the consent form back, and the chain states it
    await page.goBack()
    await page.getByTestId('probes-card').getByRole('button', { name: 'Revoke consent' }).click()
    await expect.poll(() => page.getByTestId('probes-card').getByRole('form', { name: 'Record consent' }).count()).toBe(1)
    expect((server!.core.workspace.db.prepare("SELECT COUNT(*) AS n FROM evidence WHERE engagement_id = ? AND kind = 'probe.consent'").get(e.id) as { n: number }).n).toBe(2)
    expect(pageErrors).toEqual([])
  })
})
