import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLab, type Lab } from '../../../../electron/lab'
import { memoryCredentialSource } from '../../../../electron/core/vault/sources'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { startEventBridge } from '../../../../renderer/src/bridge/events'
import { createAppStore, type AppStore } from '../../../../renderer/src/store'
import { defaultExpiry } from '../../../../renderer/src/store/sprint'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import { tempDir } from '../../../helpers/tmp'
import { until } from '../../../helpers/until'

let lab: Lab
let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let store: AppStore
let stopBridge: () => void
let transport: ReturnType<typeof createHttpTransport>

beforeAll(async () => {
  ws = tempDir()
  lab = await startLab('demo')
  const credentials = memoryCredentialSource(Object.entries(lab.credentials).map(([provider, secret]) => ({ provider, secret })))
  server = await startServer({ workspaceDir: ws.dir, profile: lab.profile, credentials })
  transport = createHttpTransport({ baseUrl: server.origin, token: server.token })
  store = createAppStore(transport)
  stopBridge = startEventBridge(store, transport)
  await store.getState().init()
}, 60_000)
afterAll(async () => {
  stopBridge?.()
  await server?.close()
  await lab?.close()
  ws?.cleanup()
})

const s = () => store.getState()
const item = (id: string) => s().sprint.status!.items.find((x) => x.id === id)!

describe('sprint store against the demo sandbox', () => {
  it('opens an engagement without a sprint, then starts one', async () => {
    const e = await transport.call('createEngagement', {
      clientName: 'Acme Launch',
      founderName: 'Founder',
      founderEmail: 'founder@acme-launch.example',
      domain: 'acme-launch.example',
      hosts: ['www', 'app', 'api', 'staging', 'docs'].map((h) => ({ name: `${h}.acme-launch.example`, role: 'web' as const })),
    })
    await s().openSprint(e.id)
    expect(s().sprint).toMatchObject({ engagementId: e.id, phase: 'loaded', status: null })
    await s().startSprint()
    expect(s().sprint.status?.items.length).toBeGreaterThan(5)
    expect(s().sprint.checks.length).toBeGreaterThan(5)
  })

  it('runs everything with live progress from events, then loads results', async () => {
    await s().runSprint({})
    expect(s().run?.state).toBe('running')
    await until(() => s().run?.state === 'finished', 60_000)
    const run = s().run!
    expect(run.done).toBe(run.total)
    expect(run.lines.length).toBeGreaterThan(0)
    expect(run.lines.every((l) => l.state !== 'running')).toBe(true)
    // the refresh after run.finished brings the failing items in, with the run list of that
    // same load: never a finished run's results beside a list that still says running
    await until(() => s().sprint.phase === 'loaded' && s().sprint.results.length > 0, 20_000)
    expect(s().sprint.status!.items.some((x) => x.status === 'fail')).toBe(true)
    // one run: listed, nothing to compare it with yet
    expect(s().sprint.runs.map((r) => r.status)).toEqual(['finished'])
    expect(s().sprint.changes).toMatchObject({ previousRunAt: null, rows: [] })
  }, 90_000)

  it('reorders risks and saves a risk note and an owner', async () => {
    const [a, b] = s().sprint.status!.risks
    await s().moveRisk(b!.itemId, -1)
    expect(s().sprint.status!.risks.slice(0, 2).map((r) => r.itemId)).toEqual([b!.itemId, a!.itemId])
    expect(await s().updateItem(a!.itemId, { riskNote: 'after the DNS move', owner: 'Sam' })).toBe(true)
    expect(item(a!.itemId)).toMatchObject({ riskNote: 'after the DNS move', owner: 'Sam' })
  })

  it('waives with a reason and revokes; a bad waiver comes back as a message', async () => {
    const failing = s().sprint.status!.items.find((x) => x.status === 'fail')!
    expect(await s().waive({ itemId: failing.id, reason: 'no', acceptedBy: 'Founder', expiresAt: '2099-01-01' })).toMatchObject({ issues: [expect.objectContaining({ path: 'reason', message: expect.stringMatching(/why/) })] })
    expect(await s().waive({ itemId: failing.id, reason: 'Launch first, fix next week', acceptedBy: 'Founder', expiresAt: defaultExpiry() })).toBeNull()
    expect(item(failing.id).status).toBe('waived')
    await s().revokeWaiver(failing.id)
    expect(item(failing.id).status).not.toBe('waived')
  })

  it('records a manual verdict with an attachment and lists it with its hash', async () => {
    const manual = s().sprint.status!.items.find((x) => x.manual)!
    // neither a note nor a file: refused, with the reason for the sheet (not a toast)
    expect(await s().recordVerdict({ itemId: manual.id, verdict: 'pass' })).toMatchObject({ message: expect.stringMatching(/add a note or attach evidence/) })
    const refused = await s().recordVerdict({ itemId: manual.id, verdict: 'pass', note: 'checked by hand', attachments: [{ name: 'proof.txt', mime: 'text/plain', dataBase64: Buffer.from('proof').toString('base64') }] })
    expect(refused).toBeNull()
    expect(item(manual.id).status).toBe('pass')
    const list = s().sprint.attachments[manual.id]!
    expect(list.map((a) => [a.name, a.size])).toEqual([['proof.txt', 5]])
    expect(list[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('after a fix, re-running the failed items shows what changed', async () => {
    await lab.applyFix('add-hsts')
    await s().runSprint({ failed: true })
    await until(() => s().run?.state === 'finished', 60_000)
    await until(() => s().sprint.runs.length === 2 && s().sprint.changes?.runId === s().sprint.runs[0]!.id, 60_000)
    // compared with the full run before it, though the re-run covered only the failed items
    expect(s().sprint.changes!.previousRunAt).toBe(s().sprint.runs[1]!.startedAt)
    expect(s().sprint.changes!.rows.some((d) => d.after === 'pass' && d.before !== 'pass')).toBe(true)
  }, 90_000)

  it('cancels a run in flight; the board learns it from run.finished', async () => {
    await s().runSprint({})
    expect(s().run?.state).toBe('running')
    const cancelling = s().cancelRun()
    // marked at once, before the server answers
    expect(s().run?.cancelling).toBe(true)
    await cancelling
    await until(() => s().run?.state !== 'running', 60_000)
    expect(s().run).toMatchObject({ state: 'cancelled', cancelling: false })
  }, 90_000)
})
