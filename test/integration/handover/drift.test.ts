import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { engagementCreateSchema } from '@shared/schemas/engagement'
import { tempDir } from '../../helpers/tmp'
import { consultantStore } from '../../helpers/identity'
import { EventBus } from '../../../electron/core/events'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { runAudit } from '../../../electron/core/checks/runner'
import { createBundle } from '../../../electron/core/handover/bundle/build'
import { runDrift } from '../../../electron/core/handover/drift'
import { loadScenario, startLab, type Lab } from '../../../electron/lab'
import { cli } from './tools'

// Drift months later, as a founder would run it: the checks recorded in baseline.json re-run
// against the sandbox after a scripted change (app's A record moved), in a fresh workspace.
describe('handover drift against the sandbox', () => {
  const tmp = tempDir()
  const labs: Lab[] = []
  const workspaces: Workspace[] = []
  afterAll(async () => {
    for (const ws of workspaces) ws.close()
    for (const lab of labs) await lab.close()
    tmp.cleanup()
  })

  it('lists nothing when nothing changed, and the moved record after a scripted change', async () => {
    const scenario = loadScenario('healthy')
    scenario.fixes = { 'move-app': { dns: { zones: { 'tidy.example': { records: [{ name: 'app', type: 'A', data: '127.0.80.99' }] } } } } }
    const lab = await startLab(scenario)
    labs.push(lab)
    const ws = openWorkspace(join(tmp.dir, 'consultant'))
    workspaces.push(ws)
    const events = new EventBus()
    const engagement = ws.engagements.create(engagementCreateSchema.parse({ domain: 'tidy.example', hosts: scenario.hosts.map((h) => h.name) }))
    await runAudit({ workspace: ws, events, engagement, profile: lab.profile, checkIds: ['dns.hosts', 'http.https'] })
    const out = join(tmp.dir, 'bundle')
    await createBundle({ workspace: ws, engagement, outDir: out, secrets: await consultantStore(ws) })

    const founderWs = openWorkspace(join(tmp.dir, 'founder'))
    workspaces.push(founderWs)
    const same = await runDrift({ workspace: founderWs, events, bundle: out, profile: lab.profile })
    expect(same.bundleValid).toBe(true)
    expect(same.checked).toBeGreaterThan(0)
    expect(same.findings).toEqual([])

    await lab.applyFix('move-app')
    const moved = await runDrift({ workspace: founderWs, events, bundle: out, profile: lab.profile })
    expect(moved.findings.map((f) => [f.checkId, f.target, f.verdict])).toEqual([['dns.hosts', 'app.tidy.example', 'regression']])
    expect(moved.findings[0].changes.some((c) => c.before.includes('127.0.80.12') && c.after.includes('127.0.80.99'))).toBe(true)

    // The CLI against a fresh lab (new ports, new keys): no false drift; with the scripted fix: the change.
    const file = join(tmp.dir, 'scenario.yaml')
    writeFileSync(file, stringify(scenario))
    const fresh = await cli(['--workspace', join(tmp.dir, 'founder-cli'), 'drift', out, '--lab', file, '--json'])
    expect(fresh.code, fresh.stdout + fresh.stderr).toBe(0)
    expect(JSON.parse(fresh.stdout).regressions).toBe(0)
    const fixed = await cli(['--workspace', join(tmp.dir, 'founder-cli'), 'drift', out, '--lab', file, '--fix', 'move-app'])
    expect(fixed.code).toBe(1)
    expect(fixed.stdout).toMatch(/✗ app now points to 127\.0\.80\.99 \(at handover: 127\.0\.80\.12\)/)
  })

  it('re-runs only what the baseline checked, with its settings: a repository never scanned at handover stays unscanned', async () => {
    const lab = await startLab('demo')
    labs.push(lab)
    const ws = openWorkspace(join(tmp.dir, 'no-repo'))
    workspaces.push(ws)
    const events = new EventBus()
    const engagement = ws.engagements.create(engagementCreateSchema.parse({ domain: 'acme-launch.example', hosts: ['www'] }))
    const audit = await runAudit({ workspace: ws, events, engagement, profile: lab.profile, checkIds: ['secrets.repo', 'mail.spf'] })
    expect(audit.checks.find((c) => c.id === 'secrets.repo')?.status).toBe('skip')
    const out = join(tmp.dir, 'bundle-no-repo')
    await createBundle({ workspace: ws, engagement, outDir: out, secrets: await consultantStore(ws) })
    // The lab offers its repository (with secrets in its history); drift must not scan it.
    const drift = await runDrift({ workspace: ws, events, bundle: out, profile: lab.profile, services: { repos: lab.endpoints.repos } })
    expect(drift.checked).toBe(1)
    expect(drift.findings).toEqual([])
  })
})
