import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WaitingRunInfo } from '@shared/contract/checks'
import { createCore, type Core } from '../../../../electron/core/api'
import { runDone } from '../../../../electron/core/api/checks'
import { openWorkspace } from '../../../../electron/core/workspace'
import { loadScenario, startLab, type Lab } from '../../../../electron/lab'
import { callCore } from '../../../helpers/call'
import { tempDir } from '../../../helpers/tmp'

/**
 * The offline queue through the API: listWaiting shows what waits and why, resumeWaiting runs
 * exactly the waiting checks again; on a sound network that run takes them off the queue.
 */
const tmp = tempDir('handover-queue-api-')
let lying: Lab
let sound: Lab
let onLies: Core
let onTruth: Core
let engagementId = ''

beforeAll(async () => {
  const s = structuredClone(loadScenario('healthy'))
  s.dns.resolver = { faults: [{ name: '*', kind: 'nxdomain' }] }
  lying = await startLab(s)
  sound = await startLab('healthy')
  // one workspace, two network profiles: the hotel wifi, then the office
  onLies = createCore(openWorkspace(join(tmp.dir, 'ws')), 'browser', undefined, lying.profile)
  onTruth = createCore(openWorkspace(join(tmp.dir, 'ws')), 'browser', undefined, sound.profile)
  engagementId = (await callCore<{ id: string }>(onLies, 'createEngagement', { domain: 'tidy.example' })).id
})
afterAll(async () => {
  onLies.workspace.close()
  onTruth.workspace.close()
  await lying.close()
  await sound.close()
  tmp.cleanup()
})

const run = async (core: Core, method: string) => runDone((await callCore<{ runId: string }>(core, method, { engagementId, ...(method === 'runAudit' ? { checkIds: ['mail.mx', 'dns.caa', 'secrets.repo'] } : {}) })).runId)

describe('the offline queue through the API', () => {
  it('lists the waiting pairs with the reason, and nothing else', async () => {
    expect(await callCore(onLies, 'listWaiting', {})).toEqual([])
    const r = await run(onLies, 'runAudit')
    expect(r?.waiting?.kind).toBe('untrusted')
    const q = await callCore<WaitingRunInfo[]>(onLies, 'listWaiting', { engagementId })
    expect(q).toEqual([
      {
        runId: r!.runId,
        engagementId,
        domain: 'tidy.example',
        startedAt: r!.startedAt,
        kind: 'untrusted',
        reason: expect.stringMatching(/NXDOMAIN/),
        pending: expect.any(Array),
      },
    ])
    // network checks only: secrets.repo needs no network, so it judged (or skipped) on its own
    expect(q[0]!.pending.map((p) => `${p.checkId} ${p.target}`).sort()).toEqual(['dns.caa tidy.example', 'mail.mx tidy.example'])
  })

  it('resumeWaiting runs exactly the waiting checks; on a sound network the queue empties', async () => {
    const resumed = await run(onTruth, 'resumeWaiting')
    expect(resumed?.checks.map((c) => c.id).sort()).toEqual(['dns.caa', 'mail.mx'])
    expect(resumed?.waiting).toBeUndefined()
    expect(resumed?.checks.find((c) => c.id === 'mail.mx')?.status).toBe('pass')
    expect(await callCore(onTruth, 'listWaiting', {})).toEqual([])
  })

  it('with nothing waiting, resumeWaiting says so in words', async () => {
    await expect(callCore(onTruth, 'resumeWaiting', { engagementId })).rejects.toThrow('resumeWaiting: conflict: nothing of tidy.example waits in the offline queue')
  })
})
