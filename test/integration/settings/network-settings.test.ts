import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NetworkTestReport, SettingsInfo } from '@shared/contract/settings'
import { createCore, dispatch, type Core } from '../../../electron/core/api'
import { runDone } from '../../../electron/core/api/checks'
import { openWorkspace } from '../../../electron/core/workspace'
import { startLab, type Lab } from '../../../electron/lab'
import { tempDir } from '../../helpers/tmp'
import { callCore } from '../../helpers/call'

const tmp = tempDir('handover-settings-')
let lab: Lab
let core: Core
/** A loopback port nothing listens on: bound, then closed. */
let deadPort: number

beforeAll(async () => {
  lab = await startLab('healthy')
  core = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile)
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  deadPort = (srv.address() as { port: number }).port
  await new Promise((r) => srv.close(r))
})
afterAll(async () => {
  core.workspace.close()
  await lab.close()
  tmp.cleanup()
})

const call = <T>(method: string, input?: unknown, c = core) => callCore<T>(c, method, input)

const settings = (over: Record<string, unknown> = {}) => ({
  resolvers: [],
  doh: '',
  connectTo: [],
  perHostConcurrency: 4,
  timeouts: { dnsMs: 2500, connectMs: 5000, requestMs: 10_000, checkMs: 30_000 },
  ...over,
})

describe('network settings (saved in the workspace, used by every check run)', () => {
  it('start as the defaults over the sandbox, and the preflight test reaches the sandbox', async () => {
    const info = await call<SettingsInfo>('getSettings')
    expect(info).toMatchObject({ base: 'sandbox', customised: false, updatedAt: null })
    expect(info.network).toEqual(info.defaults)
    expect(info.effective.connectTo.length).toBeGreaterThan(0)
    const t = await call<NetworkTestReport>('testNetwork', { name: 'www.tidy.example' })
    expect(t.dns.ok).toBe(true)
    expect(t.dns.addresses.length).toBeGreaterThan(0)
    expect(t.dns.via).toMatch(/^127\.0\.0\.1:\d+/)
    expect(t.rule).toMatch(/^www\.tidy\.example:443:127\.0\.0\.1:\d+$/)
    expect(t.connect).toMatchObject({ ok: true, host: '127.0.0.1' })
  })

  it('a saved connect-to rule goes first: the preflight and a real check both connect where it says', async () => {
    const rule = `www.tidy.example:443:127.0.0.1:${deadPort}`
    const saved = await call<SettingsInfo>('saveNetworkSettings', settings({ connectTo: [rule], perHostConcurrency: 2 }))
    expect(saved.customised).toBe(true)
    expect(saved.effective.connectTo[0]).toBe(rule)
    expect(saved.effective.perHostConcurrency).toBe(2)

    const t = await call<NetworkTestReport>('testNetwork', { name: 'www.tidy.example', port: 443 })
    expect(t.rule).toBe(rule)
    expect(t.connect).toMatchObject({ ok: false, host: '127.0.0.1', port: deadPort })
    expect(t.connect.error).toMatch(/ECONNREFUSED/)

    const e = await call<{ id: string }>('createEngagement', { domain: 'tidy.example', hosts: ['www'] })
    const { runId } = await call<{ runId: string }>('runAudit', { engagementId: e.id, checkIds: ['tls.cert'] })
    await runDone(runId)
    const results = await call<{ target: string; status: string; summary: string }[]>('listResults', { engagementId: e.id, runId })
    const www = results.find((r) => r.target === 'www.tidy.example')
    expect(www?.status).not.toBe('pass')
    expect(www?.summary).toMatch(/refused|ECONNREFUSED|connect/i)
  })

  it('survive a restart (a new core on the same workspace file), and reset brings the sandbox routing back', async () => {
    const again = createCore(openWorkspace(tmp.dir), 'browser', undefined, lab.profile)
    try {
      const info = await call<SettingsInfo>('getSettings', undefined, again)
      expect(info.network.connectTo).toEqual([`www.tidy.example:443:127.0.0.1:${deadPort}`])
      expect(info.updatedAt).not.toBeNull()
      const reset = await call<SettingsInfo>('resetNetworkSettings', undefined, again)
      expect(reset).toMatchObject({ customised: false, updatedAt: null })
      const t = await call<NetworkTestReport>('testNetwork', { name: 'www.tidy.example' }, again)
      expect(t.connect.ok).toBe(true)
    } finally {
      again.workspace.close()
    }
    expect((await call<SettingsInfo>('getSettings')).customised).toBe(false)
  })

  it('refuse bad input with the field and line it concerns, and keep what was saved', async () => {
    await call('saveNetworkSettings', settings({ perHostConcurrency: 3 }))
    const bad = [
      [settings({ resolvers: ['127.0.0.1', 'dns.example'] }), 'resolvers.1', /not an IP address/],
      [settings({ doh: 'http://dns.example/dns-query' }), 'doh', /https:\/\//],
      [settings({ resolvers: ['127.0.0.1'], doh: 'https://dns.example/dns-query' }), 'doh', /not both/],
      [settings({ connectTo: ['www.tidy.example:443'] }), 'connectTo.0', /HOST1:PORT1:HOST2:PORT2/],
      [settings({ connectTo: ['www.tidy.example:443::'] }), 'connectTo.0', /goes nowhere/],
      [settings({ perHostConcurrency: 0 }), 'perHostConcurrency', /at least 1/],
      [settings({ timeouts: { dnsMs: 10, connectMs: 5000, requestMs: 10_000, checkMs: 30_000 } }), 'timeouts.dnsMs', /at least 200 ms/],
      [settings({ timeouts: { dnsMs: 2500, connectMs: 5000, requestMs: 60_000, checkMs: 30_000 } }), 'timeouts.checkMs', /at least as long/],
    ] as const
    for (const [input, path, message] of bad) {
      const r = await dispatch(core, 'saveNetworkSettings', input)
      expect(r.ok, path).toBe(false)
      if (r.ok) continue
      expect(r.error.code).toBe('invalid_input')
      expect(r.error.issues?.find((i) => i.path === path)?.message, path).toMatch(message)
    }
    expect((await call<SettingsInfo>('getSettings')).network.perHostConcurrency).toBe(3)
    const name = await dispatch(core, 'testNetwork', { name: 'not a host!' })
    expect(name.ok).toBe(false)
  })

  it('a stored document that no longer validates reads as the defaults instead of breaking runs', async () => {
    core.workspace.db.prepare("UPDATE settings SET value = ? WHERE key = 'network'").run('{"resolvers": "oops"')
    const info = await call<SettingsInfo>('getSettings')
    expect(info.customised).toBe(false)
    expect((await call<NetworkTestReport>('testNetwork', { name: 'www.tidy.example' })).connect.ok).toBe(true)
  })
})
