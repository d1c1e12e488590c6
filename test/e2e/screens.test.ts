import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { runDone } from '../../electron/core/api/checks'
import { memoryCredentialSource } from '../../electron/core/vault/sources'
import { startLab, type Lab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, openApp, shot, waitReady } from './harness'
import { callCore } from '../helpers/call'

let browser: Browser
let lab: Lab
let context: BrowserContext
let page: Page
let ws: { dir: string; cleanup(): void }
let server: BrowserServer | null = null
const pageErrors: string[] = []

beforeAll(async () => {
  lab = await startLab('demo')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await lab?.close()
})
beforeEach(async () => {
  ws = tempDir('handover-e2e-screens-')
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  server = await startServer({ workspaceDir: ws.dir, port: 0, profile: lab.profile, credentials })
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', colorScheme: 'light' })
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

const call = <T>(method: string, input?: unknown) => callCore<T>(server!.core, method, input)

/** The demo engagement with one audit run of a few checks, so there is evidence to look at. */
async function seed(): Promise<string> {
  const e = await call<{ id: string }>('createEngagement', {
    clientName: 'Acme Launch',
    founderEmail: 'founder@acme-launch.example',
    domain: 'acme-launch.example',
    hosts: ['www', 'app', 'api', 'staging', 'docs'],
  })
  const { runId } = await call<{ runId: string }>('runAudit', { engagementId: e.id, checkIds: ['dns.hosts', 'http.canonical', 'tls.cert', 'http.routes'] })
  await runDone(runId)
  return e.id
}

const evidenceRows = () => page.getByTestId('evidence-row')

describe('result and evidence screens against the demo sandbox', () => {
  it('lists evidence by address, filters it, opens an item and its result with pretty evidence', async () => {
    const id = await seed()
    await openApp(page, server!.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${id}/evidence'`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Evidence')
    await expect.poll(() => evidenceRows().count()).toBeGreaterThan(5)
    expect(await page.getByTestId('evidence-list').count()).toBe(1)
    // windowed: far fewer rows in the DOM than items loaded
    expect(await evidenceRows().count()).toBeLessThan(45)
    await shot(page, 'u2-01-evidence')
    await expectAccessible(page, 'evidence timeline')

    // filter: only DNS answers about www
    // a check family, applied as typed (no Apply button), kept in the address
    await page.getByLabel('Check or family').fill('http')
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/engagements/${id}/evidence&check=http`)
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^\d+ items?/ }).textContent()).toMatch(/^[1-9]\d* items?/)
    expect((await page.locator('[data-testid="evidence-row"] .mono.small.muted').allTextContents()).every((t) => / · http\./.test(t))).toBe(true)
    await page.getByRole('button', { name: /^Clear/ }).click()
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/engagements/${id}/evidence`)

    // search finds words in labels, checks, hosts and kinds
    await page.getByLabel('Search', { exact: true }).fill('CERT')
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/engagements/${id}/evidence&q=CERT`)
    await expect.poll(async () => (await evidenceRows().allTextContents()).length > 0 && (await evidenceRows().allTextContents()).every((t) => /cert/i.test(t))).toBe(true)

    // a deep link with filters opens filtered, after a reload too
    await page.evaluate(`location.hash = '#/engagements/${id}/evidence&kind=dns.answer&host=www.acme-launch.example'`)
    await page.reload()
    await waitReady(page)
    await expect.poll(() => page.getByLabel('Host').inputValue(), { timeout: 15_000 }).toBe('www.acme-launch.example')
    expect(await page.getByLabel('Search', { exact: true }).inputValue()).toBe('')
    await expect.poll(async () => (await page.locator('[data-testid="evidence-row"] .ev-target').allTextContents()).every((t) => t === 'www.acme-launch.example')).toBe(true)
    await expect.poll(() => evidenceRows().count()).toBeGreaterThan(0)

    // open one: a DNS table in the side panel
    await evidenceRows().first().getByRole('button').click()
    const panel = page.getByTestId('evidence-panel')
    await expect.poll(() => panel.locator('th', { hasText: 'TTL' }).count()).toBe(1)
    expect(await panel.textContent()).toMatch(/SHA-256 [0-9a-f]{64}/)
    await shot(page, 'u2-02-evidence-panel')
    await expectAccessible(page, 'evidence panel')

    // its result: summary, why, fix, evidence with hashes, history
    await panel.getByRole('button', { name: 'Open the latest result of this check' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Why it matters' }).count()).toBe(1)
    expect(page.url()).toMatch(/#\/engagements\/[^/]+\/results\/\d+$/)
    expect(await page.getByRole('heading', { name: 'How to fix' }).count()).toBe(1)
    expect(await page.locator('.ev-item').count()).toBeGreaterThan(0)
    expect(await page.locator('.hash').first().textContent()).toMatch(/[0-9a-f]{64}/)
    await expect.poll(() => page.locator('.history li').count()).toBeGreaterThan(0)
    await shot(page, 'u2-03-result')
    await expectAccessible(page, 'result detail')

    // reload keeps the screen (the address is the route)
    await page.reload()
    await expect.poll(() => page.getByRole('heading', { name: 'Why it matters' }).count()).toBe(1)
    expect(pageErrors).toEqual([])

    // pictures: DNS map, redirect map, latency histograms with a p95 line
    await page.getByRole('link', { name: 'Pictures' }).click()
    await expect.poll(() => page.getByRole('img', { name: /^DNS map:/ }).count()).toBe(1)
    expect(await page.getByRole('img', { name: /^DNS map:/ }).getAttribute('aria-label')).toContain('www.acme-launch.example')
    expect(await page.getByRole('img', { name: /^Redirect map:/ }).count()).toBe(1)
    await expect.poll(() => page.getByRole('img', { name: /^Latency of / }).count()).toBeGreaterThan(0)
    expect(await page.locator('.pic-p95').count()).toBeGreaterThan(0)
    expect(page.url()).toMatch(/#\/engagements\/[^/]+\/pictures$/)
    await shot(page, 'u2-05-pictures')
    await expectAccessible(page, 'pictures')
    await page.locator('#h-latency').scrollIntoViewIfNeeded()
    await shot(page, 'u2-05b-latency')
    expect(pageErrors).toEqual([])
  })

  it('guides a runbook one step at a time, verifies with evidence links, and resumes', async () => {
    const e = await call<{ id: string }>('createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www', 'app', 'api', 'staging', 'docs'] })
    await openApp(page, server!.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${e.id}/runbooks'`)
    await expect.poll(() => page.getByTestId('runbook-row').count()).toBeGreaterThan(3)
    await shot(page, 'u2-06-runbooks')
    await expectAccessible(page, 'runbooks')

    await page.getByRole('button', { name: 'Start A DNS change broke the site' }).click()
    const step = page.getByTestId('runbook-step')
    await expect.poll(() => step.getByRole('heading', { level: 2 }).textContent()).toBe('Stop further changes')
    expect(await page.getByText('Step 1 of').count()).toBe(1)
    await step.getByLabel('What was changed last, and when?').fill('A record for www, 09:10')
    await shot(page, 'u2-07-runbook-step')
    await expectAccessible(page, 'runbook step')
    await step.getByRole('button', { name: 'Done, next step' }).click()

    await expect.poll(() => step.getByRole('heading', { level: 2 }).textContent()).toBe('See what DNS says right now')
    await step.getByRole('button', { name: 'Verify now' }).click()
    await expect.poll(() => step.locator('.rb-outcome').count(), { timeout: 30_000 }).toBe(1)
    expect(await step.locator('.rb-checks li').count()).toBeGreaterThan(0)
    await shot(page, 'u2-08-runbook-verify')
    await expectAccessible(page, 'runbook verify')

    // resumable: the list offers the unfinished run, and it reopens where it was
    await page.getByRole('link', { name: 'Runbooks' }).last().click()
    await expect.poll(() => page.getByRole('button', { name: 'Resume' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Resume' }).click()
    await expect.poll(() => page.getByTestId('runbook-step').getByRole('heading', { level: 2 }).textContent()).not.toBe('Stop further changes')
    expect(pageErrors).toEqual([])
  })

  it('shows the vault, with a clear state when the keychain is unavailable, and adds/removes when it is', async () => {
    const e = await call<{ id: string }>('createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www'] })
    const status = await call<{ available: boolean }>('keychainStatus', {})
    await openApp(page, server!.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${e.id}/vault'`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vault')
    if (!status.available) {
      await expect.poll(() => page.getByTestId('keychain-unavailable').count()).toBe(1)
      expect(await page.getByRole('button', { name: 'Add credential' }).isDisabled()).toBe(true)
    } else {
      await page.getByRole('button', { name: 'Add credential' }).click()
      await page.getByLabel('Provider').selectOption('other')
      await page.getByLabel('Label').fill('Screens e2e token')
      await page.getByLabel('Secret').fill('not-a-real-secret-e2e')
      await page.getByRole('button', { name: 'Save and verify' }).click()
      await expect.poll(() => page.getByTestId('credential-row').count()).toBe(1)
      // the secret is never echoed back into the page
      expect(await page.content()).not.toContain('not-a-real-secret-e2e')
    }
    await shot(page, 'u2-09-vault')
    await expectAccessible(page, 'vault')
    if (status.available) {
      await page.getByRole('button', { name: 'Remove Screens e2e token' }).click()
      await page.getByRole('button', { name: 'Remove', exact: true }).click()
      await expect.poll(() => page.getByTestId('credential-row').count()).toBe(0)
    }
    expect(pageErrors).toEqual([])
  })

  it('builds a handover bundle and shows its files and verification, or says why it cannot', async () => {
    const id = await seed()
    await openApp(page, server!.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${id}/handover'`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Handover')
    await expect.poll(() => page.getByText('No bundle yet').count()).toBe(1)
    // who signs: set as Settings would (its own e2e test drives that form); needs the keychain
    const signer = await call('saveSigningIdentity', { name: 'Ada Consultant', email: 'ada@studio.example', organisation: 'Ada Launch Studio' }).catch((e: Error) => e)
    if (signer instanceof Error) {
      expect(signer.message).toContain('keychain')
      await expect.poll(() => page.getByTestId('identity-needed').isVisible()).toBe(true)
      expect(await page.getByRole('button', { name: 'Build the bundle' }).isDisabled()).toBe(true)
    } else {
      await page.reload()
      await waitReady(page)
      await expect.poll(() => page.getByTestId('identity-needed').count()).toBe(0)
      await page.getByRole('button', { name: 'Build the bundle' }).click()
    }
    const outcome = () => page.locator('[data-testid="verify-report"], .banner-error, [data-testid="identity-needed"]').count()
    await expect.poll(outcome, { timeout: 60_000 }).toBeGreaterThan(0)
    if (await page.getByTestId('verify-report').count()) {
      expect(await page.getByTestId('verify-report').textContent()).toContain('Intact')
      expect(await page.getByRole('table', { name: 'Files in the bundle' }).locator('tbody tr').count()).toBeGreaterThan(1)
      expect(await page.getByTestId('bundle-row').count()).toBe(1)
    } else {
      // without a keychain there is no signing key: the screen says so instead of failing silently
      expect(await page.locator('.banner-error, [data-testid="identity-needed"]').first().textContent()).toMatch(/\S{10,}/)
    }
    await shot(page, 'u2-10-handover')
    await expectAccessible(page, 'handover')
  })

  it('shows the workspace location and keeps a theme override across reloads', async () => {
    await openApp(page, server!.newLaunchUrl())
    await page.getByRole('link', { name: 'Settings' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings')
    expect(await page.getByTestId('workspace-path').textContent()).toContain(ws.dir)
    await page.getByLabel('Dark').check()
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark')
    await page.reload()
    // a reload fetches the app, then the Settings screen's own chunk: a hang guard, not a speed limit
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Settings')
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark')
    expect(await page.getByLabel('Dark').isChecked()).toBe(true)
    await shot(page, 'u2-11-settings-dark')
    await expectAccessible(page, 'settings (dark)')
    await page.getByLabel('Follow the system').check()
    expect(await page.evaluate('document.documentElement.dataset.theme ?? null')).toBeNull()
    expect(pageErrors).toEqual([])
  })

  it('walks Back and Forward through the screens, reloads the sprint board, and lists the runs', async () => {
    const id = await seed()
    await call('startSprint', { engagementId: id })
    // a second run of only the failing checks, as "Re-run failed" does
    const latest = await call<{ checkId: string; status: string }[]>('listResults', { engagementId: id })
    const failing = [...new Set(latest.filter((r) => r.status === 'fail').map((r) => r.checkId))]
    expect(failing.length).toBeGreaterThan(0)
    await runDone((await call<{ runId: string }>('runAudit', { engagementId: id, checkIds: failing })).runId)
    const h1 = () => page.getByRole('heading', { level: 1 }).textContent()
    const hash = () => new URL(page.url()).hash

    await openApp(page, server!.newLaunchUrl())
    expect(hash()).toBe('#/engagements')
    await page.getByTestId('engagement-row').first().getByRole('button').click()
    await expect.poll(h1).toBe('Acme Launch')
    // the dashboard lists both runs and says which run it compares the newest with
    await expect.poll(() => page.getByTestId('run-history').locator('li').count()).toBe(2)
    expect(await page.getByTestId('run-history').locator('li').first().textContent()).toMatch(/\d+ fail/)
    expect(await page.getByRole('heading', { name: /^Since the run of / }).count()).toBe(1)
    // the timeline draws the run made during the sprint; the seed run came before it started
    expect(await page.getByTestId('sprint-timeline').locator('[data-run]').count()).toBe(1)
    expect(await page.getByTestId('sprint-timeline').locator('.seg-fail').count()).toBe(1)
    expect(await page.getByText('1 run outside the sprint not drawn').count()).toBe(1)
    await page.getByTestId('sprint-timeline').scrollIntoViewIfNeeded()
    await shot(page, 'u2-12a-sprint-timeline')
    await page.getByTestId('run-history').scrollIntoViewIfNeeded()
    await shot(page, 'u2-12-dashboard-runs')
    await expectAccessible(page, 'dashboard with runs')

    await page.getByRole('button', { name: 'Open sprint board' }).click()
    await expect.poll(h1).toBe('Sprint board')
    expect(hash()).toBe(`#/engagements/${id}/sprint`)
    await page.getByRole('link', { name: 'Evidence' }).click()
    await expect.poll(h1).toBe('Evidence')

    // the browser's Back and Forward walk the screens
    await page.goBack()
    await expect.poll(h1).toBe('Sprint board')
    await page.goBack()
    await expect.poll(h1).toBe('Acme Launch')
    await page.goForward()
    await expect.poll(h1).toBe('Sprint board')
    expect(hash()).toBe(`#/engagements/${id}/sprint`)

    // reloading the board shows the board
    await page.reload()
    await waitReady(page)
    await expect.poll(h1).toBe('Sprint board')
    await expect.poll(() => page.getByTestId('sprint-item').count()).toBeGreaterThan(5)
    await shot(page, 'u2-13-board-reloaded')
    // history survives the reload: back to the dashboard, then the list
    await page.goBack()
    await expect.poll(h1).toBe('Acme Launch')
    await page.goBack()
    await expect.poll(h1).toBe('Engagements')

    // a link (or history entry) to an engagement that is not here says so and leads back
    await page.evaluate(`location.hash = '#/engagements/removed-long-ago/vault'`)
    await expect.poll(h1).toBe('This engagement is not in this workspace')
    await expectAccessible(page, 'missing engagement')
    await page.getByRole('button', { name: 'Go to the engagements' }).click()
    await expect.poll(h1).toBe('Engagements')
    expect(pageErrors).toEqual([])
  })

  it('teaches what to do when there is no evidence yet', async () => {
    const e = await call<{ id: string }>('createEngagement', { domain: 'acme-launch.example', hosts: ['www'] })
    await openApp(page, server!.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${e.id}/evidence'`)
    await expect.poll(() => page.getByRole('heading', { name: 'No evidence yet' }).count()).toBe(1)
    await shot(page, 'u2-04-evidence-empty')
    await expectAccessible(page, 'evidence empty')
    expect(pageErrors).toEqual([])
  })
})
