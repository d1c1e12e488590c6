import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLab, type Lab } from '../../../electron/lab'
import { curl, dig, flags, header, nsAddr, sClient, status, tool, writeCa } from './tools'

let lab: Lab
let dir: string
let ca: string
const D = 'acme-launch.example'

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lab-demo-'))
  lab = await startLab('demo')
  ca = writeCa(lab, path.join(dir, 'ca.pem'))
})
afterAll(async () => {
  await lab?.close()
  rmSync(dir, { recursive: true, force: true })
})

const port = (host: string) => lab.endpoints.web[host].https!

describe('demo scenario seen by dig', () => {
  it('the resolver view answers with RA, the nameservers authoritatively', async () => {
    const r = await dig(lab.endpoints.resolver, D, 'SOA')
    expect(status(r)).toBe('NOERROR')
    expect(flags(r)).toContain('ra')
    const a = await dig(nsAddr(lab, 'ns1.dnshost.example'), D, 'A', '+norecurse')
    expect(flags(a)).toContain('aa')
    expect(a).toMatch(/127\.0\.80\.1/)
  })

  it('the two nameservers disagree on app', async () => {
    expect(await dig(nsAddr(lab, 'ns1.dnshost.example'), `app.${D}`, 'A')).toMatch(/IN\s+A\s+127\.0\.80\.3/)
    expect(await dig(nsAddr(lab, 'ns2.dnshost.example'), `app.${D}`, 'A')).toMatch(/IN\s+A\s+127\.0\.80\.99/)
  })

  it('the parent (TLD) server refers to the zone nameservers, with no DS (unsigned)', async () => {
    const tld = lab.endpoints.nameservers.find((n) => n.role === 'tld')!
    const ref = await dig(`127.0.0.1:${tld.port}`, D, 'NS', '+norecurse')
    expect(flags(ref)).not.toContain('aa')
    expect(ref).toMatch(/AUTHORITY SECTION:[\s\S]*NS\s+ns1\.dnshost\.example\./)
    const ds = await dig(`127.0.0.1:${tld.port}`, D, 'DS', '+norecurse')
    expect(status(ds)).toBe('NOERROR')
    expect(ds).toMatch(/ANSWER: 0/)
    expect(await dig(lab.endpoints.resolver, 'ns2.dnshost.example', 'A')).toMatch(/127\.0\.53\.2/)
  })

  it('has the planted mail faults and a dangling CNAME', async () => {
    const r = lab.endpoints.resolver
    expect(await dig(r, `_dmarc.${D}`, 'TXT')).toMatch(/"v=DMARC1; p=none"/)
    expect(await dig(r, D, 'TXT')).toMatch(/\?all"/)
    expect(await dig(r, `google._domainkey.${D}`, 'TXT')).toMatch(/v=DKIM1; k=rsa; p=MIGf/)
    expect(await dig(r, D, 'CAA')).toMatch(/ANSWER: 0/)
    const docs = await dig(r, `docs.${D}`, 'A')
    expect(docs).toMatch(/CNAME\s+acme-launch-docs\.herokuapp\.com\./)
    expect(status(docs)).toBe('NXDOMAIN')
  })
})

describe('demo scenario seen by curl and openssl', () => {
  it('maps host names, and their unshared A addresses, to the lab ports', async () => {
    const https = lab.endpoints.web[`app.${D}`].https
    expect(lab.endpoints.connectTo).toContain(`app.${D}:443:127.0.0.1:${https}`)
    expect(lab.endpoints.connectTo).toContain(`127.0.80.3:443:127.0.0.1:${https}`)
    const byIp = await curl(lab, ca, '-k', '-o', '/dev/null', '-w', '%{http_code}', '-H', `Host: app.${D}`, 'https://127.0.80.3/login')
    expect(byIp.stdout).toBe('200')
  })

  it('www reaches the apex in three hops with a 302 in the middle', async () => {
    const r = await curl(lab, ca, '-L', '-o', '/dev/null', '-w', '%{num_redirects} %{url_effective}', `http://www.${D}/pricing?x=1`)
    expect(r.stdout).toBe(`3 https://${D}/pricing?x=1`)
    const one = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `https://www.${D}/a?b=c`)
    // curl offers h2 and the demo's www host takes it (only the API host is HTTP/1.1-only).
    expect(one.stdout).toMatch(/^HTTP\/2 302/)
    expect(header(one.stdout, 'location')).toBe(`http://${D}/a?b=c`)
  })

  it('the apex has no HSTS, an http:// script, /.env served and a SPA catch-all', async () => {
    const home = await curl(lab, ca, '-D', '-', `https://${D}/`)
    expect(header(home.stdout, 'strict-transport-security')).toBeUndefined()
    expect(home.stdout).toMatch(/<script src="http:\/\/cdn\.acme-launch\.example/)
    const env = await curl(lab, ca, `https://${D}/.env`)
    expect(env.stdout).toMatch(/^DATABASE_URL=/)
    const git = await curl(lab, ca, '-w', '%{http_code}', `https://${D}/.git/config`)
    expect(git.stdout).toMatch(/<!doctype html>[\s\S]*200$/)
    expect((await curl(lab, ca, `https://${D}/assets/app.js`)).stdout).toMatch(/sk_live_/)
  })

  it('caches a cookie-setting response at the edge: MISS then HIT', async () => {
    const a = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `https://app.${D}/account`)
    const b = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `https://app.${D}/account`)
    expect(header(a.stdout, 'cf-cache-status')).toBe('MISS')
    expect(header(b.stdout, 'cf-cache-status')).toBe('HIT')
    expect(header(b.stdout, 'set-cookie')).toMatch(/^session=/)
    expect(header(b.stdout, 'cache-control')).toBe('public, max-age=3600')
  })

  it('app has a certificate from the lab CA expiring in about 10 days', async () => {
    const r = await sClient(port(`app.${D}`), `app.${D}`, ca)
    expect(r.stdout).toMatch(/Verify return code: 0 \(ok\)/)
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(r.stdout)![0]
    const end = await tool('openssl', ['x509', '-noout', '-enddate'], { input: cert })
    const days = (Date.parse(end.stdout.replace('notAfter=', '').trim()) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(9)
    expect(days).toBeLessThan(11)
  })

  it('api still speaks TLS 1.0; the apex refuses it', async () => {
    const old = await sClient(port(`api.${D}`), `api.${D}`, ca, '-tls1', '-cipher', 'DEFAULT:@SECLEVEL=0')
    expect(old.stdout).toMatch(/Protocol\s*:\s*TLSv1\b/)
    expect(old.stdout).toMatch(/Verify return code: 0 \(ok\)/)
    const apex = await sClient(port(D), D, ca, '-tls1', '-cipher', 'DEFAULT:@SECLEVEL=0')
    expect(apex.stdout).toMatch(/no peer certificate available/)
    expect(apex.stdout).toMatch(/Cipher is \(NONE\)/)
  })
})

describe('demo fixes', () => {
  it('add-hsts, renew-cert and fix-dns change what the tools see', async () => {
    await lab.applyFix('add-hsts')
    const home = await curl(lab, ca, '-D', '-', '-o', '/dev/null', `https://${D}/`)
    expect(header(home.stdout, 'strict-transport-security')).toMatch(/max-age=63072000/)

    await lab.applyFix('renew-cert')
    const r = await sClient(port(`app.${D}`), `app.${D}`, ca)
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(r.stdout)![0]
    const end = await tool('openssl', ['x509', '-noout', '-enddate'], { input: cert })
    expect(Date.parse(end.stdout.replace('notAfter=', '').trim()) - Date.now()).toBeGreaterThan(60 * 86_400_000)

    await lab.applyFix('fix-dns')
    expect(await dig(nsAddr(lab, 'ns2.dnshost.example'), `app.${D}`, 'A')).toMatch(/127\.0\.80\.3/)
    expect(await dig(lab.endpoints.resolver, D, 'CAA')).toMatch(/issue "lab-ca\.example"/)
    expect(await dig(lab.endpoints.resolver, D, 'TXT')).toMatch(/"v=spf1 mx -all"/)
    await expect(lab.applyFix('no-such-fix')).rejects.toThrow(/no fix "no-such-fix"/)
  })
})
