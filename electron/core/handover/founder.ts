import type { Db } from '../workspace/db'
import type { SecretStore } from '../vault/keychain'
import { identityRow, insertIdentity, makeKeys, requireKeychain, unlockIdentity, type Identity } from './identity'

/**
 * A founder's signing key on this machine, one per founder (email) and engagement (domain),
 * made on first use: the private part in this machine's keychain, the public row in the
 * workspace. The name may change between acceptances (each statement carries its own); the
 * key stays the founder's.
 */
export async function founderIdentity(db: Db, secrets: SecretStore, o: { domain: string; name: string; email: string }): Promise<Identity> {
  await requireKeychain(secrets)
  const id = `founder:${o.domain}:${o.email.toLowerCase()}`
  let row = identityRow(db, id)
  if (!row) {
    const keys = await makeKeys(secrets, id, null)
    row = { id, role: 'founder', name: o.name, email: o.email, organisation: '', website: '', ed25519_pub: keys.edPublicPem, cert_pem: null, key_ref: keys.keyRef, created_at: new Date().toISOString(), confirmed: 1 }
    insertIdentity(db, row)
  } else if (row.name !== o.name) {
    db.prepare('UPDATE signing_identities SET name = ? WHERE id = ?').run(o.name, id)
    row = { ...row, name: o.name }
  }
  return unlockIdentity(secrets, row)
}
