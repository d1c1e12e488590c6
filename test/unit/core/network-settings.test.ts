import { afterEach, describe, expect, it } from 'vitest'
import type { NetworkSettings } from '@shared/contract/settings'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../../electron/core/net/profile'
import { applyNetworkSettings, defaultSettings } from '../../../electron/core/settings/profile'
import { clearNetworkSettings, readNetworkSettings, writeNetworkSettings } from '../../../electron/core/settings/store'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { composeProfile } from '../../../electron/cli/network'
import { tempDir } from '../../helpers/tmp'

const sandbox: NetworkProfile = {
  ...DEFAULT_PROFILE,
  resolvers: ['127.0.0.1:5300'],
  connectTo: [{ host: 'www.example.com', port: 443, toHost: '127.0.0.1', toPort: 8443 }],
  timeouts: { dnsMs: 1000, connectMs: 1000, requestMs: 2000, checkMs: 5000 },
}
const mine = (over: Partial<NetworkSettings> = {}): NetworkSettings => ({ ...defaultSettings(sandbox), ...over })

describe('network settings over a base profile', () => {
  it('change nothing when none are saved, and the defaults are the base limits', () => {
    expect(applyNetworkSettings(sandbox, null)).toBe(sandbox)
    expect(applyNetworkSettings(sandbox, mine())).toEqual(sandbox)
  })

  it('own rules go first, own resolvers or DoH replace the base DNS, limits replace the base', () => {
    const p = applyNetworkSettings(sandbox, mine({ connectTo: ['www.example.com:443:127.0.0.1:9443'], perHostConcurrency: 1, doh: 'https://dns.example/q' }))
    expect(p.connectTo.map((r) => r.toPort)).toEqual([9443, 8443])
    expect(p.resolvers).toEqual([])
    expect(p.doh).toBe('https://dns.example/q')
    expect(p.perHostConcurrency).toBe(1)
    expect(applyNetworkSettings(sandbox, mine({ resolvers: ['192.0.2.53'] })).resolvers).toEqual(['192.0.2.53'])
  })
})

describe('the settings table and the CLI', () => {
  let ws: Workspace | undefined
  const tmp = tempDir('handover-settings-unit-')
  afterEach(() => {
    ws?.close()
    tmp.cleanup()
  })

  it('stores one document in the workspace file; CLI flags go over it', () => {
    ws = openWorkspace(tmp.dir)
    expect(readNetworkSettings(ws.db)).toBeNull()
    writeNetworkSettings(ws.db, mine({ connectTo: ['api.example.com:443:127.0.0.1:7443'] }), new Date('2026-12-06T10:00:00Z'))
    ws.close()
    ws = openWorkspace(tmp.dir)
    expect(readNetworkSettings(ws.db)).toMatchObject({ updatedAt: '2026-12-06T10:00:00.000Z', value: { connectTo: ['api.example.com:443:127.0.0.1:7443'] } })
    const p = composeProfile(sandbox, ws, { connectTo: [{ host: '', port: 443, toHost: '127.0.0.1', toPort: 1 }], resolvers: ['192.0.2.1'] })
    expect(p.connectTo.map((r) => r.toPort)).toEqual([1, 7443, 8443])
    expect(p.resolvers).toEqual(['192.0.2.1'])
    clearNetworkSettings(ws.db)
    expect(composeProfile(sandbox, ws).connectTo).toEqual(sandbox.connectTo)
  })
})
