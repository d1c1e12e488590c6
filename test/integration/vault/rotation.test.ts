import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Credential, CredentialRotation } from '@shared/contract/credentials'
import { createCore, type Core } from '../../../electron/core/api'
import { runDone } from '../../../electron/core/api/checks'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { openWorkspace } from '../../../electron/core/workspace'
import { DEFAULT_PROFILE } from '../../../electron/core/net/profile'
import { makeOut } from '../../../electron/cli/context'
import { run } from '../../../electron/cli/index'
import { useSecretInput } from '../../../electron/cli/commands/credential'
import { providersSchema, startProviders, type ProviderServer } from '../../../electron/lab/providers'
import { startLab, type Lab } from '../../../electron/lab'
import { callCore } from '../../helpers/call'
import { tempDir } from '../../helpers/tmp'

/**
 * Rotation as a lifecycle against the real keychain and the sandbox registrar: dates and marks
 * in `credential list`, who/when/why recorded and chained, an offline rotation stored as pending
 * and verified at the next online run, and the old secret found dead.
 */
const DOMAIN = 'shop.example'
const tmp = tempDir('handover-rotation-')
let keychain = false
let lab: ProviderServer
let dns: Lab | undefined
let core: Core
let engagementId = ''

beforeAll(async () => {
  keychain = (await createKeychainStore().available()).ok
  lab = await startProviders(providersSchema.parse({ rdap: { domains: [{ registrar: { name: 'Porkbun LLC', ianaId: '1861' } }] }, porkbun: { domains: [{ name: DOMAIN }] } }), { domains: [DOMAIN] })
  // DNS from a sandbox internet (checks confirm the network is sane before judging, and never ask the machine's resolver)
  dns = await startLab('healthy')
  const profile = { ...dns.profile, providers: lab.urls, timeouts: { ...DEFAULT_PROFILE.timeouts, requestMs: 3000 } }
  core = createCore(openWorkspace(`${tmp.dir}/ws`), 'browser', undefined, profile)
  engagementId = (await callCore<{ id: string }>(core, 'createEngagement', { domain: DOMAIN, founderEmail: 'ada@shop.example' })).id
})
afterAll(async () => {
  useSecretInput(undefined)
  if (keychain) for (const c of await callCore<Credential[]>(core, 'listCredentials', {})) await callCore(core, 'removeCredential', { id: c.id })
  core?.workspace.close()
  await lab?.close()
  await dns?.close()
  tmp.cleanup()
})

function piped(text: string): NodeJS.ReadStream {
  const s = new PassThrough() as unknown as NodeJS.ReadStream
  ;(s as unknown as PassThrough).end(text)
  return s
}
async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(['node', 'handover', '--workspace', `${tmp.dir}/cli`, ...args], makeOut(new PassThrough().on('data', (d) => (stdout += d)), new PassThrough().on('data', (d) => (stderr += d))))
  return { code, stdout, stderr }
}
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

describe('credential rotation lifecycle', () => {
  it('credential list prints each rotation date with OVERDUE and DUE SOON marks; defaults and edits move the date', async () => {
    if (!keychain) return
    for (const [label, due] of [['Late', day(-3)], ['Soon', day(5)], ['Later', day(60)]] as const) {
      useSecretInput(piped(`secret-${label}-0123456789abcdef\n`))
      expect((await cli(['credential', 'add', 'other', '--label', label, '--rotation-due', due, '--no-verify', '--json'])).code).toBe(0)
    }
    useSecretInput(piped('secret-default-0123456789abcdef\n'))
    const dflt = JSON.parse((await cli(['credential', 'add', 'stripe', '--label', 'Stripe', '--no-verify', '--json'])).stdout) as Credential
    expect(dflt).toMatchObject({ rotationDays: 90, rotationDue: day(90) })
    const list = (await cli(['credential', 'list'])).stdout
    expect(list).toMatch(new RegExp(`Late[\\s\\S]*?OVERDUE: overdue since ${day(-3)}`))
    expect(list).toMatch(new RegExp(`Soon[\\s\\S]*?DUE SOON: due ${day(5)}, in [45] days`))
    expect(list).toMatch(new RegExp(`Later[\\s\\S]*?rotation every 90 days: due ${day(60)}`))
    expect(list).not.toMatch(/Later[^\n]*\n[^\n]*(OVERDUE|DUE SOON)/)
    expect(list).not.toContain('secret-')
    // The period moves the next date; a date can be set or cleared.
    const edited = JSON.parse((await cli(['credential', 'edit', dflt.id.slice(0, 8), '--rotation-days', '30', '--json'])).stdout) as Credential
    expect(edited).toMatchObject({ rotationDays: 30, rotationDue: day(30) })
    expect(JSON.parse((await cli(['credential', 'edit', dflt.id, '--rotation-due', day(10), '--json'])).stdout)).toMatchObject({ rotationDue: day(10) })
    expect((await cli(['credential', 'list'])).stdout).toMatch(/Stripe[\s\S]*?rotation every 30 days: DUE SOON/)
    expect((await cli(['credential', 'edit', dflt.id, '--rotation-days', 'soon'])).code).toBe(2)
  })

  it('an offline rotation is stored as pending and verified at the next online run; the old key is then found dead', async () => {
    if (!keychain) return
    const old = lab.credentials['registrar-porkbun']
    const c = await callCore<Credential>(core, 'addCredential', { provider: 'registrar-porkbun', label: 'Porkbun', secret: old, engagementId, owner: 'founder' })
    expect(c.verifiedAt).toBeTruthy()
    const fresh = lab.issueCredential('registrar-porkbun')
    const pending = await callCore<Credential>(core, 'rotateCredential', { id: c.id, secret: fresh, by: 'Casey Consultant', reason: 'scheduled rotation', offline: true })
    expect(pending.pendingRotation).toBeTruthy()
    expect(pending.rotatedAt).toBeNull()
    const [r0] = await callCore<CredentialRotation[]>(core, 'listCredentialRotations', { id: c.id })
    expect(r0).toMatchObject({ status: 'pending', by: 'Casey Consultant', reason: 'scheduled rotation', verifiedAt: null })
    // The old key dies at Porkbun: only the pending one can make the next run work.
    lab.revokeCredential('registrar-porkbun', old)
    const { runId } = await callCore<{ runId: string }>(core, 'runAudit', { engagementId, checkIds: ['reg.account'] })
    const result = await runDone(runId)
    expect(result!.checks[0].status).not.toBe('error')
    const after = (await callCore<Credential[]>(core, 'listCredentials', {})).find((x) => x.id === c.id)!
    expect(after).toMatchObject({ pendingRotation: null, previousKept: true, rotationDue: day(180) })
    expect(after.rotatedAt).toBeTruthy()
    const [r1] = await callCore<CredentialRotation[]>(core, 'listCredentialRotations', { engagementId })
    expect(r1).toMatchObject({ id: r0.id, status: 'verified', oldRevokedAt: null })
    // Rotations of an engagement's credential are chained: evidence verify compares the table with them.
    expect(await callCore(core, 'verifyEvidence', { id: engagementId })).toMatchObject({ ok: true })
    core.workspace.db.prepare("UPDATE credential_rotations SET rotated_by = 'Mallory' WHERE id = ?").run(r0.id)
    expect((await callCore<{ reason: string }>(core, 'verifyEvidence', { id: engagementId })).reason).toMatch(/by is "Mallory" in the table but "Casey Consultant"/)
    core.workspace.db.prepare("UPDATE credential_rotations SET rotated_by = 'Casey Consultant' WHERE id = ?").run(r0.id)
  })

  it('a pending secret the provider rejects is recorded as failed at the next run, and the old one stays', async () => {
    if (!keychain) return
    const c = (await callCore<Credential[]>(core, 'listCredentials', {})).find((x) => x.provider === 'registrar-porkbun')!
    await callCore(core, 'rotateCredential', { id: c.id, secret: 'pk1_typo:sk1_typo', by: 'Casey', offline: true })
    await callCore(core, 'verifyCredential', { id: c.id })
    const after = (await callCore<Credential[]>(core, 'listCredentials', {})).find((x) => x.id === c.id)!
    expect(after.pendingRotation).toBeNull()
    const [last] = await callCore<CredentialRotation[]>(core, 'listCredentialRotations', { id: c.id })
    expect(last).toMatchObject({ status: 'failed', verifyError: expect.stringMatching(/Invalid API key/) })
  })

  it('an unreachable provider turns a rotation into a pending one instead of refusing it', async () => {
    if (!keychain) return
    // A workspace of its own: the credential service is one per workspace, with its profile.
    const down = createCore(openWorkspace(`${tmp.dir}/down`), 'browser', undefined, { ...DEFAULT_PROFILE, providers: { porkbun: 'http://127.0.0.1:9/api/json/v3' }, timeouts: { ...DEFAULT_PROFILE.timeouts, requestMs: 1000, connectMs: 500 } })
    const c = await callCore<Credential>(down, 'addCredential', { provider: 'registrar-porkbun', label: 'Porkbun 2', secret: lab.issueCredential('registrar-porkbun'), verify: false })
    const r = await callCore<Credential>(down, 'rotateCredential', { id: c.id, secret: lab.issueCredential('registrar-porkbun'), by: 'Casey' })
    expect(r.pendingRotation).toBeTruthy()
    await callCore(down, 'removeCredential', { id: c.id })
    down.workspace.close()
  })

  it('the rotation runbook checks live that the new credential works and, last, that the old one is dead', async () => {
    if (!keychain) return
    type View = { run: { finishedAt: string | null; currentStep: string | null }; step: { id: string } | null; outcome?: { passed: boolean; waiting: boolean; message: string } }
    const c = await callCore<Credential>(core, 'addCredential', { provider: 'registrar-porkbun', label: 'Porkbun (runbook)', secret: lab.issueCredential('registrar-porkbun'), engagementId })
    const old = (await createKeychainStore().get(c.id))!
    let v = await callCore<View>(core, 'startRunbook', { engagementId, runbookId: 'rotate-registrar-porkbun', by: 'Casey' })
    v = await callCore<View>(core, 'runbookDone', { runId: (v as unknown as { run: { id: string } }).run.id, stepId: 'create', note: 'made a new key pair' })
    const runId = (v as unknown as { run: { id: string } }).run.id
    await callCore(core, 'rotateCredential', { id: c.id, secret: lab.issueCredential('registrar-porkbun'), by: 'Casey', reason: 'runbook' })
    await callCore<View>(core, 'runbookDone', { runId, stepId: 'store' })
    v = await callCore<View>(core, 'runbookVerify', { runId, stepId: 'works' })
    expect(v.outcome).toMatchObject({ passed: true, message: expect.stringMatching(/new Porkbun \(runbook\) credential works/) })
    await callCore<View>(core, 'runbookDone', { runId, stepId: 'revoke' })
    // Not revoked yet: the last step says so and the run stays on it.
    v = await callCore<View>(core, 'runbookVerify', { runId, stepId: 'dead' })
    expect(v.outcome).toMatchObject({ passed: false, message: expect.stringMatching(/old Porkbun \(runbook\) credential still works/) })
    expect(v.run.finishedAt).toBeNull()
    lab.revokeCredential('registrar-porkbun', old)
    v = await callCore<View>(core, 'runbookVerify', { runId, stepId: 'dead' })
    expect(v.outcome).toMatchObject({ passed: true, message: expect.stringMatching(/is dead.*Invalid API key/) })
    expect(v.run.finishedAt).toBeTruthy()
    // The old secret left the keychain; the rotation records when it was found dead, in the chain too.
    expect(await createKeychainStore().get(`${c.id}#previous`)).toBeNull()
    const [r] = await callCore<CredentialRotation[]>(core, 'listCredentialRotations', { id: c.id })
    expect(r.oldRevokedAt).toBeTruthy()
    expect(await callCore(core, 'verifyEvidence', { id: engagementId })).toMatchObject({ ok: true })
  })
})
