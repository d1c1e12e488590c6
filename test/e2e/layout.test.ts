import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { runDone } from '../../electron/core/api/checks'
import { callCore } from '../helpers/call'
import { expectAccessible, openApp, shot } from './harness'
import { startLabSession, type LabSession } from './session'
import { LAYOUT_PROBE, type LayoutProblem } from './layout-probe'

let session: LabSession
let page: Page
let server: LabSession['server']
let pageErrors: string[]
/** The vault and signing need the OS keychain: npm test runs e2e inside a D-Bus session with gnome-keyring. */
const KEYCHAIN = process.platform !== 'linux' || !!process.env.DBUS_SESSION_BUS_ADDRESS

const call = <T>(method: string, input?: unknown) => callCore<T>(server.core, method, input)

/** One screen: how to get there from anywhere, and what says it has rendered. */
interface Screen {
  name: string
  open(): Promise<void>
}

let id = ''
let runbookRun = ''
/** A runbook run whose verify step just failed (dns.hosts fails in the demo). */
let failedVerifyRun = ''
/** An engagement without a sprint (the board offers a template and Start). */
let noSprint = ''
let resultId = 0

beforeAll(async () => {
  session = await startLabSession('handover-e2e-layout-')
  ;({ page, server, pageErrors } = session)

  // an engagement with long names, a sprint, a full run, a runbook under way, inventory and a credential
  const e = await call<{ id: string }>('createEngagement', {
    clientName: 'Acme Launch Incorporated — Worldwide Marketplace Relaunch',
    founderEmail: 'founder.with.a.long.address@acme-launch.example',
    domain: 'acme-launch.example',
    hosts: ['www', 'app', 'api', 'staging', 'docs'],
  })
  id = e.id
  await call('startSprint', { engagementId: id })
  await runDone((await call<{ runId: string }>('runSprint', { engagementId: id })).runId)
  const results = await call<{ id: number; status: string }[]>('listResults', { engagementId: id })
  resultId = (results.find((r) => r.status === 'fail') ?? results[0]!).id
  runbookRun = (await call<{ run: { id: string } }>('startRunbook', { engagementId: id, runbookId: 'dns-broke-site' })).run.id
  failedVerifyRun = (await call<{ run: { id: string } }>('startRunbook', { engagementId: id, runbookId: 'dns-broke-site' })).run.id
  await call('runbookDone', { runId: failedVerifyRun, stepId: 'stop-changes', inputs: { last_change: 'Moved app to a new server' } })
  await call('runbookVerify', { runId: failedVerifyRun, stepId: 'check-now' })
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
  await call('recordVerdict', { engagementId: id, itemId: 'reset-email-inbox', verdict: 'fail', note: 'inbox screenshot', attachments: [{ name: 'inbox-screenshot-from-the-founders-phone.png', mime: 'image/png', dataBase64: png }] })
  await call('prefillInventory', { engagementId: id })
  for (let i = 0; i < 3; i++) {
    const other = await call<{ id: string }>('createEngagement', { clientName: `Second client ${i} with a rather long name`, domain: `client-${i}.example`, hosts: ['www'] })
    noSprint ||= other.id
  }
  if (KEYCHAIN) {
    await call('addCredential', { engagementId: id, provider: 'other', label: 'Deploy token for the production project (least privilege)', secret: 'layout-e2e-not-a-secret', owner: 'consultant' }).catch(() => null)
    await call('saveSigningIdentity', { name: 'Ada Consultant', email: 'ada@studio.example', organisation: 'Ada Launch Studio' })
    await call('createBundle', { engagementId: id })
  }
})
afterAll(() => session?.close())

const h1 = () => page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 5_000 })
// a loaded 2-core machine can take seconds to render a screen: a hang guard, not a speed limit
const go = async (hash: string, heading: string | RegExp) => {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`)
  await expect.poll(h1, { timeout: 20_000 }).toMatch(heading)
}

const screens: Screen[] = [
  { name: 'engagements', open: () => go('#/engagements', 'Engagements') },
  {
    name: 'new-engagement',
    open: async () => {
      await go('#/engagements', 'Engagements')
      await page.getByRole('button', { name: 'New engagement' }).first().click()
      await page.getByRole('dialog', { name: 'New engagement' }).waitFor()
    },
  },
  { name: 'dashboard', open: () => go(`#/engagements/${id}`, /^Acme Launch/) },
  {
    name: 'dashboard-start-sprint',
    open: async () => {
      await go(`#/engagements/${noSprint}`, /^Second client/)
      await page.getByLabel('Template').waitFor()
    },
  },
  {
    name: 'smoke-flow-form',
    open: async () => {
      await go(`#/engagements/${id}`, /^Acme Launch/)
      await page.getByRole('button', { name: 'Add a smoke flow' }).click()
      await page.getByRole('button', { name: 'Add a step' }).click()
      await page.getByRole('group', { name: 'Step 2' }).getByLabel('Method').selectOption('POST')
      await page.getByRole('form', { name: 'Add a smoke flow' }).scrollIntoViewIfNeeded()
    },
  },
  { name: 'board', open: () => go(`#/engagements/${id}/sprint`, 'Sprint board') },
  {
    name: 'item-sheet',
    open: async () => {
      await go(`#/engagements/${id}/sprint`, 'Sprint board')
      await page.locator('[data-testid="sprint-item"][data-status="fail"] .item-open').first().click()
      await page.getByRole('dialog').first().waitFor()
    },
  },
  {
    name: 'finish-sprint',
    open: async () => {
      await go(`#/engagements/${id}/sprint`, 'Sprint board')
      await page.getByRole('button', { name: 'Finish sprint…' }).click()
      await page.getByRole('alertdialog').waitFor()
    },
  },
  {
    name: 'start-sprint',
    open: async () => {
      await go(`#/engagements/${noSprint}/sprint`, 'Sprint board')
      await page.getByLabel('Template').waitFor()
    },
  },
  { name: 'evidence', open: () => go(`#/engagements/${id}/evidence`, 'Evidence') },
  {
    name: 'evidence-panel',
    open: async () => {
      await go(`#/engagements/${id}/evidence`, 'Evidence')
      await page.getByTestId('evidence-row').first().getByRole('button').first().click()
      await page.getByTestId('evidence-panel').waitFor()
    },
  },
  {
    name: 'evidence-attachment',
    open: async () => {
      await go(`#/engagements/${id}/evidence&kind=manual-verdict`, 'Evidence')
      // the item opened by the screen before covers the list at 1024 wide: close it first
      const close = page.getByRole('button', { name: 'Close the evidence item' })
      if (await close.count()) await close.click()
      await page.getByTestId('evidence-row').first().getByRole('button').first().click()
      await page.getByTestId('evidence-panel').getByRole('button', { name: /^Preview inbox-screenshot/ }).click()
      await page.getByTestId('evidence-panel').getByTestId('attachment-preview').waitFor()
    },
  },
  {
    name: 'result',
    open: async () => {
      await go(`#/engagements/${id}/results/${resultId}`, /\S/)
      await page.getByRole('heading', { name: 'Why it matters' }).waitFor()
    },
  },
  { name: 'pictures', open: () => go(`#/engagements/${id}/pictures`, 'Pictures') },
  { name: 'runbooks', open: () => go(`#/engagements/${id}/runbooks`, 'Runbooks') },
  {
    name: 'runbook-step',
    open: async () => {
      await page.evaluate(`location.hash = ${JSON.stringify(`#/engagements/${id}/runbooks/${runbookRun}`)}`)
      await page.getByTestId('runbook-step').waitFor()
    },
  },
  {
    name: 'runbook-verify-failed',
    open: async () => {
      await page.evaluate(`location.hash = ${JSON.stringify(`#/engagements/${id}/runbooks/${failedVerifyRun}`)}`)
      await page.getByRole('button', { name: 'Skip this step…' }).click()
      await page.getByRole('button', { name: 'Skip step' }).click()
      await page.getByText('Say why this step is skipped').waitFor()
    },
  },
  {
    name: 'runbook-abandon',
    open: async () => {
      await page.evaluate(`location.hash = ${JSON.stringify(`#/engagements/${id}/runbooks/${failedVerifyRun}`)}`)
      await page.getByRole('button', { name: 'Abandon…' }).click()
      await page.getByRole('alertdialog').waitFor()
    },
  },
  {
    name: 'manual-attachment',
    open: async () => {
      await go(`#/engagements/${id}/sprint/reset-email-inbox`, 'Sprint board')
      await page.getByRole('button', { name: /^Preview inbox-screenshot/ }).click()
      await page.getByTestId('attachment-preview').waitFor()
    },
  },
  {
    name: 'palette',
    open: async () => {
      await go(`#/engagements/${id}`, /^Acme Launch/)
      await page.keyboard.press('Control+k')
      await page.getByRole('combobox', { name: /^Search screens/ }).fill('http')
    },
  },
  {
    name: 'shortcuts',
    open: async () => {
      await go(`#/engagements/${id}`, /^Acme Launch/)
      await page.locator('#content').focus()
      await page.keyboard.press('?')
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    },
  },
  { name: 'vault', open: () => go(`#/engagements/${id}/vault`, 'Vault') },
  { name: 'inventory', open: () => go(`#/engagements/${id}/inventory`, 'Access inventory') },
  { name: 'handover', open: () => go(`#/engagements/${id}/handover`, 'Handover') },
  {
    // the founder at this computer: the disclosure open, its form in view (needs a bundle, so a keychain)
    name: 'handover-in-person',
    open: async () => {
      await go(`#/engagements/${id}/handover`, 'Handover')
      if (!KEYCHAIN) return
      await page.getByTestId('in-person').locator('summary').click({ timeout: 20_000 })
      await page.getByTestId('countersign-form').scrollIntoViewIfNeeded()
    },
  },
  {
    // a refused acceptance file: the reason beside the picker (needs a bundle, so a keychain)
    name: 'handover-acceptance-refused',
    open: async () => {
      await go(`#/engagements/${id}/handover`, 'Handover')
      if (!KEYCHAIN) return
      await page.setInputFiles('#acceptance-files', [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an acceptance') }])
      await page.getByTestId('add-acceptance').getByRole('alert').waitFor({ timeout: 20_000 })
      await page.getByTestId('add-acceptance').scrollIntoViewIfNeeded()
    },
  },
  { name: 'settings', open: () => go('#/settings', 'Settings') },
]

const sizes = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
]

describe('every screen holds its layout from 1024×700 up, light and dark', () => {
  for (const size of sizes) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${size.width}×${size.height} ${scheme}: no sideways scroll, no clipped control, no serious axe violation`, async () => {
        await page.setViewportSize(size)
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
        await openApp(page, server.newLaunchUrl())
        // every screen is looked at before failing, so one run shows everything wrong
        const problems: Record<string, (LayoutProblem | string)[]> = {}
        for (const s of screens) {
          const found: (LayoutProblem | string)[] = []
          try {
            await s.open()
            // settle: fonts, the windowed lists' measuring pass
            await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
            await shot(page, `layout-${size.width}x${size.height}-${scheme}-${s.name}`)
            found.push(...((await page.evaluate(LAYOUT_PROBE)) as LayoutProblem[]))
            await expectAccessible(page, `${s.name} at ${size.width}×${size.height} ${scheme}`)
          } catch (e) {
            found.push((e as Error).message.split('\n').slice(0, 12).join('\n'))
          }
          if (found.length) problems[s.name] = found
          // close what the screen opened (a sheet, a dialog) before the next one
          await page.keyboard.press('Escape')
        }
        expect(problems).toEqual({})
        expect(pageErrors).toEqual([])
      })
    }
  }
})
