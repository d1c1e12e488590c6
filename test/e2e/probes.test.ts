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
  it('declares a smoke flow in a form that says every problem at once, runs it, and removes it after asking', async () => {
    const e = await call<{ id: string }>('createEngagement', { domain: D, clientName: 'Acme Launch', hosts: ['www', 'app', 'api', { name: 'staging', role: 'staging' }] })
    await openApp(page, server!.newLaunchUrl())
    await page.getByTestId('engagement-row').first().locator('button.row-open').click()
    const flows = page.getByTestId('smoke-flows')
    await expect.poll(() => flows.textContent()).toContain('No smoke flow declared')
    await flows.getByRole('button', { name: 'Add a smoke flow' }).click()
    const form = flows.getByRole('form', { name: 'Add a smoke flow' })

    // nothing named, a step off the domain, a bad status: all said at once, focus on the first
    await form.getByLabel('URL').fill('https://victim.example/login')
    await form.getByLabel('Expected status').fill('2000')
    await form.getByRole('button', { name: 'Save flow' }).click()
    await expect.poll(() => form.locator('.field-error').allTextContents()).toEqual(['Give the flow a name, like "staging sign-in"', 'Steps go only to acme-launch.example and its hosts', 'A status code from 100 to 599'])
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('name')
    // what was typed is kept as typed
    expect(await form.getByLabel('URL').inputValue()).toBe('https://victim.example/login')
    await form.scrollIntoViewIfNeeded()
    await shot(page, 'probes-smoke-form-errors')

    await form.getByLabel('Flow name').fill('staging sign-in')
    await form.getByLabel('URL').fill(`https://staging.${D}/login`)
    await form.getByLabel('Expected status').fill('200')
    await form.getByLabel(/Expected text/).fill('Sign in')
    await form.getByRole('button', { name: 'Add a step' }).click()
    const step2 = form.getByRole('group', { name: 'Step 2' })
    await step2.getByLabel('Method').selectOption('POST')
    await step2.getByLabel('URL').fill(`https://www.${D}/session`)
    await step2.getByLabel(/Expected text/).fill('Welcome back')
    await step2.getByLabel('Form fields').fill('email=smoke@example.com\npassword=staging-only')
    // core knows which hosts are staging: a form posted to www is refused, in words, nothing saved
    await form.getByRole('button', { name: 'Save flow' }).click()
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('forms are posted only to a host declared as staging or preview')
    expect((await call<{ settings: { flows: unknown[] } }>('probeState', { engagementId: e.id })).settings.flows).toEqual([])

    await step2.getByLabel('URL').fill(`https://staging.${D}/session`)
    await form.getByRole('button', { name: 'Save flow' }).click()
    await expect.poll(() => flows.getByTestId('smoke-flow').textContent()).toContain(`POST https://staging.${D}/session → 200 "Welcome back" (form: email, password)`)
    await shot(page, 'probes-smoke-flow')
    await expectAccessible(page, 'probes card with a smoke flow')

    // http.smoke walks it against the sandbox's staging host
    const { runId } = await call<{ runId: string }>('runAudit', { engagementId: e.id, checkIds: ['http.smoke'] })
    expect((await runDone(runId))?.checks[0]).toMatchObject({ status: 'pass', summary: '"staging sign-in" (2 steps) passed' })

    // removing asks first; Keep keeps it
    await flows.getByRole('button', { name: 'Remove staging sign-in' }).click()
    await flows.getByRole('button', { name: 'Keep' }).click()
    expect(await flows.getByTestId('smoke-flow').count()).toBe(1)
    await flows.getByRole('button', { name: 'Remove staging sign-in' }).click()
    await flows.getByRole('button', { name: 'Remove', exact: true }).click()
    await expect.poll(() => flows.textContent()).toContain('No smoke flow declared')
    expect(pageErrors).toEqual([])
  })
})
