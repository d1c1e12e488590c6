import { describe, expect, it } from 'vitest'
import { judgeDomain } from '../../../../electron/core/checks/reg/domain'
import { DEFAULT_THRESHOLDS } from '../../../../electron/core/checks/types'
import type { RdapDomain } from '../../../../electron/core/providers/rdap/parse'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const inDays = (n: number) => new Date(NOW + n * 86_400_000 + 3_600_000).toISOString()
const dom = (o: Partial<RdapDomain> = {}): RdapDomain => ({ ldhName: 'shop.test', status: ['client transfer prohibited'], transferLocked: true, nameservers: ['ns1.lab.test', 'ns2.lab.test'], expiresAt: inDays(400), registrar: { name: 'Lab Registrar' }, ...o })
const ns = ['ns2.lab.test.', 'NS1.lab.test']

describe('reg.domain judgement', () => {
  it('pass: far expiry, locked, nameservers match', () => {
    expect(judgeDomain(dom(), DEFAULT_THRESHOLDS, ns, NOW)).toMatchObject({ status: 'pass', daysLeft: 400, summary: expect.stringMatching(/Lab Registrar/) })
  })
  it('warn under 60 days, fail under 14 days or expired (thresholds from the template)', () => {
    expect(judgeDomain(dom({ expiresAt: inDays(40) }), DEFAULT_THRESHOLDS, ns, NOW)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/expires in 40 days/) })
    expect(judgeDomain(dom({ expiresAt: inDays(10) }), DEFAULT_THRESHOLDS, ns, NOW).status).toBe('fail')
    expect(judgeDomain(dom({ expiresAt: inDays(-3) }), DEFAULT_THRESHOLDS, ns, NOW).summary).toMatch(/expired/)
    expect(judgeDomain(dom({ expiresAt: inDays(100) }), { domainWarnDays: 120, domainFailDays: 30 }, ns, NOW).status).toBe('warn')
  })
  it('fail when the transfer lock is off', () => {
    expect(judgeDomain(dom({ transferLocked: false, status: ['active'] }), DEFAULT_THRESHOLDS, ns, NOW)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/transfer lock is off/i) })
  })
  it('warn on a nameserver mismatch or a missing expiry date', () => {
    expect(judgeDomain(dom(), DEFAULT_THRESHOLDS, ['ada.ns.cloudflare.com'], NOW).status).toBe('warn')
    expect(judgeDomain(dom({ expiresAt: undefined }), DEFAULT_THRESHOLDS, ns, NOW).status).toBe('warn')
  })
})
