import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../electron/core/api'
import { runDone } from '../../../electron/core/api/checks'
import { openWorkspace } from '../../../electron/core/workspace'
import { loadScenario, startLab, type Lab } from '../../../electron/lab'
import { notifyRunEnds } from '../../../electron/main/notify'
import { callCore } from '../../helpers/call'
import { tempDir } from '../../helpers/tmp'

let lab: Lab
let core: Core
const tmp = tempDir('handover-notify-')

beforeAll(async () => {
  lab = await startLab('demo')
  core = createCore(openWorkspace(tmp.dir), 'electron', undefined, lab.profile)
})
afterAll(async () => {
  core?.workspace.close()
  await lab?.close()
  tmp.cleanup()
})

describe('the desktop end-of-run notification', () => {
  it('says what a run found when the window is not in front, and stays quiet when it is', async () => {
    const e = await callCore<{ id: string }>(core, 'createEngagement', { clientName: 'Acme Launch', domain: 'acme-launch.example', hosts: ['www'] })
    const shown: { title: string; body: string }[] = []
    let focused = false
    const stop = notifyRunEnds(core, { isFocused: () => focused, show: (title, body) => shown.push({ title, body }) })

    const first = await callCore<{ runId: string }>(core, 'runAudit', { engagementId: e.id, checkIds: ['dns.hosts', 'http.canonical'] })
    await runDone(first.runId)
    await expect.poll(() => shown.length).toBe(1)
    expect(shown[0]!.title).toBe('Run finished')
    expect(shown[0]!.body).toMatch(/^Acme Launch: (\d+ fail|\d+ error|no failures)( · \d+ error)?( · \d+ warn)? of \d+ checks$/)

    focused = true
    const second = await callCore<{ runId: string }>(core, 'runAudit', { engagementId: e.id, checkIds: ['dns.hosts'] })
    await runDone(second.runId)
    // the window in front sees the board's own card: no OS notice
    await new Promise((r) => setImmediate(r))
    expect(shown).toHaveLength(1)
    stop()
  })

  it('says the run waits, never "fail", when the network could not be trusted', async () => {
    const s = structuredClone(loadScenario('healthy'))
    s.dns.resolver = { faults: [{ name: '*', kind: 'nxdomain' }] }
    const lying = await startLab(s)
    const c = createCore(openWorkspace(join(tmp.dir, 'lying')), 'electron', undefined, lying.profile)
    try {
      const e = await callCore<{ id: string }>(c, 'createEngagement', { clientName: 'Tidy', domain: 'tidy.example' })
      const shown: string[] = []
      const stop = notifyRunEnds(c, { isFocused: () => false, show: (_t, body) => shown.push(body) })
      await runDone((await callCore<{ runId: string }>(c, 'runAudit', { engagementId: e.id, checkIds: ['mail.mx', 'dns.caa'] })).runId)
      await expect.poll(() => shown).toEqual(['Tidy: network not trusted, checks wait'])
      stop()
    } finally {
      c.workspace.close()
      await lying.close()
    }
  })
})
