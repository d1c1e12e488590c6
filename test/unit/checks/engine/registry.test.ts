import { describe, expect, it } from 'vitest'
import { collectChecks, getCheck, listChecks } from '../../../../electron/core/checks/registry'
import { KeyedLimiter } from '../../../../electron/core/checks/limiter'
import type { CheckModule } from '../../../../electron/core/checks/types'

const mk = (id: string): CheckModule => ({ meta: { id, title: id, area: 'dns', stage: 'quick-audit', why: '', fix: '', scope: 'domain', network: true }, run: async () => ({ status: 'pass', summary: '' }) })

describe('check registry', () => {
  it('discovers the DNS and mail checks by id', () => {
    const ids = listChecks().map((c) => c.meta.id)
    for (const id of ['dns.delegation', 'dns.hosts', 'dns.dangling', 'dns.caa', 'dns.dnssec', 'mail.mx', 'mail.spf', 'mail.dkim', 'mail.dmarc', 'mail.mta-sts']) expect(ids).toContain(id)
    expect(getCheck('mail.spf')?.meta.area).toBe('mail')
    expect(getCheck('nope')).toBeUndefined()
    expect([...ids].sort()).toEqual(ids)
  })

  it('takes `check` and `checks` exports, ignores helpers, and throws on a duplicate id', () => {
    const m = collectChecks({ './a/x.ts': { check: mk('a.x') }, './a/y.ts': { checks: [mk('a.y'), mk('a.z')] }, './a/helper.ts': {} })
    expect([...m.keys()]).toEqual(['a.x', 'a.y', 'a.z'])
    expect(() => collectChecks({ './a/x.ts': { check: mk('a.x') }, './b/x.ts': { check: mk('a.x') } })).toThrow(/duplicate check id "a.x"/)
  })
})

describe('KeyedLimiter', () => {
  it('runs at most `limit` tasks per key and releases slots on failure', async () => {
    const lim = new KeyedLimiter(2)
    let now = 0
    let max = 0
    const waiters: (() => void)[] = []
    const task = (fail = false) =>
      lim.run('h', async () => {
        max = Math.max(max, ++now)
        await new Promise<void>((r) => waiters.push(r))
        now--
        if (fail) throw new Error('x')
      })
    const all = [task(true).catch(() => 'failed'), task(), task(), task(), lim.run('other', async () => 'free')]
    expect(await all[4]).toBe('free')
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setImmediate(r))
      waiters.shift()?.()
    }
    await Promise.allSettled(all)
    expect(max).toBe(2)
    expect(lim.running('h')).toBe(0)
  })
})
