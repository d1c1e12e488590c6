import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { dispatch } from '../../electron/core/api'
import { runDone } from '../../electron/core/api/checks'
import { memoryCredentialSource } from '../../electron/core/vault/sources'
import { startLab, type Lab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { expectAccessible, launchChromium, newPage, openApp, shot } from './harness'

let browser: Browser
let lab: Lab
let context: BrowserContext
let page: Page
let ws: { dir: string; cleanup(): void }
let server: BrowserServer | null = null
const errors: string[] = []

beforeAll(async () => {
  lab = await startLab('demo')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await lab?.close()
})
beforeEach(async () => {
  ws = tempDir('handover-e2e-inventory-')
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  server = await startServer({ workspaceDir: ws.dir, port: 0, profile: lab.profile, credentials })
  errors.length = 0
  ;({ context, page } = await newPage(browser, errors))
})
afterEach(async () => {
  await context?.close()
  await server?.close()
  server = null
  ws.cleanup()
})

/** The audit checks whose results name the registrar, DNS host, Cloudflare members, hosting and monitoring. */
async function audit(engagementId: string): Promise<void> {
  const r = await dispatch(server!.core, 'runAudit', { engagementId, checkIds: ['reg.domain', 'dns.delegation', 'cf.access', 'host.deploy', 'mon.uptime'] })
  if (!r.ok) throw new Error(r.error.message)
  await runDone((r.value as { runId: string }).runId)
}

const rows = () => page.getByTestId('inventory-row')
/** "System — name" of every row, top to bottom. */
async function rowNames(): Promise<string[]> {
  const kinds = await page.locator('[data-testid="inventory-row"] .inv-kind').allTextContents()
  const names = await page.locator('[data-testid="inventory-row"] .inv-name').allTextContents()
  return kinds.map((k, i) => `${k} — ${names[i]}`)
}
const row = (system: string) => page.locator(`[data-testid="inventory-row"][data-system="${system}"]`)

describe('access inventory screen', () => {
  it('prefills, adds with a field error, edits, removes with confirmation, round-trips JSON and persists', async () => {
    await openApp(page, server!.newLaunchUrl())
    // a new engagement, from the UI, for the demo sandbox's domain
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    const create = page.getByRole('dialog', { name: 'New engagement' })
    await create.getByLabel('Client name').fill('Acme Launch')
    await create.getByLabel('Primary domain').fill('acme-launch.example')
    await create.getByRole('button', { name: 'Create engagement' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Acme Launch')
    const id = /#\/engagements\/([^/]+)$/.exec(page.url())![1]!

    // the inventory: the standard systems, blank, under an empty state that says why it matters
    await page.getByRole('link', { name: 'Access inventory' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Access inventory')
    expect(page.url()).toMatch(/#\/engagements\/[^/]+\/inventory$/)
    const empty = page.getByTestId('inventory-empty')
    await expect.poll(() => empty.count()).toBe(1)
    expect(await empty.textContent()).toContain('consultant is gone')
    expect(await rows().count()).toBe(13)
    expect(await row('registrar').textContent()).toContain('Not recorded yet')
    await shot(page, 'inventory-01-empty')
    await expectAccessible(page, 'inventory empty')

    // prefill from an audit's results: Cloudflare members, registrar, hosting, monitoring
    await audit(id)
    await empty.getByRole('button', { name: 'Prefill from checks and credentials' }).click()
    await expect.poll(() => page.getByTestId('inventory-note').textContent()).toMatch(/^Filled \d+ empty fields in [5-9] rows/)
    expect(await empty.count()).toBe(0)
    expect(await row('cdn').textContent()).toContain('Cloudflare')
    expect(await row('cdn').textContent()).toContain('founder@acme-launch.example')
    expect(await row('cdn').textContent()).toContain('prefilled from checks')
    expect(await row('registrar').textContent()).toContain('NameCheap, Inc.')
    expect(await row('hosting').textContent()).toContain('Vercel')
    await shot(page, 'inventory-02-prefilled')

    // add a row: the contract refuses a login URL without a scheme, next to the field
    const add = page.getByRole('button', { name: 'Add a row' })
    await add.click()
    const sheet = page.getByRole('dialog', { name: 'Add a system' })
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('inv-system')
    await sheet.getByLabel('Kind of system').selectOption('payments')
    // the standard wording of the kind comes with it, until someone writes their own
    expect(await sheet.getByLabel('What it does').inputValue()).toBe('Takes customer payments and pays out; keys here move money.')
    await sheet.getByLabel('Kind of system').selectOption('analytics')
    expect(await sheet.getByLabel('What it does').inputValue()).toMatch(/^Counts visitors/)
    await sheet.getByLabel('Kind of system').selectOption('payments')
    await sheet.getByLabel('Provider or account').fill('Stripe')
    await sheet.getByLabel('Login URL').fill('dashboard.stripe.example')
    await sheet.getByLabel('Owner account').fill('founder@acme-launch.example')
    await sheet.getByRole('textbox', { name: /^Admins/ }).fill('founder@acme-launch.example, cfo@acme-launch.example')
    await sheet.getByRole('textbox', { name: /^Admins/ }).press('Enter')
    await sheet.getByRole('radio', { name: 'On' }).check()
    await sheet.getByLabel('Where the credential lives').fill('Founder’s 1Password, vault Finance')
    await sheet.getByLabel('Next rotation').fill('2020-01-31')
    await sheet.getByRole('button', { name: 'Add to the inventory' }).click()
    await expect.poll(() => sheet.locator('#inv-login-error').textContent()).toBe('login URL must be a full URL')
    expect(await sheet.getByLabel('Login URL').getAttribute('aria-invalid')).toBe('true')
    // the keyboard is taken to the field that needs fixing
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('inv-login')
    await shot(page, 'inventory-03-field-error')
    await expectAccessible(page, 'inventory form with an error')
    await sheet.getByLabel('Login URL').fill('https://dashboard.stripe.example/')
    await sheet.getByRole('button', { name: 'Add to the inventory' }).click()
    await expect.poll(() => sheet.count()).toBe(0)
    const stripe = page.locator('[data-testid="inventory-row"][data-system="payments"]', { hasText: 'Stripe' })
    expect(await stripe.textContent()).toContain('cfo@acme-launch.example')
    expect(await stripe.locator('.inv-2fa').textContent()).toBe('2FA On')
    expect(await stripe.locator('.st').textContent()).toBe('Overdue')
    expect(await stripe.textContent()).toContain('entered by hand')
    await stripe.scrollIntoViewIfNeeded()
    await shot(page, 'inventory-03b-added')

    // edit one: the registrar's 2FA is off, and how to recover it
    await page.getByRole('button', { name: 'Edit Domain registrar — NameCheap, Inc.' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Domain registrar — NameCheap, Inc.' })
    await edit.getByRole('radio', { name: 'Off' }).check()
    await edit.getByLabel('Recovery').fill('Registrar support with the founder’s ID; backup codes in the office safe')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => edit.count()).toBe(0)
    expect(await row('registrar').locator('.inv-2fa').textContent()).toBe('2FA Off')
    expect(await page.getByTestId('inventory-summary').textContent()).toContain('2FA off on 1 system')

    // remove one: Cancel has the focus and keeps it; Remove row takes it out
    await page.getByRole('button', { name: 'Remove Analytics' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Remove Analytics?' })
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Cancel')
    await shot(page, 'inventory-04-confirm-remove')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(await row('analytics').count()).toBe(1)
    await page.getByRole('button', { name: 'Remove Analytics' }).click()
    await confirm.getByRole('button', { name: 'Remove row' }).click()
    await expect.poll(() => row('analytics').count()).toBe(0)
    // the keyboard stays where the row was: on the edit button of the row now in its place
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")')).toMatch(/^Edit /)
    const kept = await rowNames()
    expect(kept).toHaveLength(13)

    // export: the bundle's inventory.json document
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()])
    expect(download.suggestedFilename()).toBe('inventory-acme-launch.example.json')
    const file = join(ws.dir, 'inventory-acme-launch.example.json')
    await download.saveAs(file)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { format: string; entries: { name: string; loginUrl: string }[] }
    expect(doc.format).toBe('handover-inventory/1')
    expect(doc.entries).toHaveLength(13)
    expect(doc.entries.find((e) => e.name === 'Stripe')?.loginUrl).toBe('https://dashboard.stripe.example/')

    // change something, then replace the inventory with the export: the same rows come back
    await page.getByRole('button', { name: 'Remove Monitoring — UptimeRobot' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove row' }).click()
    await expect.poll(() => rows().count()).toBe(12)
    await page.getByRole('button', { name: 'Import…' }).first().click()
    const importer = page.getByRole('dialog', { name: 'Import an inventory' })
    await importer.getByLabel('Inventory file (JSON)').setInputFiles(file)
    await importer.getByRole('radio', { name: /^Replace/ }).check()
    await importer.getByRole('button', { name: 'Replace…' }).click()
    const replace = page.getByRole('alertdialog', { name: 'Replace the whole inventory?' })
    expect(await replace.textContent()).toContain('The 12 rows now in the inventory are removed and the 13 rows of inventory-acme-launch.example.json take their place')
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Cancel')
    await shot(page, 'inventory-05-confirm-replace')
    await replace.getByRole('button', { name: 'Replace inventory' }).click()
    await expect.poll(() => page.getByTestId('inventory-note').textContent()).toBe('Replaced the inventory with the 13 rows of inventory-acme-launch.example.json.')
    expect(await rowNames()).toEqual(kept)
    expect(await row('monitoring').textContent()).toContain('imported')

    // persisted: a reload finds the same rows
    await page.reload()
    await expect.poll(() => rows().count()).toBe(13)
    expect(await rowNames()).toEqual(kept)
    expect(await row('registrar').locator('.inv-2fa').textContent()).toBe('2FA Off')
    await shot(page, 'inventory-06-reloaded')
    await expectAccessible(page, 'inventory (light)')

    // dark: the table and the open form
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot(page, 'inventory-07-dark')
    await expectAccessible(page, 'inventory (dark)')
    await page.getByRole('button', { name: 'Edit Payments — Stripe' }).click()
    const darkSheet = page.getByRole('dialog', { name: 'Edit Payments — Stripe' })
    expect(await darkSheet.getByLabel('Login URL').inputValue()).toBe('https://dashboard.stripe.example/')
    expect(await darkSheet.getByRole('list', { name: 'Admins added' }).getByRole('listitem').count()).toBe(2)
    await shot(page, 'inventory-08-form-dark')
    await expectAccessible(page, 'inventory form (dark)')
    // Escape closes the sheet and gives the keyboard back to the row's Edit button
    await page.keyboard.press('Escape')
    await expect.poll(() => darkSheet.count()).toBe(0)
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")')).toBe('Edit Payments — Stripe')
    expect(errors).toEqual([])
  })

  it('is reachable from the handover screen and the command palette, and refuses a bad import file in place', async () => {
    const r = await dispatch(server!.core, 'createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example' })
    if (!r.ok) throw new Error(r.error.message)
    const id = (r.value as { id: string }).id
    await openApp(page, server!.newLaunchUrl())
    await page.evaluate(`location.hash = '#/engagements/${id}/handover'`)
    await page.getByRole('link', { name: 'Edit the access inventory' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Access inventory')

    await page.keyboard.press('Control+k')
    await page.getByRole('combobox').fill('import an inventory')
    await page.keyboard.press('Enter')
    const importer = page.getByRole('dialog', { name: 'Import an inventory' })
    await importer.getByLabel('Inventory file (JSON)').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[{"system":"dns","loginUrl":"nope"}]') })
    await importer.getByRole('button', { name: 'Merge rows' }).click()
    await expect.poll(() => importer.getByRole('alert').textContent()).toBe('Could not import bad.json: Row 1, loginUrl: login URL must be a full URL. Nothing was imported.')
    await shot(page, 'inventory-09-bad-import')
    await expectAccessible(page, 'inventory import error')
    await importer.getByRole('button', { name: 'Cancel' }).click()
    expect(await rows().count()).toBe(13)
    expect(await page.getByTestId('inventory-empty').count()).toBe(1)
    expect(errors).toEqual([])
  })

  it('lists every secret a check saw exposed as rotate-now, until a rotation is recorded', async () => {
    const r = await dispatch(server!.core, 'createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example' })
    if (!r.ok) throw new Error(r.error.message)
    const id = (r.value as { id: string }).id
    // The demo sandbox serves /.env on the apex: http.exposure records the names it holds.
    const run = await dispatch(server!.core, 'runAudit', { engagementId: id, checkIds: ['http.exposure'] })
    if (!run.ok) throw new Error(run.error.message)
    await runDone((run.value as { runId: string }).runId)
    await openApp(page, server!.url)
    await page.evaluate(`location.hash = '#/engagements/${id}/inventory'`)
    const panel = page.getByTestId('rotate-now')
    await expect.poll(() => panel.getByRole('heading').textContent()).toBe('Rotate now: 3 exposed secrets')
    for (const name of ['DATABASE_URL', 'STRIPE_SECRET_KEY', 'SESSION_SECRET']) expect(await panel.textContent()).toContain(name)
    expect(await panel.textContent()).not.toMatch(/sk_live|lab-fake/)
    await expectAccessible(page, 'inventory rotate now')
    await shot(page, 'inventory-10-rotate-now')

    await panel.getByRole('button', { name: 'Record rotation of STRIPE_SECRET_KEY' }).click()
    await panel.getByLabel('Rotated by').fill('Ada Founder')
    await panel.getByLabel('Note').fill('Rolled in the Stripe dashboard; old key expired')
    await panel.getByRole('button', { name: 'Record', exact: true }).click()
    await expect.poll(() => panel.getByRole('heading').textContent()).toBe('Rotate now: 2 exposed secrets')
    expect(await panel.textContent()).not.toContain('STRIPE_SECRET_KEY')
    const after = await dispatch(server!.core, 'listExposures', { engagementId: id })
    expect(after.ok && (after.value as { name: string; rotation: { by: string } | null }[]).find((x) => x.name === 'STRIPE_SECRET_KEY')?.rotation?.by).toBe('Ada Founder')
    expect(errors).toEqual([])
  })
})
