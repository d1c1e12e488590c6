import { afterAll, describe, expect, it } from 'vitest'
import { check } from '../../../../electron/core/checks/reg/domain'
import { CF_NS, defaultRecords, sandbox, type Sandbox } from '../cf/harness'

describe('reg.domain against the sandbox RDAP server (bootstrap → registry)', () => {
  let s: Sandbox | undefined
  afterAll(() => s?.close())
  const start = async (domain: Record<string, unknown>, records = defaultRecords()) => {
    await s?.close()
    s = await sandbox({ rdap: { domains: [{ nameservers: CF_NS, ...domain }] } }, { records })
    return s
  }

  it('pass: locked, a year left, nameservers match the delegation', async () => {
    const r = await (await start({ expiresInDays: 400 })).run(check)
    expect(r).toMatchObject({ status: 'pass', details: { transferLocked: true, registrar: { name: 'Lab Registrar, Inc.' } } })
    expect(r.details?.daysLeft).toBeGreaterThanOrEqual(399)
  })
  it('warn: expires in 40 days', async () => {
    expect(await (await start({ expiresInDays: 40 })).run(check)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/expires in (39|40) days/) })
  })
  it('fail: expires in 10 days, or transfer lock off', async () => {
    expect((await (await start({ expiresInDays: 10 })).run(check)).status).toBe('fail')
    expect(await (await start({ status: ['active'] })).run(check)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/transfer lock is off/i) })
  })
  it('warn: registry nameservers differ from DNS delegation', async () => {
    expect(await (await start({}, defaultRecords(['ns1.other-dns.test', 'ns2.other-dns.test']))).run(check)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/DNS delegates to ns1\.other-dns\.test/) })
  })
  it('error: the registry has no record for the domain (404)', async () => {
    const sb = await start({ name: 'other.test' })
    expect(await sb.run(check)).toMatchObject({ status: 'error', summary: expect.stringMatching(/no RDAP record for shop\.test/) })
  })
})
