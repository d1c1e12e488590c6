import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { SprintStatus } from '@shared/schemas/sprint'
import { dispatch } from '../../electron/core/api'
import { runDone } from '../../electron/core/api/checks'
import { credentialService } from '../../electron/core/api/credentials'
import { createMemoryStore } from '../../electron/core/vault/memory-store'
import { memoryCredentialSource } from '../../electron/core/vault/sources'
import { startLab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, openApp, serve, shot } from './harness'

let browser: Browser
let context: BrowserContext
let page: Page
let ws: { dir: string; cleanup(): void }
let server: BrowserServer | null = null
const pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  ws = tempDir('handover-e2e-')
  server = await serve(ws.dir)
  // reduced motion: screenshots and axe's contrast checks see settled frames, not fades
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', colorScheme: 'light' })
  page = await context.newPage()
  pageErrors.length = 0
  page.on('pageerror', (e) => pageErrors.push(e.message))
  // with the address it is about: a refused reconnect to a stopped server names that server
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`${m.text()} (${m.location().url})`))
})
afterEach(async () => {
  await context?.close()
  await server?.close()
  server = null
  ws.cleanup()
})

const rows = () => page.getByTestId('engagement-row')

describe('engagements in browser mode', () => {
  it('creates, edits and deletes an engagement, and finds the data again after a restart', async () => {
    await openApp(page, server!.newLaunchUrl())
    // the launch code became a session cookie and left the address bar
    expect(page.url()).not.toContain('/launch/')
    await expect.poll(() => page.getByRole('heading', { name: 'Create your first engagement' }).isVisible()).toBe(true)
    await shot(page, '01-empty')
    await expectAccessible(page, 'empty state')

    // create, with hosts as chips
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New engagement' })
    await dialog.getByLabel('Client name').fill('Acme Robotics')
    await dialog.getByLabel('Founder name').fill('Ada Lovelace')
    await dialog.getByLabel('Founder email').fill('ada@acme.example')
    await dialog.getByLabel('Primary domain').fill('Acme.Example.')
    await dialog.getByLabel('Declared hosts').fill('www, app, api')
    await dialog.getByLabel('Declared hosts').press('Enter')
    await dialog.getByRole('button', { name: 'Add host admin' }).click()
    await dialog.getByLabel('Role of app').selectOption('app')
    await dialog.getByLabel('Notes').fill('Launch on Monday. Stripe live keys not yet rotated.')
    await shot(page, '02-create-form')
    await expectAccessible(page, 'create form')
    await dialog.getByRole('button', { name: 'Create engagement' }).click()

    // the detail page of the new engagement
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Acme Robotics')
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Created Acme Robotics' }).count()).toBe(1)
    const hostCells = await page.locator('section[aria-labelledby="h-hosts"] tbody td.mono:not(.muted)').allTextContents()
    expect(hostCells).toEqual(['acme.example', 'admin.acme.example', 'api.acme.example', 'app.acme.example', 'www.acme.example'])
    await shot(page, '03-detail')
    await expectAccessible(page, 'detail')

    // listed
    await page.getByRole('link', { name: 'Engagements' }).first().click()
    await expect.poll(() => rows().count()).toBe(1)
    expect(await rows().first().textContent()).toContain('acme.example')
    expect(await rows().first().textContent()).toContain('5 hosts')

    // edit: open with Enter on the row, change the client and drop a host
    await rows().first().getByRole('button').focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit engagement' })
    await edit.getByLabel('Client name').fill('Acme Robotics GmbH')
    await edit.getByRole('button', { name: 'Remove admin' }).click()
    await edit.getByLabel('Product stage').selectOption('launch-first-customers')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Acme Robotics GmbH')
    expect(await page.locator('section[aria-labelledby="h-hosts"] tbody tr').count()).toBe(4)

    // delete through the confirmation; Escape cancels first
    await page.getByRole('button', { name: 'Delete' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete Acme Robotics GmbH?' })
    await expect.poll(() => confirm.isVisible()).toBe(true)
    await shot(page, '04-confirm-delete')
    await expectAccessible(page, 'delete confirmation')
    await page.keyboard.press('Escape')
    await expect.poll(() => confirm.count()).toBe(0)
    await page.getByRole('button', { name: 'Delete' }).click()
    await confirm.getByRole('button', { name: 'Delete engagement' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Create your first engagement' }).isVisible()).toBe(true)

    // another one, which must survive a restart
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    const again = page.getByRole('dialog', { name: 'New engagement' })
    await again.getByLabel('Client name').fill('Northwind Studio')
    await again.getByLabel('Primary domain').fill('northwind.example')
    await again.getByLabel('Declared hosts').fill('www staging')
    await again.getByRole('button', { name: 'Create engagement' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Northwind Studio')

    // the server goes away: the UI says so, and a save fails with a message instead of hanging
    const stopped = server!.origin
    await server!.close()
    await expect.poll(() => page.getByText('Reconnecting…').isVisible()).toBe(true)
    await page.keyboard.press('n')
    const offline = page.getByRole('dialog', { name: 'New engagement' })
    await offline.getByLabel('Primary domain').fill('offline.example')
    await offline.getByRole('button', { name: 'Create engagement' }).click()
    await expect.poll(() => offline.getByRole('alert').filter({ hasText: 'not answering' }).isVisible()).toBe(true)
    expect(await offline.isVisible()).toBe(true)
    await shot(page, '05-offline')
    await page.keyboard.press('Escape')
    const refusedByStopped = (m: string) => m.includes('ERR_CONNECTION_REFUSED') && m.includes(stopped)
    expect(pageErrors.every(refusedByStopped)).toBe(true)

    server = await serve(ws.dir)
    await openApp(page, server.newLaunchUrl())
    await expect.poll(() => rows().count()).toBe(1)
    const text = await rows().first().textContent()
    expect(text).toContain('Northwind Studio')
    expect(text).toContain('northwind.example')
    expect(text).toContain('3 hosts')
    await shot(page, '06-list-after-restart')
    await expectAccessible(page, 'list')
    // the stopped server's reconnect attempts may still be logged as the page moves on: only those
    expect(pageErrors.filter((m) => !refusedByStopped(m))).toEqual([])
  })

  it('works by keyboard, shows field errors from the contract, and passes axe in dark mode', async () => {
    for (const [domain, clientName, hosts] of [
      ['northwind.example', 'Northwind Studio', ['www', 'app', 'api', 'staging']],
      ['lumen.example', 'Lumen AI', ['www', 'app', 'api', 'admin', 'preview']],
      ['quill.example', 'Quill Press', ['www']],
    ] as const) {
      await server!.core.api.createEngagement({ domain, clientName, founderName: `${clientName.split(' ')[0]} Founder`, hosts: [...hosts] })
    }
    await page.emulateMedia({ colorScheme: 'dark' })
    await openApp(page, server!.newLaunchUrl())
    await expect.poll(() => rows().count()).toBe(3)
    await shot(page, '07-list-dark')
    await expectAccessible(page, 'list (dark)')

    // "/" focuses the filter; typing narrows the list
    await page.keyboard.press('/')
    // Type only once the filter has focus: otherwise "e" and "n" would be taken as shortcuts.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('filter')
    await page.keyboard.type('lumen')
    await expect.poll(() => rows().count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => rows().count()).toBe(3)

    // "n" opens the form; a bad domain and a taken one come back as field errors
    await page.keyboard.press('n')
    const form = page.getByRole('dialog', { name: 'New engagement' })
    await expect.poll(() => form.isVisible()).toBe(true)
    await page.keyboard.type('Broken Co')
    await form.getByLabel('Primary domain').fill('not a domain')
    await form.getByLabel('Primary domain').press('Control+Enter')
    const domain = form.getByLabel('Primary domain')
    await expect.poll(() => domain.getAttribute('aria-invalid')).toBe('true')
    expect(await form.locator('#f-domain-error').textContent()).toContain('contains spaces')
    await domain.fill('northwind.example')
    await form.getByRole('button', { name: 'Create engagement' }).click()
    await expect.poll(() => form.locator('#f-domain-error').textContent()).toMatch(/already in use/i)
    await shot(page, '08-form-errors-dark')
    await expectAccessible(page, 'form with errors (dark)')

    // Tab stays inside the dialog; Escape on what was typed asks first, Discard closes, nothing was created
    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate('!!document.activeElement.closest(\'[role="dialog"]\')')).toBe(true)
    await page.keyboard.press('Escape')
    await form.getByRole('alertdialog', { name: 'Discard what you typed?' }).getByRole('button', { name: 'Discard' }).click()
    await expect.poll(() => form.count()).toBe(0)
    expect(await rows().count()).toBe(3)

    // Ctrl+K: the palette finds an engagement by domain and Enter opens it
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await expect.poll(() => palette.isVisible()).toBe(true)
    await page.keyboard.type('quill')
    await shot(page, '09-palette-dark')
    await expectAccessible(page, 'command palette (dark)')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Quill Press')
    await shot(page, '10-detail-dark')
    await expectAccessible(page, 'detail (dark)')

    // "e" edits the open engagement; Escape closes; Escape again goes back to the list
    await page.keyboard.press('e')
    await expect.poll(() => page.getByRole('dialog', { name: 'Edit engagement' }).isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => rows().count()).toBe(3)

    // arrow keys walk the rows; the focus ring is visible
    const names = await page.locator('button.row-open').allTextContents()
    await rows().first().getByRole('button').focus()
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate('document.activeElement.textContent')).toBe(names[1])
    await page.keyboard.press('ArrowUp')
    expect(await page.evaluate('document.activeElement.textContent')).toBe(names[0])
    await shot(page, '11-keyboard-focus-dark')

    // a change made elsewhere (CLI, another window) arrives over the event stream
    await server!.core.api.createEngagement({ domain: 'orbit.example', clientName: 'Orbit Labs' })
    await expect.poll(() => rows().count()).toBe(4)
    expect(pageErrors).toEqual([])
  })

  it('keeps a long list light: only the visible rows exist, and scrolling reaches the end', async () => {
    const total = 1000
    for (let i = 1; i <= total; i++) {
      await server!.core.api.createEngagement({ domain: `client-${i}.example`, clientName: `Client ${String(i).padStart(4, '0')}`, hosts: ['www', 'app'] })
    }
    await openApp(page, server!.newLaunchUrl())
    const table = page.getByRole('table', { name: 'Engagements' })
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(total + 1))
    const rendered = await rows().count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(60)
    await page.evaluate('document.getElementById("content").scrollTo(0, 1e9)')
    await expect.poll(() => rows().last().getAttribute('aria-rowindex')).toBe(String(total + 1))
    expect(await rows().count()).toBeLessThan(60)
    await shot(page, '12-long-list')
    // the filter still searches everything, not just what is rendered
    await page.keyboard.press('/')
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('filter')
    await page.keyboard.type('client-777.example')
    await expect.poll(() => rows().count()).toBe(1)
    expect(await rows().first().textContent()).toContain('Client 0777')
    expect(pageErrors).toEqual([])
  })

  it('shows each sprint’s clock and worst open risk, and sorts the most at risk first', async () => {
    const lab = await startLab('demo')
    try {
      // this test's server reaches the demo sandbox; the vault keeps secrets in memory
      await server!.close()
      const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
      server = await startServer({ workspaceDir: ws.dir, port: 0, profile: lab.profile, credentials })
      credentialService(server.core, createMemoryStore())
      const call = async <T,>(method: string, input: unknown): Promise<T> => {
        const r = await dispatch(server!.core, method, input)
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
        return r.value as T
      }
      // a sprint with a failing DNS and routing stage; one just started; one without a sprint whose token is overdue
      const acme = await call<{ id: string }>('createEngagement', { domain: 'acme-launch.example', clientName: 'Acme Launch', hosts: ['www', 'app', 'api', 'staging', 'docs'] })
      await call('startSprint', { engagementId: acme.id })
      await runDone((await call<{ runId: string }>('runSprint', { engagementId: acme.id, stage: 'dns-routing' })).runId)
      const north = await call<{ id: string }>('createEngagement', { domain: 'northwind.example', clientName: 'Northwind Studio' })
      await call('startSprint', { engagementId: north.id })
      const quill = await call<{ id: string }>('createEngagement', { domain: 'quill.example', clientName: 'Quill Press' })
      await call('addCredential', { provider: 'other', label: 'Registrar login', secret: 'registrar-pass-123', engagementId: quill.id, rotationDue: '2020-01-31', verify: false })
      const status = await call<SprintStatus>('sprintStatus', { engagementId: acme.id })
      const worst = status.risks[0]!
      const total = status.items.length

      await openApp(page, server.newLaunchUrl())
      await expect.poll(() => rows().count()).toBe(3)
      const table = page.getByRole('table', { name: 'Engagements' })
      expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Client', 'Domain', 'Stage', 'Sprint', 'Worst open risk', 'Updated'])
      // most recently updated first, as before
      expect(await page.locator('button.row-open').allTextContents()).toEqual(['Quill Press', 'Northwind Studio', 'Acme Launch'])
      const row = (name: string) => rows().filter({ has: page.getByRole('button', { name, exact: true }) })
      const cells = async (name: string) => (await row(name).getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
      // the summaries arrive beside the list
      await expect.poll(async () => (await cells('Acme Launch'))[3]).toContain(' done')
      const [, , , acmeSprint, acmeRisk] = await cells('Acme Launch')
      expect(acmeSprint).toMatch(new RegExp(`^4[78] h left · Day 1 · morning \\d+/${total} done$`))
      // the dashboard's first risk, with its status tag, and how many checks fail
      expect(acmeRisk!.startsWith(`Fail ${worst.title} `)).toBe(true)
      expect(acmeRisk).toMatch(/ \d+ failing/)
      const [, , , northSprint, northRisk] = await cells('Northwind Studio')
      expect(northSprint).toMatch(new RegExp(`^4[78] h left · Day 1 · morning 0/${total} done$`))
      expect(northRisk).toMatch(/^To do /)
      const [, , , quillSprint, quillRisk] = await cells('Quill Press')
      expect(quillSprint).toBe('Not started')
      expect(quillRisk).toBe('No sprint yet Rotation overdue')
      await shot(page, '14-list-sprint-risk')
      await expectAccessible(page, 'list with sprint and risk columns')

      // the order control works by keyboard: the failing sprint first, then the one with work still to do
      await page.getByLabel('Order').focus()
      await page.keyboard.press('ArrowDown')
      await expect.poll(() => page.locator('button.row-open').allTextContents()).toEqual(['Acme Launch', 'Northwind Studio', 'Quill Press'])
      expect(await page.getByText('3 engagements · most at risk first').count()).toBe(1)
      expect(await table.getByRole('columnheader', { name: 'Worst open risk' }).getAttribute('aria-sort')).toBe('descending')
      await shot(page, '15-list-most-at-risk')
      await expectAccessible(page, 'list sorted by risk')

      // a sprint finished elsewhere (the CLI, another window) arrives over the event stream
      await call('finishSprint', { engagementId: north.id })
      await expect.poll(async () => (await cells('Northwind Studio'))[3]).toBe(`Finished 0/${total} done`)

      // the engagement page says which credential is overdue and leads to the vault
      await page.getByRole('button', { name: 'Quill Press' }).click()
      await expect.poll(() => page.getByTestId('rotation-alert').textContent()).toContain('Rotation overdue: 1 credential')
      expect(await page.getByTestId('rotation-alert').textContent()).toContain('Registrar login')
      await expectAccessible(page, 'engagement with an overdue rotation')
      await page.getByRole('button', { name: 'Rotate in the vault' }).click()
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vault')
      expect(pageErrors).toEqual([])
    } finally {
      await lab.close()
    }
  })

  it('asks for the first screen once, from a first script that runs before the app code', async () => {
    for (const domain of ['one.example', 'two.example']) await server!.core.api.createEngagement({ domain })
    const asked: string[] = []
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname
      if (path.startsWith('/api/') && path !== '/api/events') asked.push(path.slice(5))
    })
    await openApp(page, server!.newLaunchUrl())
    await expect.poll(() => rows().count()).toBe(2)
    // the session check and the list, the summaries and appInfo: each asked once (no second
    // fetch of the summaries when the list mounts right after they arrived)
    const count = (m: string) => asked.filter((x) => x === m).length
    expect({ session: count('session'), listEngagements: count('listEngagements'), engagementSummaries: count('engagementSummaries'), appInfo: count('appInfo') }).toEqual({
      session: 1,
      listEngagements: 1,
      engagementSummaries: 1,
      appInfo: 1,
    })
    // boot.js comes first among the page's scripts (module scripts run in document order)
    const scripts = (await page.locator('script[type="module"]').evaluateAll((els) => els.map((x) => x.getAttribute('src') ?? ''))).map((src) => src.replace(/^.*\/assets\//, ''))
    expect(scripts).toHaveLength(2)
    expect(scripts[0]).toMatch(/^boot-[\w-]+\.js$/)
    expect(pageErrors).toEqual([])
  })

  it('says so in place when a screen’s code cannot be fetched, and the rest of the app still works', async () => {
    const e = await server!.core.api.createEngagement({ domain: 'gone.example', clientName: 'Gone Co' })
    // as when the console server stops between the first page and the first visit to a screen
    await page.route(/\/assets\/EngagementPage-[\w-]+\.js$/, (route) => route.abort())
    await openApp(page, server!.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${e.id}'`)
    const alert = page.getByRole('main').getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('Part of the console could not be loaded')
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(1)
    await shot(page, '14-screen-code-missing')
    // the list's code is already here: going back shows it, and the message goes
    await page.evaluate(`location.hash = '#/engagements'`)
    await expect.poll(() => rows().count()).toBe(1)
    expect(await alert.count()).toBe(0)
  })

  it('Escape while the new-engagement form’s code is on its way calls the opening off', async () => {
    const chunk = /\/assets\/EngagementForm-[\w-]+\.js$/
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    await page.route(chunk, async (route) => {
      await held
      await route.continue()
    })
    await openApp(page, server!.newLaunchUrl())
    await page.keyboard.press('n')
    await page.keyboard.press('Escape')
    const arrived = page.waitForResponse(chunk)
    release()
    await arrived
    // give React the moment it would need to show the form: it must not
    await page.waitForTimeout(300)
    expect(await page.getByRole('dialog').count()).toBe(0)
    // and the key opens it again as usual
    await page.keyboard.press('n')
    await expect.poll(() => page.getByRole('dialog', { name: 'New engagement' }).count()).toBe(1)
  })

  it('explains what to do when opened without a session, or with a launch address already used', async () => {
    await openApp(page, server!.origin + '/')
    expect(await page.getByRole('main').textContent()).toContain('launch address')
    await shot(page, '13-no-session')
    await expectAccessible(page, 'no session')
    expect(pageErrors).toEqual([])
    // a launch address another browser already used opens nothing here
    const used = server!.newLaunchUrl()
    const first = await browser.newContext()
    await (await first.newPage()).goto(used)
    await first.close()
    const res = await page.goto(used)
    expect(res?.status()).toBe(403)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This launch address was already used')
  })
})
