import { describe, expect, it } from 'vitest'
import { getCheck } from '../../../../electron/core/checks/registry'

const IDS = ['cf.token', 'cf.zone', 'cf.proxy', 'cf.tls', 'cf.security', 'cf.cache', 'cf.access', 'reg.domain', 'host.deploy', 'host.env', 'host.domains', 'mon.uptime', 'mon.health']

describe('provider checks in the registry (DESIGN.md §4 ids)', () => {
  for (const id of IDS) {
    it(`${id} is registered with complete metadata`, () => {
      const c = getCheck(id)
      expect(c, id).toBeDefined()
      const m = c!.meta
      expect(m.area).toBe(id.split('.')[0])
      expect(m.title.length).toBeGreaterThan(5)
      expect(m.why.length).toBeGreaterThan(30)
      expect(m.fix.length).toBeGreaterThan(30)
      expect(m.network).toBe(true)
      expect(['domain', 'host', 'engagement']).toContain(m.scope)
    })
  }
})
