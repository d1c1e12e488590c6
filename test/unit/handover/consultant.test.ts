import { X509Certificate } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../electron/core/workspace'
import { MIGRATIONS } from '../../../electron/core/workspace/migrations'
import { consultantIdentity, getConsultant, IDENTITY_NOT_SET, rekeyConsultant, setConsultant } from '../../../electron/core/handover/consultant'
import { founderIdentity } from '../../../electron/core/handover/founder'
import { makeKeys } from '../../../electron/core/handover/identity'
import { keyFingerprint } from '../../../electron/core/handover/fingerprint'
import { signAnchor } from '../../../electron/core/evidence/anchor'
import { verifyChain } from '../../../electron/core/evidence/coverage'
import { tempDir } from '../../helpers/tmp'
import { TEST_CONSULTANT } from '../../helpers/identity'
import { memoryStore } from './fixture'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe("the consultant's signing identity", () => {
  it('is made by setting the details: keys in the keychain only, the details on the certificate', async () => {
    const ws = openWorkspace(join(tmp.dir, 'a'))
    const secrets = memoryStore()
    try {
      expect(getConsultant(ws.db)).toBeNull()
      await expect(consultantIdentity(ws.db, secrets)).rejects.toThrow(IDENTITY_NOT_SET)
      const id = await setConsultant(ws.db, secrets, { name: 'Zoë Consultant', email: 'zoe@studio.example', organisation: 'Zoë & Co', website: 'https://zoe.example' })
      expect(id).toMatchObject({ role: 'consultant', name: 'Zoë Consultant', confirmed: true, keys: [{ event: 'created', fingerprint: id.fingerprint, previous: null }] })
      expect([...secrets.items.keys()].map((k) => k.split(':').at(-1)).sort()).toEqual(['ed25519', 'rsa'])
      const row = ws.db.prepare("SELECT * FROM signing_identities WHERE id = 'consultant'").get() as Record<string, string>
      expect(JSON.stringify(row)).not.toMatch(/PRIVATE KEY/)
      const cert = new X509Certificate(row.cert_pem)
      expect(cert.subject).toBe('CN=Zoë Consultant\nO=Zoë & Co\nemailAddress=zoe@studio.example')
      expect(cert.subjectAltName).toBe('email:zoe@studio.example, URI:https://zoe.example')
      const signer = await consultantIdentity(ws.db, secrets)
      expect(signer.info.fingerprint).toBe(id.fingerprint)
    } finally {
      ws.close()
    }
  })

  it('keeps its key when the details change, and re-issues the certificate for them with the same RSA key', async () => {
    const ws = openWorkspace(join(tmp.dir, 'b'))
    const secrets = memoryStore()
    try {
      const first = await setConsultant(ws.db, secrets, TEST_CONSULTANT)
      const oldCert = new X509Certificate((ws.db.prepare("SELECT cert_pem FROM signing_identities WHERE id = 'consultant'").get() as { cert_pem: string }).cert_pem)
      const second = await setConsultant(ws.db, secrets, { ...TEST_CONSULTANT, name: 'Ada Lovelace', organisation: 'Analytical Engines' })
      const newCert = new X509Certificate((ws.db.prepare("SELECT cert_pem FROM signing_identities WHERE id = 'consultant'").get() as { cert_pem: string }).cert_pem)
      expect(second.fingerprint).toBe(first.fingerprint)
      expect(second.keys).toHaveLength(1)
      expect(newCert.subject).toContain('CN=Ada Lovelace\nO=Analytical Engines')
      expect(newCert.publicKey.export({ type: 'spki', format: 'pem' })).toBe(oldCert.publicKey.export({ type: 'spki', format: 'pem' }))
      expect(second.certFingerprint).not.toBe(first.certFingerprint)
    } finally {
      ws.close()
    }
  })

  it('re-keys explicitly: new keys, the old ones out of the keychain, the history and every engagement the old key signed record it', async () => {
    const ws = openWorkspace(join(tmp.dir, 'c'))
    const secrets = memoryStore()
    try {
      const before = await setConsultant(ws.db, secrets, TEST_CONSULTANT)
      const signed = ws.engagements.create({ domain: 'signed.example', hosts: ['www'] } as never)
      const untouched = ws.engagements.create({ domain: 'untouched.example', hosts: ['www'] } as never)
      const id = await consultantIdentity(ws.db, secrets)
      signAnchor(ws.db, { engagementId: signed.id, domain: signed.domain, seq: 0, head: '0'.repeat(64), purpose: 'export', signer: { name: id.info.name, fingerprint: id.info.fingerprint, publicPem: id.edPublicPem, sign: id.sign } })
      const oldAccounts = [...secrets.items.keys()]
      const after = await rekeyConsultant(ws.db, secrets, 'laptop lost')
      expect(after.fingerprint).not.toBe(before.fingerprint)
      expect(after.engagements).toBe(1)
      expect(after.keys.map((k) => k.event)).toEqual(['created', 'rekeyed'])
      expect(after.keys[1]).toMatchObject({ previous: before.fingerprint, fingerprint: after.fingerprint, reason: 'laptop lost' })
      for (const a of oldAccounts) expect(secrets.items.has(a), a).toBe(false)
      const kinds = (eid: string) => ws.db.prepare('SELECT kind FROM evidence WHERE engagement_id = ?').pluck().all(eid)
      expect(kinds(signed.id)).toEqual(['identity.rekeyed'])
      expect(kinds(untouched.id)).toEqual([])
      expect(verifyChain(ws.db, ws.evidence, signed.id)).toMatchObject({ ok: true })
      expect((await consultantIdentity(ws.db, secrets)).info.fingerprint).toBe(after.fingerprint)
      // the history is append-only
      expect(() => ws.db.exec('DELETE FROM signing_key_history')).toThrow(/append-only/)
    } finally {
      ws.close()
    }
  })

  it('an identity made before details existed (named after the OS user) signs nothing until a person sets its details; its key stays', async () => {
    const dir = join(tmp.dir, 'legacy')
    const secrets = memoryStore()
    const old = openWorkspace(dir, { migrations: MIGRATIONS.filter((m) => m.id !== '057-signing-identity-details') })
    const keys = await makeKeys(secrets, 'consultant', { name: 'root', email: '', organisation: '', website: '' })
    old.db
      .prepare("INSERT INTO signing_identities (id, role, name, email, ed25519_pub, cert_pem, key_ref, created_at) VALUES ('consultant', 'consultant', 'root', '', ?, ?, ?, '2025-01-01T00:00:00.000Z')")
      .run(keys.edPublicPem, keys.certPem, keys.keyRef)
    old.close()
    const ws = openWorkspace(dir)
    try {
      const legacy = getConsultant(ws.db)!
      expect(legacy).toMatchObject({ name: 'root', confirmed: false, keys: [{ event: 'created', fingerprint: keyFingerprint(keys.edPublicPem), at: '2025-01-01T00:00:00.000Z' }] })
      await expect(consultantIdentity(ws.db, secrets)).rejects.toThrow(IDENTITY_NOT_SET)
      const set = await setConsultant(ws.db, secrets, TEST_CONSULTANT)
      expect(set).toMatchObject({ name: 'Ada Consultant', confirmed: true, fingerprint: legacy.fingerprint })
    } finally {
      ws.close()
    }
  })

  it("keeps one key per founder and engagement on the founder's machine", async () => {
    const ws = openWorkspace(join(tmp.dir, 'founders'))
    const secrets = memoryStore()
    try {
      const ada = await founderIdentity(ws.db, secrets, { domain: 'acme.example', name: 'Ada Founder', email: 'ada@acme.example' })
      const again = await founderIdentity(ws.db, secrets, { domain: 'acme.example', name: 'Ada F.', email: 'ADA@acme.example' })
      const bob = await founderIdentity(ws.db, secrets, { domain: 'acme.example', name: 'Bob Other-Founder', email: 'bob@acme.example' })
      const elsewhere = await founderIdentity(ws.db, secrets, { domain: 'other.example', name: 'Ada Founder', email: 'ada@acme.example' })
      expect(again.info.fingerprint).toBe(ada.info.fingerprint)
      expect(again.info.name).toBe('Ada F.')
      expect(new Set([ada.info.fingerprint, bob.info.fingerprint, elsewhere.info.fingerprint]).size).toBe(3)
    } finally {
      ws.close()
    }
  })
})
