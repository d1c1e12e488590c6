import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { createKeychainStore } from '../../electron/core/vault/keychain'
import { removeIdentity } from '../../electron/core/handover/identity'
import { seededWorkspace } from '../unit/handover/fixture'
import { tempDir } from '../helpers/tmp'
import { realKeychain } from '../helpers/keychain'
import { expectAccessible, launchChromium, newPage, openApp, shot } from './harness'

let browser: Browser
let context: BrowserContext
let page: Page
let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let engagementId: string
const pageErrors: string[] = []
const keychain = createKeychainStore()

beforeAll(async () => {
  await realKeychain()
  ws = tempDir('handover-e2e-identity-')
  const seeded = seededWorkspace(ws.dir)
  engagementId = seeded.engagement.id
  seeded.ws.close()
  // the real engine and the real keychain: the identity set in Settings signs the bundle
  server = await startServer({ workspaceDir: ws.dir, port: 0 })
  browser = await launchChromium()
  const opened = await newPage(browser, pageErrors, { height: 1100 })
  context = opened.context
  page = opened.page
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin })
})
afterAll(async () => {
  // no test key stays behind in the keychain
  if (server) {
    await removeIdentity(server.core.workspace.db, keychain, 'consultant')
    await removeIdentity(server.core.workspace.db, keychain, 'founder')
  }
  await context?.close()
  await browser?.close()
  await server?.close()
  ws?.cleanup()
})

const identityCard = () => page.getByTestId('identity-settings')
const report = () => page.getByTestId('verify-report')
const fingerprintIn = (testId: string) => page.getByTestId(testId).inputValue()
const bundleDir = () => {
  const dir = join(ws.dir, 'bundles')
  return join(dir, readdirSync(dir).filter((n) => !n.endsWith('.zip'))[0])
}

describe('who signed it, who accepted it (browser mode, real keychain)', () => {
  it('asks for the identity before building, and the bundle names the consultant set in Settings, never the OS user', async () => {
    await openApp(page, server.url)
    await page.evaluate(`location.hash = '#/engagements/${engagementId}/handover'`)
    await expect.poll(() => page.getByTestId('identity-needed').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Build the bundle' }).isDisabled()).toBe(true)
    await shot(page, 'i19-01-handover-identity-needed')

    await page.getByRole('link', { name: 'Set your identity in Settings' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings')
    await identityCard().getByLabel('Your name').fill('Ada Consultant')
    await identityCard().getByLabel('Email').fill('not an email')
    await identityCard().getByLabel('Organisation').fill('Ada Launch Studio')
    await identityCard().getByRole('button', { name: 'Save and make my signing key' }).click()
    await expect.poll(() => identityCard().locator('#identity-email-error').textContent()).toBe('An email address')
    await identityCard().getByLabel('Email').fill('ada@studio.example')
    await identityCard().getByLabel('Website optional').fill('https://studio.example')
    await identityCard().getByRole('button', { name: 'Save and make my signing key' }).click()
    await expect.poll(() => fingerprintIn('identity-fingerprint'), { timeout: 30_000 }).toMatch(/^[0-9a-f]{64}$/)
    const fp = await fingerprintIn('identity-fingerprint')
    expect(await identityCard().textContent()).toContain('openssl pkey -pubin -in signer.pub.pem -outform DER | openssl dgst -sha256')
    await identityCard().getByRole('button', { name: 'Copy the signing key fingerprint' }).click()
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(fp)
    await identityCard().scrollIntoViewIfNeeded()
    await shot(page, 'i19-02-settings-identity')
    await expectAccessible(page, 'settings with identity')

    await page.evaluate(`location.hash = '#/engagements/${engagementId}/handover'`)
    await page.getByRole('button', { name: 'Build the bundle' }).click()
    await expect.poll(() => report().textContent(), { timeout: 60_000 }).toContain('Intact')
    expect(await page.getByTestId('built-signer').textContent()).toMatch(/ is signed by Ada Consultant <ada@studio\.example>, Ada Launch Studio\.$/)
    expect(await fingerprintIn('built-fingerprint')).toBe(fp)

    // the files name the consultant as set: cover, certificate subject, manifest, VERIFY.txt
    const dir = bundleDir()
    const cover = execFileSync('pdftotext', ['-l', '1', '-enc', 'UTF-8', join(dir, 'handover.pdf'), '-'], { encoding: 'utf8' })
    expect(cover).toMatch(/Consultant\s+Ada Consultant <ada@studio\.example>\s+Ada Launch Studio · https:\/\/studio\.example/)
    expect(cover).toContain(fp)
    expect(cover).not.toMatch(new RegExp(`Consultant\\s+${userInfo().username}\\b`))
    const subject = execFileSync('openssl', ['x509', '-in', join(dir, 'signer.cert.pem'), '-noout', '-subject', '-nameopt', 'utf8'], { encoding: 'utf8' })
    expect(subject).toMatch(/CN ?= ?Ada Consultant, O ?= ?Ada Launch Studio, emailAddress ?= ?ada@studio\.example/)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { signer: Record<string, string> }
    expect(manifest.signer).toMatchObject({ name: 'Ada Consultant', email: 'ada@studio.example', organisation: 'Ada Launch Studio', website: 'https://studio.example', fingerprint: fp })
    expect(readFileSync(join(dir, 'VERIFY.txt'), 'utf8')).toContain('Signed by:  Ada Consultant <ada@studio.example> (Ada Launch Studio)')
    await shot(page, 'i19-03-handover-built')
  })

  it('verifies against a wrong fingerprint (fails) and the right one as a person pastes it (passes)', async () => {
    const fp = await fingerprintIn('built-fingerprint')
    const field = report().getByLabel('Expected key fingerprint')
    await field.fill('not a fingerprint')
    await report().getByRole('button', { name: 'Verify against this key' }).click()
    await expect.poll(() => report().locator('#expect-fp-error').textContent()).toContain('64 hex digits')
    await field.fill('ab'.repeat(32))
    await report().getByRole('button', { name: 'Verify against this key' }).click()
    await expect.poll(() => report().textContent(), { timeout: 30_000 }).toContain('Problems found')
    expect(await page.getByTestId('verify-expected').textContent()).toContain('NOT the key you expected')
    await shot(page, 'i19-04-verify-wrong-key')
    // as PowerShell's Get-FileHash prints it: upper case
    await field.fill(fp.toUpperCase())
    await report().getByRole('button', { name: 'Verify against this key' }).click()
    await expect.poll(() => report().textContent(), { timeout: 30_000 }).toContain('Intact')
    expect(await page.getByTestId('verify-expected').textContent()).toBe('This is the key you expected.')
  })

  it("shows how the founder accepts on their own machine; takes an acceptance here only behind an explicit disclosure, typed by the founder; the state follows", async () => {
    // the screen reads as the founder's acceptance is theirs to give: steps, then the state
    const send = page.getByTestId('send-to-founder')
    expect(await send.textContent()).toContain('handover countersign <folder>')
    expect(await page.getByTestId('acceptance-state').getAttribute('data-tone')).toBe('warn')
    expect(await page.getByTestId('ready-acceptance').textContent()).toContain('not accepted by the founder yet')
    // nothing to click until the disclosure is opened; nothing is filled in for the founder
    const form = page.getByTestId('countersign-form')
    expect(await form.isVisible()).toBe(false)
    await page.getByTestId('in-person').getByText('The founder is here, at this computer').click()
    expect(await form.getByLabel('Founder name').inputValue()).toBe('')
    expect(await form.getByLabel('Founder email').inputValue()).toBe('')
    await form.getByLabel('Founder name').fill('Bob Other-Founder')
    await form.getByLabel('Founder email').fill('bob@other.example')
    const sign = form.getByRole('button', { name: 'Sign the acceptance' })
    expect(await sign.isDisabled()).toBe(true)
    await form.getByLabel(/I am the founder, I am at this computer/).check()
    await sign.click()
    await expect.poll(() => page.getByTestId('countersigned').textContent(), { timeout: 30_000 }).toContain('Accepted by Bob Other-Founder <bob@other.example>')
    await expect.poll(() => page.getByTestId('acceptance').count(), { timeout: 30_000 }).toBe(1)
    expect(await page.getByTestId('acceptance').textContent()).toContain('by Bob Other-Founder <bob@other.example>')
    expect(await report().textContent()).toContain('Intact')
    await expect.poll(() => page.getByTestId('ready-acceptance').textContent()).toContain('accepted by Bob Other-Founder <bob@other.example>')
    expect(await page.getByTestId('acceptance-state').getAttribute('data-tone')).toBe('pass')
    await report().scrollIntoViewIfNeeded()
    await shot(page, 'i19-05-accepted')
    await expectAccessible(page, 'handover with acceptance')
  })

  it('re-keys explicitly from Settings: a new fingerprint, the history says why, the old bundle still verifies', async () => {
    const old = await fingerprintIn('built-fingerprint')
    await page.evaluate(`location.hash = '#/settings'`)
    await identityCard().getByRole('button', { name: 'Replace my signing key…' }).click()
    const replace = identityCard().getByRole('button', { name: 'Replace the key' })
    expect(await replace.isDisabled()).toBe(true)
    await identityCard().getByLabel('Why').fill('laptop lost')
    await identityCard().getByLabel('I will send founders the new fingerprint').check()
    await replace.click()
    await expect.poll(() => fingerprintIn('identity-fingerprint'), { timeout: 30_000 }).not.toBe(old)
    await expect.poll(() => page.getByTestId('key-history').textContent()).toContain('laptop lost')
    await shot(page, 'i19-06-rekeyed')
    await page.evaluate(`location.hash = '#/engagements/${engagementId}/handover'`)
    await page.getByTestId('bundle-row').first().getByRole('button', { name: /^Verify / }).click()
    await expect.poll(() => report().textContent(), { timeout: 30_000 }).toContain('Intact')
    await report().getByLabel('Expected key fingerprint').fill(old)
    await report().getByRole('button', { name: 'Verify against this key' }).click()
    await expect.poll(() => page.getByTestId('verify-expected').textContent(), { timeout: 30_000 }).toBe('This is the key you expected.')
    expect(pageErrors).toEqual([])
  })
})
