import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { callCore } from '../helpers/call'
import { expectAccessible, openApp, shot } from './harness'
import { startLabSession, type LabSession } from './session'

let session: LabSession
let page: Page
let server: LabSession['server']
let pageErrors: string[]

beforeAll(async () => {
  session = await startLabSession('handover-e2e-forms-')
  ;({ page, server, pageErrors } = session)
})
afterAll(() => session?.close())

/** What has keyboard focus, as "tag#id" (a string expression: this file is typed without the DOM library). */
const focused = () => page.evaluate('(() => { const a = document.activeElement; return a ? a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") : "" })()') as Promise<string>

describe('one form pattern: inline errors all at once, focus on the first, input kept, Escape asks', () => {
  it('the engagement form refuses a URL with a path and a pasted address of another domain, all at once', async () => {
    await openApp(page, server.newLaunchUrl())
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New engagement' })
    await dialog.getByLabel('Founder email').fill('Ada at Acme')
    await dialog.getByLabel('Primary domain').fill('http://Acme.example/path')
    await dialog.getByLabel('Declared hosts').fill('https://x.other.com')
    await dialog.getByLabel('Declared hosts').press('Enter')
    await dialog.getByRole('button', { name: 'Create engagement' }).click()

    // every error at once, each beside its field, the input left exactly as typed
    await expect.poll(() => dialog.locator('.field-error').count()).toBe(3)
    // innerText: as drawn, so CSS re-casing would show
    expect(await dialog.locator('#f-domain-error').innerText()).toBe('"http://Acme.example/path" is a web address with a path; give the domain alone, like acme.example')
    expect(await dialog.locator('#f-hosts-error').textContent()).toContain('"https://x.other.com" is not under')
    expect(await dialog.locator('#f-hosts-error').textContent()).not.toContain('https.acme')
    expect(await dialog.getByLabel('Primary domain').inputValue()).toBe('http://Acme.example/path')
    expect(await dialog.getByLabel('Founder email').inputValue()).toBe('Ada at Acme')
    // focus on the first field at fault, in page order
    expect(await focused()).toBe('input#f-email')
    await shot(page, 'forms-01-engagement-errors')
    await expectAccessible(page, 'engagement form with errors')

    // Escape with input asks; keeping returns focus where it was; nothing is lost
    await page.keyboard.press('Escape')
    const ask = dialog.getByRole('alertdialog', { name: 'Discard what you typed?' })
    await expect.poll(() => ask.count()).toBe(1)
    expect(await focused()).toBe('button')
    await shot(page, 'forms-02-discard-ask')
    await ask.getByRole('button', { name: 'Keep editing' }).click()
    expect(await ask.count()).toBe(0)
    expect(await focused()).toBe('input#f-email')
    expect(await dialog.getByLabel('Primary domain').inputValue()).toBe('http://Acme.example/path')

    // fixed: saved, and the engagement opens
    await dialog.getByLabel('Founder email').fill('ada@acme.example')
    await dialog.getByLabel('Primary domain').fill('acme-launch.example')
    await dialog.getByRole('button', { name: 'Remove https://x.other.com' }).click()
    await dialog.getByRole('button', { name: 'Create engagement' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('acme-launch.example')
    expect(pageErrors).toEqual([])
  })

  it('Escape on an untouched form closes it; on a touched one, Discard closes it', async () => {
    await page.evaluate(`location.hash = '#/engagements'`)
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    await page.getByRole('dialog').getByLabel('Client name').fill('Half typed')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Discard' }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    expect(await focused()).not.toBe('body')
    // with focus outside the sheet (a click on the page behind it), Escape still closes it
    await page.getByRole('button', { name: 'New engagement' }).first().click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1)
    await page.evaluate('document.activeElement && document.activeElement.blur()')
    expect(await focused()).toBe('body')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  })

  it('a form whose code arrives after the key press owns the keyboard at once, takes focus, and gives it back on Escape', async () => {
    const e = await callCore<{ id: string }>(server.core, 'createEngagement', { clientName: 'Late Form Co', domain: 'late-form.example' })
    // the form's chunk (loaded on demand) is held until after the key presses, so the shell goes inert first
    const chunk = /\/EngagementForm-[\w-]+\.js$/
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    await page.route(chunk, async (route) => {
      await held
      await route.continue()
    })
    try {
      await openApp(page, server.newLaunchUrl())
      await page.evaluate(`location.hash = '#/engagements/${e.id}'`)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Late Form Co|late-form\.example/)
      await expect.poll(focused).toBe('main#content')
      await page.keyboard.press('n')
      // the form is not here yet: the browser has dropped focus from the inert shell to the page
      await expect.poll(focused).toBe('body')
      expect(await page.getByRole('dialog').count()).toBe(0)
      // "e" (edit this engagement) pressed meanwhile is not a shortcut: the new-engagement form owns the keyboard
      await page.keyboard.press('e')
      release()
      const dialog = page.getByRole('dialog', { name: 'New engagement' })
      await expect.poll(() => dialog.isVisible()).toBe(true)
      expect(await page.getByRole('dialog', { name: 'Edit engagement' }).count()).toBe(0)
      expect(await focused()).toBe('input#f-client')
      await page.keyboard.press('Escape')
      await expect.poll(() => dialog.count()).toBe(0)
      expect(await focused()).toBe('main#content')
    } finally {
      release()
      await page.unroute(chunk)
    }
  })

  it('the waive dialog shows its errors in place and focus never drops to the page', async () => {
    const e = await callCore<{ id: string }>(server.core, 'createEngagement', { clientName: 'Waive Co', domain: 'waive-co.example', hosts: ['www'] })
    await callCore(server.core, 'startSprint', { engagementId: e.id })
    await page.evaluate(`location.hash = '#/engagements/${e.id}/sprint'`)
    const item = page.getByTestId('sprint-item').first()
    await item.locator('.item-open').click()
    const sheet = page.getByRole('dialog')
    await sheet.getByRole('button', { name: 'Waive…' }).click()
    const waive = page.getByRole('dialog', { name: /Waive/ })
    await waive.getByLabel('Accepted by').fill('')
    await waive.getByRole('button', { name: 'Waive item' }).click()
    await expect.poll(() => waive.locator('.field-error').count()).toBe(2)
    expect(await focused()).toBe('textarea#waive-reason')
    expect(await waive.locator('.banner-error').count()).toBe(0)
    await shot(page, 'forms-03-waive-errors')
    await expectAccessible(page, 'waive dialog with errors')
    await waive.getByLabel('Reason').fill('Launch first; the founder fixes this next week.')
    await waive.getByLabel('Accepted by').fill('Ada')
    await waive.getByRole('button', { name: 'Waive item' }).click()
    await expect.poll(() => page.getByRole('dialog', { name: /Waive/ }).count()).toBe(0)
    // back on the waived item, never on <body>
    const itemId = await item.getAttribute('data-item')
    await expect.poll(focused).toBe(`button#item-${itemId}`)
    expect(pageErrors).toEqual([])
  })

  it('the vault form: provider names, show/hide, a least-privilege recipe, the sandbox note, errors in place', async () => {
    const e = await callCore<{ id: string }>(server.core, 'createEngagement', { clientName: 'Vault Co', domain: 'vault-co.example', hosts: ['www'] })
    const keychain = await callCore<{ available: boolean }>(server.core, 'keychainStatus', {})
    await page.evaluate(`location.hash = '#/engagements/${e.id}/vault'`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vault')
    if (!keychain.available) return
    await page.getByRole('button', { name: 'Add credential' }).click()
    const form = page.getByRole('form', { name: 'Add a credential' })
    // people's names for providers, not ids
    expect(await form.getByLabel('Provider').locator('option').allTextContents()).toContain('Namecheap (registrar)')
    expect(await form.getByLabel('Provider').locator('option').allTextContents()).not.toContain('registrar-namecheap')
    // served on a sandbox: says whose credentials the checks use
    expect(await page.getByTestId('vault-sandbox').textContent()).toContain("sandbox's own credentials")
    expect(await form.getByText('How to create a least-privilege token for Cloudflare').count()).toBe(1)
    await form.getByRole('button', { name: 'Save and verify' }).click()
    await expect.poll(() => form.locator('.field-error').count()).toBe(2)
    expect(await focused()).toBe('input#cred-label')
    await form.getByLabel('Secret').fill('not-a-real-token-forms-e2e')
    expect(await form.getByLabel('Secret').getAttribute('type')).toBe('password')
    await form.getByRole('button', { name: 'Show' }).click()
    expect(await form.getByLabel('Secret').getAttribute('type')).toBe('text')
    await form.getByRole('button', { name: 'Hide' }).click()
    await shot(page, 'forms-04-vault')
    await expectAccessible(page, 'vault form')
    // a token the provider refuses is stored, but never reported as "Saved"
    await form.getByLabel('Provider').selectOption({ label: 'Cloudflare' })
    await form.getByLabel('Label').fill('Refused token')
    await form.getByRole('button', { name: 'Save and verify' }).click()
    await expect.poll(() => page.getByTestId('credential-row').count()).toBe(1)
    const toast = page.locator('.toast').last()
    await expect.poll(() => toast.textContent()).toMatch(/Refused token is stored but did not verify/)
    expect((await toast.textContent())!.toLowerCase().match(/verification failed/g)?.length ?? 0).toBeLessThan(2)
    expect(await page.content()).not.toContain('not-a-real-token-forms-e2e')
  })
})
