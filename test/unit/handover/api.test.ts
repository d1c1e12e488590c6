import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { memoryStore, seededWorkspace } from './fixture'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { handoverApi } from '../../../electron/core/api/handover'
import { identityApi } from '../../../electron/core/api/identity'
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

  it('refuses to build a bundle before the consultant set who they are, and never signs as the OS user', async () => {
    const api = handoverApi(core, memoryStore())
    await expect(api.createBundle({ engagementId: engagement.id })).rejects.toThrow(/set who signs your bundles first/)
  })

  it('creates, lists, verifies against a fingerprint and takes a founder acceptance from the UI side', async () => {
    const secrets = memoryStore()
    const ids = identityApi(core, secrets)
    const me = await ids.saveSigningIdentity({ name: 'Ada Consultant', email: 'ada@example.com', organisation: 'Ada Launch Studio', website: '' })
    const api = handoverApi(core, secrets)
    const info = await api.createBundle({ engagementId: engagement.id })
    expect(info.signer).toMatchObject({ name: 'Ada Consultant', email: 'ada@example.com', organisation: 'Ada Launch Studio', fingerprint: me.fingerprint })
    expect(info.dir.startsWith(join(tmp.dir, 'ws', 'bundles'))).toBe(true)
    const bundles = await api.listBundles({ engagementId: engagement.id })
    expect(bundles).toHaveLength(1)
    const name = bundles[0].name
    expect((await api.verifyBundle({ name })).ok).toBe(true)
    // the fingerprint field takes what tools print: Get-FileHash's upper case, openssl dgst's prefix
    const upper = await dispatch(core, 'verifyBundle', { name, expectFingerprint: me.fingerprint.toUpperCase() })
    expect(upper).toMatchObject({ ok: true, value: { expected: me.fingerprint } })
    const wrong = await dispatch(core, 'verifyBundle', { name, expectFingerprint: 'ab'.repeat(32) })
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, items: expect.arrayContaining([expect.objectContaining({ name: 'expected key', ok: false })]) } })
    expect(await dispatch(core, 'verifyBundle', { name, expectFingerprint: 'not a fingerprint' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // the founder signs on this machine only after that is confirmed
    expect(await dispatch(core, 'countersignBundle', { name, founderName: 'Zoë Müller', founderEmail: 'zoe@example.com' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const accepted = await api.countersignBundle({ name, founderName: 'Zoë Müller', founderEmail: 'zoe@example.com', founderPresent: true })
    expect(accepted).toMatchObject({ ok: true, name: 'Zoë Müller', email: 'zoe@example.com' })
    const report = await api.verifyBundle({ name })
    expect(report.acceptances).toEqual([expect.objectContaining({ ok: true, name: 'Zoë Müller', fingerprint: accepted.fingerprint })])
    expect(await ids.signingIdentity(undefined)).toMatchObject({ role: 'consultant', fingerprint: info.signer.fingerprint, confirmed: true })
  })
})
