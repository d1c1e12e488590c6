import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Sessions, LAUNCH_TTL_MS } from '../../electron/serve/launch'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { BIN, ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

const tmp = tempDir('handover-serve-launch-')
afterAll(() => tmp.cleanup())

/** GET a launch address as a browser's first visit would (no cookie unless given). */
function open(url: string, cookie?: string) {
  return request(url, { headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none', ...(cookie ? { cookie } : {}) } })
}

function api(server: BrowserServer, method: string, cookie?: string) {
  return request(`${server.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: '{}' })
}

describe('the launch address', () => {
  let server: BrowserServer
  beforeAll(async () => {
    server = await startServer({ workspaceDir: join(tmp.dir, 'ws') })
  })
  afterAll(() => server.close())

  it('becomes an HttpOnly, SameSite=Strict session cookie named after the port, once', async () => {
    const first = await open(server.url)
    expect(first.statusCode).toBe(303)
    expect(first.headers.location).toBe('/')
    const setCookie = String(first.headers['set-cookie'])
    expect(setCookie).toMatch(new RegExp(`^handover_session_${server.port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`))
    await first.body.text()
    const cookie = setCookie.split(';')[0]
    // the cookie is the session: API calls need no token
    const ok = await api(server, 'listEngagements', cookie)
    expect(ok.statusCode).toBe(200)
    expect(await ok.body.json()).toMatchObject({ ok: true })
    // the same browser reloading its launch address just goes on, with no new session
    const again = await open(server.url, cookie)
    expect([again.statusCode, again.headers['set-cookie']]).toEqual([303, undefined])
    await again.body.text()

    // a copied launch address opens nothing: no cookie, no session
    const copied = await open(server.url)
    expect(copied.statusCode).toBe(403)
    expect(copied.headers['set-cookie']).toBeUndefined()
    expect(await copied.body.text()).toContain('This launch address was already used')
    // and without the cookie the API refuses
    const none = await api(server, 'listEngagements')
    expect(none.statusCode).toBe(403)
    await none.body.text()
  })

  it('refuses made-up codes, a cookie from another port, and a cross-site request carrying the cookie', async () => {
    const made = await open(`${server.origin}/launch/${'A'.repeat(43)}`)
    expect(made.statusCode).toBe(403)
    await made.body.text()
    const r = await open(server.newLaunchUrl())
    const cookie = String(r.headers['set-cookie']).split(';')[0]
    await r.body.text()
    const otherPort = cookie.replace(`handover_session_${server.port}=`, `handover_session_${server.port + 1}=`)
    expect((await api(server, 'listEngagements', otherPort)).statusCode).toBe(403)
    const cross = await request(`${server.origin}/api/listEngagements`, { method: 'POST', headers: { cookie, 'sec-fetch-site': 'cross-site' }, body: '{}' })
    expect(cross.statusCode).toBe(403)
    await cross.body.text()
    // the page's probe answers without a session, so it can explain itself
    const probe = await request(`${server.origin}/api/session`)
    expect(await probe.body.json()).toEqual({ session: false })
  })

  it('expires an unused code', () => {
    const s = new Sessions(4242)
    const code = s.mintCode(0)
    expect(s.redeem(code, LAUNCH_TTL_MS + 1)).toBeNull()
    const fresh = s.mintCode(0)
    expect(s.redeem(fresh, 1000)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(s.redeem(fresh, 1001)).toBeNull()
  })
})

/** The command lines of `pid` and every process below it (what `ps` shows another user). */
function commandLines(pid: number): string[] {
  const children = (p: number): number[] => {
    const dir = `/proc/${p}/task`
    if (!existsSync(dir)) return []
    return readdirSync(dir).flatMap((t) => {
      try {
        return readFileSync(`${dir}/${t}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number)
      } catch {
        return []
      }
    })
  }
  const out: string[] = []
  const walk = (p: number) => {
    try {
      out.push(readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' '))
    } catch {
      // exited meanwhile
    }
    for (const c of children(p)) walk(c)
  }
  walk(pid)
  return out
}

describe.runIf(process.platform === 'linux')('handover serve opens the browser without a secret on any command line', () => {
  let child: ChildProcess
  let stdout = ''
  const bin = join(tmp.dir, 'bin')
  const record = join(tmp.dir, 'xdg-open.log')

  beforeAll(async () => {
    // A stand-in for the system browser opener: records its arguments and its own command line, and stays alive a moment.
    mkdirSync(bin, { recursive: true })
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${record}.tmp"\ntr '\\0' ' ' < /proc/$$/cmdline >> "${record}.tmp"\nmv "${record}.tmp" "${record}"\nsleep 5\n`)
    chmodSync(join(bin, 'xdg-open'), 0o755)
    child = spawn(process.execPath, [BIN, '--workspace', join(tmp.dir, 'serve-ws'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (d) => (stdout += d))
    // bounded wait for the opener to have run
    for (let i = 0; i < 200 && !existsSync(record); i++) await new Promise((r) => setTimeout(r, 50))
  })
  afterAll(() => {
    child?.kill('SIGTERM')
  })

  it('gives xdg-open a private launch file, shows no code or token in ps, and the address opens one session', async () => {
    expect(existsSync(record)).toBe(true)
    const url = /(http:\/\/127\.0\.0\.1:\d+\/launch\/[A-Za-z0-9_-]+)/.exec(stdout)?.[1]
    expect(url, stdout).toBeTruthy()
    const code = url!.split('/launch/')[1]
    // what every process of the serve tree shows on its command line, while the opener is still running
    const lines = commandLines(child.pid!)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.some((l) => l.includes('xdg-open'))).toBe(true)
    for (const l of lines) {
      expect(l).not.toContain(code)
      expect(l).not.toMatch(/token|launch\//)
    }
    // xdg-open got a file path only: a 0600 file in a 0700 folder, forwarding to the launch address
    const [file, ownCmdline] = readFileSync(record, 'utf8').trim().split('\n')
    expect(ownCmdline).not.toContain(code)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700)
    expect(readFileSync(file, 'utf8')).toContain(`content="0;url=${url}"`)
    // the browser that follows it gets the session; the launch file is gone once used; a copy opens nothing
    const first = await open(url!)
    expect(first.statusCode).toBe(303)
    await first.body.text()
    expect(existsSync(file)).toBe(false)
    const copied = await open(url!)
    expect(copied.statusCode).toBe(403)
    await copied.body.text()
  })
})
