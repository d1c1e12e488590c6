import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLab, type Lab } from '../../../electron/lab'
import { curl, dig, flags, header, nsAddr, sClient, writeCa } from './tools'

let lab: Lab
let dir: string
let ca: string
const D = 'tidy.example'

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lab-healthy-'))
  lab = await startLab('healthy', { dir })
  ca = writeCa(lab, path.join(dir, 'ca.pem'))
})
afterAll(async () => {
  await lab?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** RFC 4034 §5.1.4, written out again here (independently of the lab's code) from dig's text. */
function dsFromDnskey(owner: string, dnskeyText: string): { tag: number; digest: string } {
  const [flagsS, proto, alg, ...key] = dnskeyText.trim().split(/\s+/)
  const rdata = Buffer.concat([Buffer.from([+flagsS >> 8, +flagsS & 255, +proto, +alg]), Buffer.from(key.join(''), 'base64')])
  const wire = Buffer.concat([...owner.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0])])
  let ac = 0
  for (let i = 0; i < rdata.length; i++) ac += i & 1 ? rdata[i] : rdata[i] << 8
  ac += (ac >> 16) & 0xffff
  return { tag: ac & 0xffff, digest: createHash('sha256').update(Buffer.concat([wire, rdata])).digest('hex').toUpperCase() }
}

describe('healthy scenario', () => {
  it('has a DS at the parent that matches the zone DNSKEY', async () => {
    const key = (await dig(nsAddr(lab, 'ns1.tidy.example'), D, 'DNSKEY', '+short')).trim()
    const tld = lab.endpoints.nameservers.find((n) => n.role === 'tld')!
    const ds = (await dig(`127.0.0.1:${tld.port}`, D, 'DS', '+short', '+norecurse')).trim().split(/\s+/)
    const want = dsFromDnskey(D, key)
    expect(Number(ds[0])).toBe(want.tag)
    expect(ds.slice(3).join('')).toBe(want.digest)
    expect(await dig(lab.endpoints.resolver, D, 'DS')).toMatch(/IN\s+DS\s+\d+ 13 2/)
  })

  it('both nameservers agree, glue at the parent, CAA for the lab CA', async () => {
    const a = await dig(nsAddr(lab, 'ns1.tidy.example'), `app.${D}`, 'A', '+short')
    expect(await dig(nsAddr(lab, 'ns2.tidy.example'), `app.${D}`, 'A', '+short')).toBe(a)
    const tld = lab.endpoints.nameservers.find((n) => n.role === 'tld')!
    const ref = await dig(`127.0.0.1:${tld.port}`, `www.${D}`, 'A', '+norecurse')
    expect(ref).toMatch(/ADDITIONAL SECTION:[\s\S]*ns1\.tidy\.example\.\s+\d+\s+IN\s+A\s+127\.0\.53\.11/)
    expect(await dig(lab.endpoints.resolver, D, 'CAA')).toMatch(/0 issue "lab-ca\.example"/)
    expect(lab.endpoints.caaIssuer).toBe('lab-ca.example')
  })

  it('serves a 2048-bit DKIM key as two strings, MTA-STS records and policy', async () => {
    const dkim = await dig(lab.endpoints.resolver, `google._domainkey.${D}`, 'TXT')
    expect(dkim).toMatch(/"v=DKIM1; k=rsa; p=MIIB[^"]*" "[^"]+"/)
    expect(flags(dkim)).not.toContain('tc')
    expect(await dig(lab.endpoints.resolver, `_mta-sts.${D}`, 'TXT')).toMatch(/v=STSv1/)
    const policy = await curl(lab, ca, `https://mta-sts.${D}/.well-known/mta-sts.txt`)
    expect(policy.stdout).toMatch(/^version: STSv1\nmode: enforce\n/)
  })

  it('redirects http to https on the same host, www to the apex in one hop, with HSTS', async () => {
    const http = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `http://${D}/x?y=1`)
    expect(http.stdout).toMatch(/^HTTP\/1\.1 301/)
    expect(header(http.stdout, 'location')).toBe(`https://${D}/x?y=1`)
    const www = await curl(lab, ca, '-L', '-o', '/dev/null', '-w', '%{num_redirects} %{url_effective}', `https://www.${D}/p?q=1`)
    expect(www.stdout).toBe(`1 https://${D}/p?q=1`)
    const home = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `https://${D}/`)
    expect(header(home.stdout, 'strict-transport-security')).toBe('max-age=63072000; includeSubDomains; preload')
    expect(header(home.stdout, 'x-content-type-options')).toBe('nosniff')
  })

  it('caches assets at the edge (MISS then HIT) and answers health with ok', async () => {
    const first = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `https://${D}/assets/app.js`)
    const again = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `https://${D}/assets/app.js`)
    expect(header(first.stdout, 'cf-cache-status')).toBe('MISS')
    expect(header(again.stdout, 'cf-cache-status')).toBe('HIT')
    expect(JSON.parse((await curl(lab, ca, `https://api.${D}/api/health`)).stdout)).toEqual({ status: 'ok' })
    expect((await curl(lab, ca, '-o', '/dev/null', '-w', '%{http_code}', `https://${D}/.env`)).stdout).toBe('404')
  })

  it('presents valid lab-CA certificates, TLS 1.2+ only, and keeps the CA in the given dir', async () => {
    const ok = await sClient(lab.endpoints.web[`app.${D}`].https!, `app.${D}`, ca)
    expect(ok.stdout).toMatch(/Verify return code: 0 \(ok\)/)
    const old = await sClient(lab.endpoints.web[`app.${D}`].https!, `app.${D}`, ca, '-tls1_1', '-cipher', 'DEFAULT:@SECLEVEL=0')
    expect(old.stdout).toMatch(/Cipher is \(NONE\)/)
    expect(lab.endpoints.caFile).toBe(path.join(dir, 'lab-ca.pem'))
  })
})
