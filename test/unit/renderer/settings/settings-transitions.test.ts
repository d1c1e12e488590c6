import { describe, expect, it } from 'vitest'
import type { NetworkSettings, SettingsInfo } from '@shared/contract/settings'
import { draftFromSettings, initialSettings, isDirty, settingsLoaded } from '../../../../renderer/src/store/settings'
import { draftToInput } from '../../../../renderer/src/store/networkInput'

const saved: NetworkSettings = {
  resolvers: ['192.0.2.53', '[2001:db8::53]:5353'],
  doh: '',
  connectTo: ['www.example.com:443:203.0.113.10:443'],
  perHostConcurrency: 2,
  timeouts: { dnsMs: 2500, connectMs: 5000, requestMs: 10_000, checkMs: 30_000 },
}
const info = (network: NetworkSettings): SettingsInfo => ({
  network,
  defaults: { ...network, resolvers: [], connectTo: [], perHostConcurrency: 4 },
  customised: true,
  updatedAt: '2026-12-06T10:00:00.000Z',
  base: 'system',
  effective: { ...network, offline: false },
})

describe('the network settings form', () => {
  it('round-trips saved settings through the form (lists one per line, timeouts in seconds)', () => {
    const d = draftFromSettings(saved)
    expect(d.resolvers).toBe('192.0.2.53\n[2001:db8::53]:5353')
    expect(d.dnsS).toBe('2.5')
    expect(draftToInput(d)).toEqual({ input: saved })
  })

  it('drops blank lines and converts seconds to milliseconds', () => {
    const d = { ...draftFromSettings(saved), resolvers: '\n 192.0.2.1 \n\n', requestS: '12.5' }
    const r = draftToInput(d)
    expect('input' in r && r.input.resolvers).toEqual(['192.0.2.1'])
    expect('input' in r && r.input.timeouts.requestMs).toBe(12_500)
  })

  it('puts each mistake next to its field, naming the line of a list', () => {
    const d = { ...draftFromSettings(saved), resolvers: '192.0.2.1\ndns.example', connectTo: 'nonsense', perHostConcurrency: '', dnsS: '0.01' }
    const r = draftToInput(d)
    expect('errors' in r).toBe(true)
    if (!('errors' in r)) return
    expect(r.errors.resolvers).toMatch(/^line 2: .*not an IP address/)
    expect(r.errors.connectTo).toMatch(/^line 1: .*HOST1:PORT1:HOST2:PORT2/)
    expect(r.errors.perHostConcurrency).toMatch(/enter a number/)
    expect(r.errors.dnsS).toMatch(/at least 200 ms \(0\.2 s\)/)
  })

  it('knows when the form has unsaved changes, and keeps them when settings change elsewhere', () => {
    let s = settingsLoaded(initialSettings, info(saved), false)
    expect(isDirty(s)).toBe(false)
    s = { ...s, draft: { ...s.draft!, perHostConcurrency: '8' } }
    expect(isDirty(s)).toBe(true)
    const other = info({ ...saved, perHostConcurrency: 1 })
    const kept = settingsLoaded(s, other, false)
    expect(kept.draft?.perHostConcurrency).toBe('8')
    expect(kept.info).toBe(other)
    // after our own save the form shows what was saved
    expect(settingsLoaded(s, other, true).draft?.perHostConcurrency).toBe('1')
  })
})
