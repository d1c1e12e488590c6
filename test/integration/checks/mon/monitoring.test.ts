import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as health } from '../../../../electron/core/checks/mon/health'
import { check as uptime } from '../../../../electron/core/checks/mon/uptime'
import type { ProvidersInput } from '../../../../electron/lab/providers'
import { labCa } from '../../../../electron/lab/tls/ca'
import { issueHostCert } from '../../../../electron/lab/tls/certs'
import { DOMAIN, sandbox, type Sandbox } from '../cf/harness'

const monitors = (o: { login?: boolean; ssl?: boolean; contacts?: boolean } = {}) => [
  { name: 'Home', url: `https://www.${DOMAIN}/`, alertContacts: o.contacts === false ? [] : ['c1'], sslExpiryReminder: o.ssl ?? true },
  ...(o.login === false ? [] : [{ name: 'Login', url: `https://www.${DOMAIN}/login`, alertContacts: ['c1'], sslExpiryReminder: o.ssl ?? true }]),
  { name: 'API', url: `https://api.${DOMAIN}/health`, alertContacts: o.contacts === false ? [] : ['c1'], sslExpiryReminder: o.ssl ?? true },
]
const robot = (o: Parameters<typeof monitors>[0] = {}, contacts = true): ProvidersInput => ({
  uptimerobot: { monitors: monitors(o), alertContacts: contacts ? [{ id: 'c1', name: 'Founder' }] : [] },
})

describe('mon.uptime against the sandbox UptimeRobot and Better Stack APIs', () => {
  let s: Sandbox | undefined
  afterAll(() => s?.close())
  const start = async (spec: ProvidersInput) => {
    await s?.close()
    return (s = await sandbox(spec))
  }
  it('UptimeRobot: pass with full coverage, contacts and SSL reminders', async () => {
    const r = await (await start(robot())).run(uptime)
    expect(r).toMatchObject({ status: 'pass' })
    expect(JSON.stringify(r)).not.toContain(s!.credentials.uptimerobot)
  })
  it('UptimeRobot: warn without a login monitor or SSL-expiry alerts', async () => {
    expect(await (await start(robot({ login: false, ssl: false }))).run(uptime)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/login.*SSL-expiry alerting is off/) })
  })
  it('UptimeRobot: fail when the API host is unmonitored, or nobody is alerted', async () => {
    const sb = await start({ uptimerobot: { monitors: monitors().slice(0, 2), alertContacts: [{ id: 'c1', name: 'Founder' }] } })
    expect(await sb.run(uptime)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/api\.shop\.test/) })
    expect(await (await start(robot({ contacts: false }, false))).run(uptime)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/no alert contacts/i) })
  })
  it('Better Stack: pass with email alerts and ssl_expiration set', async () => {
    const sb = await start({ betterstack: { monitors: monitors().map((m) => ({ name: m.name, url: m.url, sslExpiration: 14 })) } })
    expect(await sb.run(uptime, { only: ['betterstack'] })).toMatchObject({ status: 'pass', details: { provider: 'betterstack' } })
  })
  it('skip without a monitoring credential', async () => {
    expect(await (await start(robot())).run(uptime, { only: [] })).toMatchObject({ status: 'skip', summary: expect.stringMatching(/No UptimeRobot or Better Stack credential/) })
  })
})

describe('mon.health against a real HTTPS host (lab CA, connect-to)', () => {
  let server: Server
  let port = 0
  let body = '{"status":"ok"}'
  let status = 200
  const ca = labCa()
  let s: Sandbox | undefined
  beforeAll(async () => {
    const cert = issueHostCert(`api.${DOMAIN}`, { kind: 'valid', names: [`api.${DOMAIN}`, DOMAIN, `www.${DOMAIN}`] }, ca)
    server = createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
      if (req.headers.host?.startsWith('api.') && req.url === '/health') {
        res.writeHead(status, { 'content-type': 'application/json' })
        return res.end(body)
      }
      res.writeHead(404).end('not found')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await s?.close()
    server.closeAllConnections()
    await new Promise<void>((r) => server.close(() => r()))
  })
  const start = async (toPort: number) => {
    await s?.close()
    s = await sandbox({}, { extra: (p) => ({ ...p, extraCaPem: [ca.certPem], connectTo: [{ host: '', port: 443, toHost: '127.0.0.1', toPort }] }) })
    return s
  }

  it('pass: 200 with a body that says healthy', async () => {
    body = '{"status":"ok"}'
    status = 200
    expect(await (await start(port)).run(health)).toMatchObject({ status: 'pass', details: { url: `https://api.${DOMAIN}/health` } })
  })
  it('fail: 200 saying degraded, or no 200 anywhere', async () => {
    body = '{"status":"degraded"}'
    expect(await (await start(port)).run(health)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/degraded/) })
    body = 'down'
    status = 503
    expect(await (await start(port)).run(health)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/No health endpoint answered 200/) })
  })
  it('error: nothing reachable', async () => {
    expect(await (await start(1)).run(health)).toMatchObject({ status: 'error', summary: expect.stringMatching(/could be reached/) })
  })
})
