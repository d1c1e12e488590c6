import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { createKeychainStore, type SecretStore } from '../../../electron/core/vault/keychain'
import { CredentialService, KEYCHAIN_DOCS } from '../../../electron/core/vault/service'
import { keychainCredentialSource } from '../../../electron/core/vault/sources'
import { registerVerifier } from '../../../electron/core/vault/verifiers'
import { redact } from '../../../electron/core/vault/redact'
import { tempDir } from '../../helpers/tmp'

// A separate service name keeps test entries away from a developer's real credentials.
const store = createKeychainStore('Handover Console Test')
const tmp = tempDir()
let ws: Workspace
let svc: CredentialService
let available = false

// 'other' has no real verifier; the test one accepts "good-…" secrets and echoes them back in errors.
registerVerifier('other', async (secret) => {
  if (!secret.startsWith('good-')) throw new AppError('unavailable', `provider rejected token ${secret}`)
  return { identity: 'ops@client.test', scopes: ['zone:read', 'dns:read'] }
})

beforeAll(async () => {
  ws = openWorkspace(tmp.dir)
  svc = new CredentialService(ws.db, store)
  available = (await store.available()).ok
})
afterAll(async () => {
  for (const c of svc.list()) await svc.remove(c.id)
  ws.close()
  tmp.cleanup()
})

describe('CredentialService with the real OS keychain', () => {
  it('gives the same answer on every probe (no silent fallback to an in-memory keyring)', async () => {
    const answers = [await store.available(), await store.available(), await store.available()].map((a) => a.ok)
    expect(answers).toEqual([available, available, available])
  })

  it('reports the keychain status either way', async () => {
    const st = await svc.status()
    expect(st.available).toBe(available)
    if (!st.available) expect(st.docs).toBe(KEYCHAIN_DOCS)
  })

  it('stores, verifies, reads, rotates and removes — or refuses to store without a backend', async () => {
    const secret = 'good-' + 'a1B2c3D4e5F6g7H8'
    if (!available) {
      await expect(svc.add({ provider: 'other', label: 'x', secret })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining(KEYCHAIN_DOCS) })
      expect(svc.list()).toEqual([])
      return
    }
    const c = await svc.add({ provider: 'other', label: 'Client ops token', secret, owner: 'founder' })
    expect(c).toMatchObject({ provider: 'other', label: 'Client ops token', owner: 'founder', identity: 'ops@client.test', scopes: ['zone:read', 'dns:read'] })
    expect(c.verifiedAt).not.toBeNull()
    expect(JSON.stringify(c)).not.toContain(secret)
    expect(await store.get(c.id)).toBe(secret)
    // Nothing secret in the database row.
    const row = ws.db.prepare('SELECT * FROM credentials WHERE id = ?').get(c.id)
    expect(JSON.stringify(row)).not.toContain(secret)

    // A rotation whose new secret fails verification keeps the old one.
    const bad = 'bad-' + 'Z9y8X7w6V5u4T3s2'
    await expect(svc.rotate(c.id, bad)).rejects.toMatchObject({ code: 'unavailable' })
    expect(await store.get(c.id)).toBe(secret)
    const next = 'good-' + 'Q1w2E3r4T5y6U7i8'
    await svc.rotate(c.id.slice(0, 8), next)
    expect(await store.get(c.id)).toBe(next)

    // Read for a run through the credential source; values read are registered for redaction.
    const src = keychainCredentialSource(svc, null)
    expect((await src.get('other'))?.secret).toBe(next)
    expect(redact(`x ${next} y`)).not.toContain(next)

    await svc.remove(c.id)
    expect(await store.get(c.id)).toBeNull()
    expect(svc.list()).toEqual([])
  })

  it('records a failed verification without the secret in the reason', async () => {
    if (!available) return
    const secret = 'bad-' + 'M1n2B3v4C5x6Z7l8'
    const c = await svc.add({ provider: 'other', label: 'wrong token', secret })
    expect(c.verifiedAt).toBeNull()
    expect(c.verifyError).toMatch(/provider rejected token/)
    expect(c.verifyError).not.toContain(secret)
    await expect(svc.verify(c.id)).rejects.toBeInstanceOf(AppError)
    await svc.remove(c.id)
  })

  it('rejects an unknown engagement and an unknown id', async () => {
    if (available) await expect(svc.add({ provider: 'other', label: 'x', secret: 'good-123456789', engagementId: 'nope' })).rejects.toMatchObject({ code: 'not_found' })
    await expect(svc.verify('does-not-exist')).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('CredentialService without a secure backend', () => {
  const locked: SecretStore = {
    available: async () => ({ ok: false, reason: 'Secret Service: unlock prompt was dismissed' }),
    get: async () => null,
    set: async () => {
      throw new Error('must not be called')
    },
    delete: async () => false,
  }
  it('refuses to store, names the docs page, and writes nothing anywhere', async () => {
    const s = new CredentialService(ws.db, locked)
    const before = s.list().length
    const err = await s.add({ provider: 'cloudflare', label: 'cf', secret: 'cf-token-' + '0123456789abcdef' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('unavailable')
    expect((err as AppError).message).toContain('docs/keychain.md')
    expect((err as AppError).message).toContain('never keeps secrets in a file')
    expect(s.list().length).toBe(before)
  })
})
