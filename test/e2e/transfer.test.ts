import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { SprintService } from '../../electron/core/sprint/service'
import { expectAccessible, launchChromium, openApp, shot } from './harness'

let browser: Browser
const dirs: string[] = []
const servers: BrowserServer[] = []
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  for (const s of servers) await s.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

async function serverWithWorkspace(): Promise<BrowserServer> {
  const dir = mkdtempSync(join(tmpdir(), 'handover-e2e-transfer-'))
  dirs.push(dir)
  const s = await startServer({ workspaceDir: dir })
  servers.push(s)
  return s
}

describe('export and import an engagement in the UI', () => {
  it('exports from one workspace and imports the file into another, chain verified', async () => {
    const from = await serverWithWorkspace()
    const e = await from.core.api.createEngagement({ domain: 'moving.example', clientName: 'Moving Co', hosts: ['www'] })
    new SprintService(from.core.workspace).start(e.id)
    // the export's chain head is signed by the consultant, who must have set their details first (issue 19)
    await from.core.api.saveSigningIdentity({ name: 'Ada Consultant', email: 'ada@studio.example', organisation: 'Ada Launch Studio', website: '' })
    const to = await serverWithWorkspace()

    const page = await browser.newPage({ acceptDownloads: true })
    await openApp(page, from.newLaunchUrl())
    await page.getByTestId('engagement-row').first().locator('button.row-open').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()])
    expect(download.suggestedFilename()).toBe('moving.example.handover')
    const file = join(dirs[0], 'moving.example.handover')
    await download.saveAs(file)

    const other = await browser.newPage()
    await openApp(other, to.newLaunchUrl())
    await other.getByTestId('import-input').setInputFiles(file)
    await expect.poll(() => other.getByRole('heading', { name: 'Moving Co' }).count()).toBeGreaterThan(0)
    await shot(other, 'transfer-imported')
    await expectAccessible(other, 'imported engagement')
    const imported = await to.core.api.listEngagements(undefined)
    expect(imported.map((x) => x.domain)).toEqual(['moving.example'])
    expect(to.core.workspace.evidence.verify(imported[0].id)).toMatchObject({ ok: true })
    await page.close()
    await other.close()
  })
})
