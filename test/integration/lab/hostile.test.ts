import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLab, type Lab } from '../../../electron/lab'
import { curl, dig, nsAddr, sClient, status, writeCa } from './tools'

let lab: Lab
let dir: string
let ca: string
const D = 'chaos.example'

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lab-hostile-'))
  lab = await startLab('hostile')
  ca = writeCa(lab, path.join(dir, 'ca.pem'))
})
afterAll(async () => {
  await lab?.close()
  rmSync(dir, { recursive: true, force: true })
})

const port = (host: string) => lab.endpoints.web[host].https!

describe('hostile DNS', () => {
  it('times out, sends garbage, SERVFAIL and broken truncated answers', async () => {
    const r = lab.endpoints.resolver
    expect(await dig(r, `app.${D}`, 'A')).toMatch(/timed out/)
    expect(status(await dig(r, `api.${D}`, 'A'))).not.toBe('NOERROR')
    expect(status(await dig(r, D, 'CAA'))).toBe('SERVFAIL')
    const trunc = await dig(r, `_dmarc.${D}`, 'TXT')
    expect(trunc).toMatch(/Truncated, retrying in TCP mode/)
    expect(trunc).toMatch(/malformed message packet/)
  })

  it('has a silent nameserver and a lame one', async () => {
    expect(await dig(nsAddr(lab, 'ns2.chaos.example'), D, 'SOA')).toMatch(/timed out/)
    expect(status(await dig(nsAddr(lab, 'ns3.lame-host.example'), D, 'SOA'))).toBe('REFUSED')
    expect(status(await dig(nsAddr(lab, 'ns1.chaos.example'), D, 'SOA'))).toBe('NOERROR')
  })

  it('loops CNAMEs and truncates a long TXT over UDP', async () => {
    expect(await dig(lab.endpoints.resolver, `staging.${D}`, 'A')).toMatch(/CNAME\s+loop1[\s\S]*CNAME\s+loop2/)
    const big = await dig(lab.endpoints.resolver, `big.${D}`, 'TXT', '+tcp')
    expect(status(big)).toBe('NOERROR')
    expect(await dig(lab.endpoints.resolver, `big.${D}`, 'TXT', '+ignore')).toMatch(/flags: qr[a-z ]* tc/)
  })
})

describe('hostile web', () => {
  it('serves broken certificates of every kind', async () => {
    const code = async (host: string) => /Verify return code: (\d+)/.exec((await sClient(port(host), host, ca)).stdout)?.[1]
    expect(await code(D)).toBe('10') // expired
    expect(await code(`www.${D}`)).toBe('18') // self-signed
    expect(['20', '21']).toContain(await code(`app.${D}`)) // unknown issuer
    expect(await code(`api.${D}`)).toBe('62') // hostname mismatch
    expect(await code(`staging.${D}`)).toBe('9') // not yet valid
  })

  it('loops redirects and chains them past 50 hops', async () => {
    const loop = await curl(lab, ca, '-k', '-L', '--max-redirs', '10', '-o', '/dev/null', `https://${D}/`)
    expect(loop.code).toBe(47)
    const chain = await curl(lab, ca, '-k', '-L', '--max-redirs', '50', '-o', '/dev/null', '-w', '%{url_effective}', `https://app.${D}/`)
    expect(chain.code).toBe(47)
    expect(chain.stdout).toMatch(/\/hop\/5\d$/)
  })

  it('streams a 100 MB body', async () => {
    const r = await curl(lab, ca, '-k', '-o', '/dev/null', '-w', '%{size_download}', `https://app.${D}/login`)
    expect(r.stdout).toBe(String(100 * 1024 * 1024))
  })

  it('hangs: a route that never answers and a host that never speaks', async () => {
    const [route, host] = await Promise.all([
      curl(lab, ca, '-k', '--max-time', '1', `https://app.${D}/api/health`),
      curl(lab, ca, '-k', '--max-time', '1', `https://tarpit.${D}/`),
    ])
    expect(route.code).toBe(28)
    expect(host.code).toBe(28)
  })

  it('drips a body slowly: one 20-byte chunk, then a pause', async () => {
    const r = await curl(lab, ca, '--max-time', '1', `http://api.${D}/slow`)
    expect(r.code).toBe(28)
    expect(r.stdout).toBe('{"status":"ok","padd')
  })

  it('asks for basic auth on staging', async () => {
    const r = await curl(lab, ca, '-k', '-o', '/dev/null', '-w', '%{http_code}', `https://staging.${D}/`)
    expect(r.stdout).toBe('401')
    const ok = await curl(lab, ca, '-k', '-u', 'lab:lab-fake-password', '-o', '/dev/null', '-w', '%{http_code}', `https://staging.${D}/`)
    expect(ok.stdout).toBe('200')
  })
})
