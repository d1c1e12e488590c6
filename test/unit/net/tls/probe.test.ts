import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TlsProber } from '../../../../electron/core/net/tls/probe'
import { startWeb, type Web } from '../../../integration/checks/http/web'
import { makePki } from './pki'

const ok = (_q: unknown, s: { end: (b: string) => void }) => s.end('ok')

describe('TlsProber', () => {
  let web: Web
  const pki = makePki()
  beforeAll(async () => {
    web = await startWeb(pki, {
      'good.test': { https: ok },
      'old.test': { https: ok, legacyTls: true },
      'expired.test': { https: ok, cert: { fromDays: -100, toDays: -3 } },
      'wrong.test': { https: ok, cert: { names: ['other.test'] } },
      'self.test': { https: ok, cert: { selfSigned: true } },
    })
  })
  afterAll(() => web.close())

  it('describes a trusted chain through the connect-to map', async () => {
    const r = await new TlsProber(web.profile).probe('good.test')
    expect(r.trusted).toBe(true)
    expect(r.nameMatch).toBe(true)
    expect(r.redirected).toBe(true)
    expect(r.connectedTo).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(r.protocol).toBe('TLSv1.3')
    expect(r.chain[0].pem).toContain('BEGIN CERTIFICATE')
    expect(r.chain[0].keyType).toBe('rsa')
    expect(r.chain[0].keyBits).toBe(2048)
    expect(r.chain[0].daysLeft).toBeGreaterThan(80)
  })

  it('is untrusted without the extra CA', async () => {
    const r = await new TlsProber({ ...web.profile, extraCaPem: [] }).probe('good.test')
    expect(r.trusted).toBe(false)
    expect(r.trustError).toBeTruthy()
  })

  it('reports expired, mismatched and self-signed certificates', async () => {
    const p = new TlsProber(web.profile)
    expect((await p.probe('expired.test')).chain[0].daysLeft).toBeLessThan(0)
    const wrong = await p.probe('wrong.test')
    expect(wrong.nameMatch).toBe(false)
    expect(wrong.trusted).toBe(true)
    const self = await p.probe('self.test')
    expect(self.trusted).toBe(false)
    expect(self.chain[0].selfSigned).toBe(true)
  })

  it('probes legacy protocol versions', async () => {
    const p = new TlsProber(web.profile)
    expect((await p.acceptsVersion('old.test', 443, 'TLSv1')).accepted).toBe(true)
    expect((await p.acceptsVersion('old.test', 443, 'TLSv1.1')).accepted).toBe(true)
    const modern = await p.acceptsVersion('good.test', 443, 'TLSv1')
    expect(modern.accepted).toBe(false)
    expect(modern.inconclusive).toBeFalsy()
  })

  it('ends a refused connection as an error', async () => {
    await expect(new TlsProber(web.profile).probe('nothing.test')).rejects.toThrow(/ECONNREFUSED|refused/)
  })
})
