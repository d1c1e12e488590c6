import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import type { Engagement } from '@shared/schemas/engagement'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { credentialService } from '../../../electron/core/api/credentials'
import { runAudit } from '../../../electron/core/checks/runner'
import type { CredentialSource } from '../../../electron/core/checks/types'
import { openWorkspace } from '../../../electron/core/workspace'
import { DB_FILE } from '../../../electron/core/workspace/paths'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { keychainCredentialSource, memoryCredentialSource } from '../../../electron/core/vault/sources'
import { makeOut } from '../../../electron/cli/context'
import { startLab, type Lab } from '../../../electron/lab'
import { tempDir } from '../../helpers/tmp'

const tmp = tempDir('handover-canary-audit-')
let lab: Lab | undefined
let core: Core | undefined
afterAll(async () => {
  core?.workspace.close()
  await lab?.close()
  tmp.cleanup()
})

describe('canary across a full audit', () => {
  it('the sandbox tokens (read from the keychain when one answers) appear nowhere in the workspace or output', async () => {
    lab = await startLab('demo')
    core = createCore(openWorkspace(tmp.dir), 'browser')
    const eng = (await dispatch(core, 'createEngagement', { domain: lab.scenario.domains[0], hosts: lab.scenario.hosts.map((h) => h.name) })) as { ok: true; value: Engagement }
    const tokens = Object.entries(lab.credentials)
    // A scenario without provider APIs still gets a (rejected) Cloudflare canary token to use.
    if (!tokens.length) tokens.push(['cloudflare', `canary-${randomBytes(16).toString('hex')}`])

    // Plant the canaries: the lab's tokens, stored in the real keychain when one answers.
    const store = createKeychainStore('Handover Console Test')
    const svc = credentialService(core, store)
    let credentials: CredentialSource
    if ((await store.available()).ok) {
      for (const [provider, secret] of tokens) {
        const r = await dispatch(core, 'addCredential', { provider, label: `${provider} canary`, secret, engagementId: eng.value.id, verify: false })
        expect(r.ok).toBe(true)
      }
      credentials = keychainCredentialSource(svc, eng.value.id)
    } else {
      credentials = memoryCredentialSource(tokens.map(([provider, secret]) => ({ provider, secret })))
    }

    const result = await runAudit({
      workspace: core.workspace,
      events: core.events,
      engagement: eng.value,
      profile: lab.profile,
      services: { credentials, repos: lab.endpoints.repos },
    })
    // Provider checks really ran with the tokens (not skipped for want of a credential).
    expect(result.checks.find((c) => c.id === 'cf.token')?.status).not.toBe('skip')

    let printed = ''
    const sink = new PassThrough().on('data', (d) => (printed += d))
    const out = makeOut(sink, sink)
    out.json(result)
    for (const [p, s] of tokens) out.info(`debug ${p}: ${s}`)
    const evidence = result.checks.map((c) => (c.evidenceId ? core!.workspace.evidence.get(c.evidenceId) : undefined))

    for (const c of (await dispatch(core, 'listCredentials', {}).then((r) => (r.ok ? (r.value as { id: string }[]) : [])))) await svc.remove(c.id)
    const files = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`].map((f) => join(tmp.dir, f)).filter(existsSync)
    const bytes = files.map((f) => readFileSync(f))
    expect(bytes.length).toBeGreaterThan(1)
    for (const [provider, secret] of tokens) {
      for (const b of bytes) expect(b.includes(Buffer.from(secret)), `${provider} token in ${DB_FILE}`).toBe(false)
      expect(printed.includes(secret), `${provider} token printed`).toBe(false)
      expect(JSON.stringify(evidence).includes(secret)).toBe(false)
    }
  })
})
