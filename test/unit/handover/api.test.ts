import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { memoryStore, seededWorkspace } from './fixture'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { handoverApi } from '../../../electron/core/api/handover'
import type { Engagement } from '@shared/schemas/engagement'

describe('handover contract methods', () => {
  const tmp = tempDir()
  let core: Core
  let engagement: Engagement
  beforeAll(() => {
    const seeded = seededWorkspace(join(tmp.dir, 'ws'))
    engagement = seeded.engagement
    core = createCore(seeded.ws, 'browser')
  })
  afterAll(() => {
    core.workspace.close()
    tmp.cleanup()
  })

  it('lists and edits the inventory through the validated entry point', async () => {
    const list = await dispatch(core, 'listInventory', { engagementId: engagement.domain })
    expect(list.ok && (list.value as unknown[]).length).toBe(13)
    const bad = await dispatch(core, 'saveInventoryEntry', { engagementId: engagement.id, system: 'nope' })
    expect(bad.ok).toBe(false)
    const saved = await dispatch(core, 'saveInventoryEntry', { engagementId: engagement.id, system: 'custom', name: 'Intercom', twoFactor: 'on' })
    expect(saved).toMatchObject({ ok: true, value: { name: 'Intercom', twoFactor: 'on', source: 'manual' } })
    const imported = await dispatch(core, 'importInventory', { engagementId: engagement.id, entries: [{ system: 'payments', name: 'Stripe' }] })
    expect(imported.ok && (imported.value as { name: string }[]).some((e) => e.name === 'Stripe')).toBe(true)
  })

  it('confines bundle names to the workspace bundles folder', async () => {
    for (const name of ['..', '../x', '.hidden', 'a/b']) expect((await dispatch(core, 'verifyBundle', { name })).ok, name).toBe(false)
  })

  it('creates, lists, verifies and countersigns a bundle from the UI side', async () => {
    const api = handoverApi(core, memoryStore())
    const info = await api.createBundle({ engagementId: engagement.id })
    expect(info.dir.startsWith(join(tmp.dir, 'ws', 'bundles'))).toBe(true)
    const bundles = await api.listBundles({ engagementId: engagement.id })
    expect(bundles).toHaveLength(1)
    expect((await api.verifyBundle({ name: bundles[0].name })).ok).toBe(true)
    const founder = await api.countersignBundle({ name: bundles[0].name, founderName: 'Zoë Müller', founderEmail: 'zoe@example.com' })
    expect(founder.role).toBe('founder')
    const report = await api.verifyBundle({ name: bundles[0].name })
    expect(report.items.find((i) => i.name === 'founder countersignature')?.ok).toBe(true)
    expect(await api.signingIdentity(undefined)).toMatchObject({ role: 'consultant', fingerprint: info.signer.fingerprint })
  })
})
