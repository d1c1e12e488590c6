import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { dispatch } from '../../electron/core/api'
import { startLab, type Lab } from '../../electron/lab'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'
import { portfolioDomains, writePortfolioScenario } from '../helpers/portfolio-lab'
import { expectAccessible, launchChromium, newPage, openApp, shot } from './harness'

// "Run all" from the engagement list: four engagements on a sandbox that serves them all, three
// audits at a time; every row shows its own progress, then its outcome.
describe('Run all from the engagement list', () => {
  const ws = tempDir('handover-e2e-runall-')
  let browser: Browser
  let lab: Lab
  let server: BrowserServer
  beforeAll(async () => {
    browser = await launchChromium()
    lab = await startLab(writePortfolioScenario(ws.dir, 4))
    server = await startServer({ workspaceDir: `${ws.dir}/ws`, port: 0, profile: lab.profile })
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await lab?.close()
    await browser?.close()
    ws.cleanup()
  })

  it('audits every engagement shown, with per-row progress, and records a run for each', async () => {
    const domains = portfolioDomains(4)
    for (const d of domains) {
      const r = await dispatch(server.core, 'createEngagement', { domain: d, hosts: ['www'] })
      expect(r.ok).toBe(true)
    }
    const errors: string[] = []
    const { context, page } = await newPage(browser, errors)
    try {
      await openApp(page, server.newLaunchUrl())
      const rows = page.getByTestId('engagement-row')
      await expect.poll(() => rows.count()).toBe(4)
      expect(await page.getByRole('columnheader', { name: 'Audit' }).count()).toBe(0)
      await page.getByRole('button', { name: 'Run all (4)' }).click()
      // every row has its progress cell at once (queued or running), and the button waits
      expect(await page.getByTestId('run-cell').count()).toBe(4)
      await expect.poll(() => page.getByRole('button', { name: 'Running…' }).isDisabled()).toBe(true)
      // a running row shows a progress bar named after its domain
      await page.locator('[data-testid="run-cell"][data-state="running"] progress').first().waitFor({ timeout: 60_000 })
      const bar = page.locator('[data-testid="run-cell"][data-state="running"] progress').first()
      expect(await bar.getAttribute('aria-label')).toMatch(/^Audit of shop0\d\.example: \d+ of \d+ checks$/)
      await shot(page, 'run-all-running')
      await page.locator('[data-testid="run-cell"][data-state="done"]').nth(3).waitFor({ timeout: 120_000 })
      const outcomes = await page.getByTestId('run-cell').allTextContents()
      expect(outcomes).toHaveLength(4)
      for (const o of outcomes) expect(o).toMatch(/^Done( · \d+ failed)?$/)
      expect(await page.getByRole('button', { name: 'Run all (4)' }).isEnabled()).toBe(true)
      expect(await page.getByRole('status').filter({ hasText: '4 of 4 audits finished' }).count()).toBe(1)
      await shot(page, 'run-all-done')
      await expectAccessible(page, 'engagements after Run all')
      for (const e of server.core.workspace.engagements.list()) {
        const runs = await dispatch(server.core, 'listRuns', { engagementId: e.id })
        expect(runs.ok && (runs.value as unknown[]).length, e.domain).toBe(1)
      }
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('refuses an unknown engagement as a whole, before any audit starts', async () => {
    const r = await dispatch(server.core, 'runAllAudits', { engagementIds: ['no-such-engagement'] })
    expect(r.ok).toBe(false)
  })
})
