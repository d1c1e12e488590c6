import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import type { Credential } from '@shared/contract/credentials'
import type { Engagement } from '@shared/schemas/engagement'
import { createCore, dispatch } from '../../../electron/core/api'
import { credentialService } from '../../../electron/core/api/credentials'
import { openWorkspace } from '../../../electron/core/workspace'
import { DB_FILE } from '../../../electron/core/workspace/paths'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { keychainCredentialSource, memoryCredentialSource } from '../../../electron/core/vault/sources'
import { registerVerifier } from '../../../electron/core/vault/verifiers'
import { makeOut } from '../../../electron/cli/context'
import { tempDir } from '../../helpers/tmp'

// A hostile provider: its verify endpoint echoes the token back (identity and error messages).
registerVerifier('other', async (secret) => {
  if (secret.endsWith('-reject')) throw new AppError('unavailable', `401: token ${secret} is invalid`)
  return { identity: `user-for-${secret}`, scopes: [`scope:${secret}`] }
})

const tmp = tempDir('handover-canary-')
afterAll(() => tmp.cleanup())

function capture() {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let text = ''
  stdout.on('data', (d) => (text += d))
  stderr.on('data', (d) => (text += d))
  return { out: makeOut(stdout, stderr), text: () => text }
}

function occurrences(haystack: Buffer | string, needle: string): number {
  const forms = [needle, Buffer.from(needle).toString('base64')]
  const h = Buffer.isBuffer(haystack) ? haystack : Buffer.from(haystack)
  return forms.reduce((n, f) => n + (h.includes(Buffer.from(f)) ? 1 : 0), 0)
}

describe('canary: a planted secret never reaches the database, evidence or output', () => {
  it('masks the canary everywhere after a flow that reads, verifies, records and prints it', async () => {
    const canary = `canary-${randomBytes(12).toString('hex')}`
    const dir = join(tmp.dir, 'ws')
    const core = createCore(openWorkspace(dir), 'browser')
    const store = createKeychainStore('Handover Console Test')
    const svc = credentialService(core, store)
    const keychain = (await store.available()).ok
    const eng = (await dispatch(core, 'createEngagement', { domain: 'canary.test' })) as { ok: true; value: Engagement }

    // 1. Plant it: in the real keychain when one answers, else as a lab token in memory.
    let source
    let credId = ''
    if (keychain) {
      const r = await dispatch(core, 'addCredential', { provider: 'other', label: 'canary token', secret: canary, engagementId: eng.value.id })
      expect(r.ok).toBe(true)
      credId = (r as { ok: true; value: Credential }).value.id
      source = keychainCredentialSource(svc, eng.value.id)
      // A failed rotation whose error echoes the new token.
      const rot = await dispatch(core, 'rotateCredential', { id: credId, secret: `${canary}-reject` })
      expect(rot.ok).toBe(false)
    } else {
      const r = await dispatch(core, 'addCredential', { provider: 'other', label: 'canary token', secret: canary })
      expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } })
      source = memoryCredentialSource([{ provider: 'other', secret: canary }])
    }

    // 2. A run reads it and a provider response echoing it is recorded as evidence.
    const cred = await source.get('other')
    expect(cred?.secret).toBe(canary)
    core.workspace.evidence.append(eng.value.id, [
      {
        kind: 'provider.response',
        label: `verify ${cred!.secret}`,
        checkId: 'cf.token',
        data: { echoed: cred!.secret, headers: { authorization: `Bearer ${cred!.secret}` }, nested: [{ msg: `token=${cred!.secret};` }] },
      },
    ])

    // 3. It is printed through the CLI's output helpers (every command prints through them).
    const cap = capture()
    cap.out.json({ token: cred!.secret, list: [cred!.secret] })
    cap.out.line(`using ${cred!.secret}`)
    cap.out.info(`debug: ${JSON.stringify(cred)}`)
    const listed = await dispatch(core, 'listCredentials', {})

    // Evidence still verifies (redaction happens before hashing).
    expect(core.workspace.evidence.verify(eng.value.id)).toMatchObject({ ok: true, count: 1 })
    const files = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`].map((f) => join(core.workspace.dir, f))
    const dbBefore = files.filter(existsSync).map((f) => readFileSync(f))
    if (keychain) await dispatch(core, 'removeCredential', { id: credId })
    core.workspace.close()
    const dbAfter = files.filter(existsSync).map((f) => readFileSync(f))

    expect(dbBefore.length).toBe(3)
    for (const b of [...dbBefore, ...dbAfter]) expect(occurrences(b, canary)).toBe(0)
    expect(occurrences(cap.text(), canary)).toBe(0)
    expect(occurrences(JSON.stringify(listed), canary)).toBe(0)
    // The output did say something: the masked form.
    expect(cap.text()).toContain('cana…[redacted]')
  })
})
