import { generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { engagementCreateSchema } from '@shared/schemas/engagement'
import { tempDir } from '../../helpers/tmp'
import { consultantStore } from '../../helpers/identity'
import { healthyWith } from '../checks/engine/variants'
import { EventBus } from '../../../electron/core/events'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { runAudit } from '../../../electron/core/checks/runner'
import { createBundle } from '../../../electron/core/handover/bundle/build'
import { runDrift } from '../../../electron/core/handover/drift'
import { startLab, type Lab } from '../../../electron/lab'

const REPOS = ['https://git.acme.example/acme/app.git', '/home/consultant/acme-app', 'https://169.254.169.254/latest.git']
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64')

// The founder runs drift in a fresh workspace: the engagement is recreated from baseline.json,
// so its check settings must travel in the baseline, or mail.dkim would "drift" to fail.
describe('drift keeps the engagement check settings', () => {
  const tmp = tempDir()
  const workspaces: Workspace[] = []
  let lab: Lab | undefined
  afterAll(async () => {
    for (const ws of workspaces) ws.close()
    await lab?.close()
    tmp.cleanup()
  })

  it('re-runs mail.dkim with the configured selector: no false drift', async () => {
    const scenario = healthyWith(() => undefined, [{ name: '2024a._domainkey', type: 'TXT', data: `v=DKIM1; k=rsa; p=${rsa()}` }], [{ name: 'google._domainkey', type: 'TXT' }])
    lab = await startLab(scenario)
    const ws = openWorkspace(join(tmp.dir, 'consultant'))
    workspaces.push(ws)
    const events = new EventBus()
    const engagement = ws.engagements.create(engagementCreateSchema.parse({ domain: 'tidy.example', hosts: ['www'], dkimSelectors: ['2024a'], routes: ['/login'], repos: REPOS }))
    const audit = await runAudit({ workspace: ws, events, engagement, profile: lab.profile, checkIds: ['mail.dkim'] })
    expect(audit.checks[0].status).toBe('pass')
    const out = join(tmp.dir, 'bundle')
    await createBundle({ workspace: ws, engagement, outDir: out, secrets: await consultantStore(ws) })
    // Clone URLs travel; a path on the consultant's computer does not.
    expect(JSON.parse(readFileSync(join(out, 'baseline.json'), 'utf8')).engagement).toMatchObject({ dkimSelectors: ['2024a'], routes: ['/login'], repos: [REPOS[0], REPOS[2]] })

    const founder = openWorkspace(join(tmp.dir, 'founder'))
    workspaces.push(founder)
    const drift = await runDrift({ workspace: founder, events, bundle: out, profile: lab.profile })
    expect(drift.checked).toBe(1)
    expect(drift.findings).toEqual([])
    // A clone URL into an address (private network, metadata service) is never taken from the file.
    expect(founder.engagements.get('tidy.example')).toMatchObject({ dkimSelectors: ['2024a'], routes: ['/login'], repos: [REPOS[0]] })
  })
})
