import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { seededWorkspace } from './fixture'
import { InventoryRepo } from '../../../electron/core/handover/inventory/repo'
import { prefillInventory } from '../../../electron/core/handover/inventory/prefill'
import { registerSecret, unregisterSecret } from '../../../electron/core/vault/redact'
import { inventoryFieldsSchema } from '@shared/contract/handover'
import type { Workspace } from '../../../electron/core/workspace'
import type { Engagement } from '@shared/schemas/engagement'

describe('access inventory', () => {
  let tmp: ReturnType<typeof tempDir>
  let ws: Workspace
  let engagement: Engagement
  let repo: InventoryRepo
  beforeEach(() => {
    tmp = tempDir()
    ;({ ws, engagement } = seededWorkspace(tmp.dir))
    repo = new InventoryRepo(ws.db)
  })
  afterEach(() => {
    ws.close()
    tmp.cleanup()
  })

  it('seeds one row per standard system once, with a plain-language purpose', () => {
    const list = repo.list(engagement.id)
    expect(list.map((e) => e.system)).toEqual(['registrar', 'dns', 'cdn', 'hosting', 'database', 'email-sending', 'mailboxes', 'monitoring', 'source-repo', 'secrets-manager', 'payments', 'analytics', 'error-tracking'])
    expect(list.every((e) => e.purpose.length > 20 && e.source === 'default')).toBe(true)
    repo.remove(list[0].id)
    expect(repo.list(engagement.id)).toHaveLength(12) // a removal sticks: no re-seeding
  })

  it('saves, updates and removes rows; rejects a malformed login URL', () => {
    const row = repo.list(engagement.id).find((e) => e.system === 'registrar')!
    const saved = repo.save(engagement.id, inventoryFieldsSchema.parse({ ...row, name: 'Gandi', loginUrl: 'https://admin.gandi.example', twoFactor: 'on', admins: ['zoe@example.com'] }), { id: row.id })
    expect(saved).toMatchObject({ id: row.id, name: 'Gandi', twoFactor: 'on', admins: ['zoe@example.com'], source: 'manual' })
    const custom = repo.save(engagement.id, inventoryFieldsSchema.parse({ system: 'custom', name: 'Intercom' }))
    expect(repo.list(engagement.id).at(-1)!.id).toBe(custom.id)
    expect(() => inventoryFieldsSchema.parse({ system: 'dns', loginUrl: 'not a url' })).toThrow(/login URL/)
    expect(() => repo.get('nope')).toThrow(/no inventory entry/)
  })

  it('imports by merging on system + name, or replaces everything', () => {
    const merged = repo.import(engagement.id, [inventoryFieldsSchema.parse({ system: 'hosting', name: 'Vercel', ownerAccount: 'zoe@example.com' }), inventoryFieldsSchema.parse({ system: 'custom', name: 'Linear' })])
    expect(merged).toHaveLength(14)
    expect(merged.find((e) => e.system === 'hosting')).toMatchObject({ name: 'Vercel', ownerAccount: 'zoe@example.com', source: 'import' })
    const replaced = repo.import(engagement.id, [inventoryFieldsSchema.parse({ system: 'payments', name: 'Stripe' })], true)
    expect(replaced.map((e) => e.name)).toEqual(['Stripe'])
  })

  it('round-trips an inventory through a replace import, unnamed and named rows of one system alike', () => {
    repo.save(engagement.id, inventoryFieldsSchema.parse({ system: 'payments', name: 'Stripe' }))
    const before = repo.list(engagement.id).map((e) => `${e.system}:${e.name}`)
    expect(before.filter((n) => n.startsWith('payments:'))).toEqual(['payments:', 'payments:Stripe'])
    const after = repo.import(engagement.id, repo.list(engagement.id), true)
    expect(after.map((e) => `${e.system}:${e.name}`)).toEqual(before)
    // a merge of the same file changes nothing but the source
    expect(repo.import(engagement.id, after).map((e) => `${e.system}:${e.name}`)).toEqual(before)
  })

  it('prefills empty fields from check results, never overwriting a person\u2019s values', () => {
    const cdn = repo.list(engagement.id).find((e) => e.system === 'cdn')!
    repo.save(engagement.id, { ...inventoryFieldsSchema.parse({ system: 'cdn' }), recovery: 'backup codes in the founder\u2019s 1Password', twoFactor: 'off' }, { id: cdn.id })
    const list = prefillInventory(ws.db, repo, engagement.id)
    const row = list.find((e) => e.system === 'cdn')!
    expect(row).toMatchObject({ name: 'Cloudflare', ownerAccount: 'consultant@example.com', admins: ['consultant@example.com'], recovery: 'backup codes in the founder\u2019s 1Password', twoFactor: 'off' })
  })

  it('masks a registered secret pasted into a field', () => {
    const canary = 'sk_live_CANARY_inventory_1234567890'
    registerSecret(canary)
    try {
      const saved = repo.save(engagement.id, inventoryFieldsSchema.parse({ system: 'payments', name: 'Stripe', notes: `key is ${canary}` }))
      expect(saved.notes).not.toContain(canary)
      expect(JSON.stringify(ws.db.prepare('SELECT fields FROM inventory_entries').all())).not.toContain(canary)
    } finally {
      unregisterSecret(canary)
    }
  })
})
