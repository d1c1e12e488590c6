import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as routes } from '../../../../electron/core/checks/http/routes'
import { HttpClient, isHttpError } from '../../../../electron/core/net/http'
import { startLab, type Lab } from '../../../../electron/lab'
import { runCheck } from './harness'

type Row = { url: string; present: boolean; protocol?: string; samples: number[]; setupMs?: number[] }

const APEX = 'acme-launch.example'
const API = `api.${APEX}`
let lab: Lab

beforeAll(async () => {
  lab = await startLab('demo')
})
afterAll(async () => {
  await lab?.close()
})

describe('http.routes over HTTP/2 where the site offers it (demo lab: the apex offers h2, the API host HTTP/1.1 only)', () => {
  it('samples the apex over one h2 connection and the HTTP/1.1-only API host over http/1.1, and says which', async () => {
    const before = lab.connections()
    const requestsBefore = lab.requests()[APEX]
    const r = await runCheck(routes, lab.profile, APEX, API, { role: 'api' })
    const after = lab.connections()
    const rows = r.details?.routes as Row[]
    const apex = rows.filter((x) => new URL(x.url).hostname === APEX && x.present)
    const api = rows.filter((x) => new URL(x.url).hostname === API && x.present)
    expect(apex.map((x) => new URL(x.url).pathname)).toEqual(['/', '/login', '/signup', '/api/health'])
    expect(api.length).toBeGreaterThan(0)
    expect(apex.every((x) => x.protocol === 'h2')).toBe(true)
    expect(api.every((x) => x.protocol === 'http/1.1')).toBe(true)
    // Counted by the sandbox: every apex sample (4 routes, a warm-up and at least 8 samples each)
    // went over a single h2 connection; the API host never spoke h2.
    const sent = Object.entries(lab.requests()[APEX]).reduce((n, [k, v]) => n + v - (requestsBefore[k] ?? 0), 0)
    expect(sent).toBeGreaterThanOrEqual(4 * 9)
    expect(after[APEX].h2 - before[APEX].h2).toBe(1)
    expect(after[API].h2 - before[API].h2).toBe(0)
    expect(after[API].https - before[API].https).toBeGreaterThanOrEqual(1)
    // Only the first apex route paid for a connection; the rest multiplexed on it.
    expect(apex.slice(1).every((x) => (x.setupMs ?? []).every((ms) => ms === 0))).toBe(true)
    // The verdict is the demo's as before: the API's health routes are slow.
    expect(r.status).toBe('warn')
  })

  it('checks that read HTTP/1.1 behaviour keep HTTP/1.1 on the same h2-capable host', async () => {
    const http = new HttpClient(lab.profile)
    try {
      const before = lab.connections()[APEX].h2
      const plain = await http.request(`https://${APEX}/`)
      expect([plain.protocol, plain.requestLine]).toEqual(['http/1.1', 'GET / HTTP/1.1'])
      const h2 = await http.request(`https://${APEX}/`, { http2: true })
      expect([h2.protocol, h2.requestLine, h2.status]).toEqual(['h2', 'GET / HTTP/2', 200])
      expect(h2.body.toString()).toBe(plain.body.toString())
      expect(lab.connections()[APEX].h2 - before).toBe(1)
    } finally {
      await http.close()
    }
  })

  it('refuses private targets on the h2 path too: the egress policy runs on every socket', async () => {
    // Without the lab's connect-to map the apex resolves (lab DNS) to 127.0.80.1, a loopback address.
    const http = new HttpClient({ ...lab.profile, connectTo: [] })
    try {
      const port = lab.endpoints.web[APEX].https!
      const before = lab.connections()[APEX]
      // The apex's real h2 listener by loopback address, and the apex by its name.
      for (const url of [`https://127.0.0.1:${port}/`, `https://${APEX}/`]) {
        const err = await http.request(url, { http2: true }).catch((e: unknown) => e)
        expect(isHttpError(err) && err.kind).toBe('blocked')
        expect((err as Error).message).toMatch(/127\.0\.\d+\.\d+\)? is a loopback address; checks do not connect there/)
      }
      expect(lab.connections()[APEX]).toEqual(before)
    } finally {
      await http.close()
    }
  })
})
