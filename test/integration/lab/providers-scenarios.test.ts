import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { createRepos, reposSchema } from '../../../electron/lab/git'
import { providersSchema, startProviders, type ProviderServer } from '../../../electron/lab/providers'
import { loadScenario } from '../../../electron/lab/scenario/load'

/** The bundled scenarios' `providers:` and `repos:` sections say what their comments claim. */
const open: ProviderServer[] = []
const dirs: string[] = []
afterAll(async () => {
  await Promise.all(open.map((p) => p.close()))
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

async function start(name: string) {
  const s = loadScenario(name)
  const p = await startProviders(s.providers, { domains: s.domains })
  open.push(p)
  return { s, p }
}

type Obj = Record<string, unknown>
const json = async (url: string, token: string) => (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as Obj

describe('bundled scenarios: providers', () => {
  it('demo: Flexible SSL, an exposed origin, API cache-everything, no rate limit, founder not owner', async () => {
    const { p } = await start('demo')
    const t = p.credentials.cloudflare
    const zone = ((await json(`${p.urls.cloudflare}/zones?name=acme-launch.example`, t)).result as Obj[])[0]
    const base = `${p.urls.cloudflare}/zones/${zone.id as string}`
    expect(((await json(`${base}/settings/ssl`, t)).result as Obj).value).toBe('flexible')
    const records = (await json(`${base}/dns_records`, t)).result as Obj[]
    expect(records.find((r) => r.name === 'origin.acme-launch.example')).toMatchObject({ proxied: false, content: '127.0.80.1' })
    const phases = ((await json(`${base}/rulesets`, t)).result as Obj[]).map((r) => r.phase)
    expect(phases).toContain('http_request_cache_settings')
    expect(phases).not.toContain('http_ratelimit')
    const account = ((zone.account as Obj).id) as string
    const members = (await json(`${p.urls.cloudflare}/accounts/${account}/members`, t)).result as { user: { email: string }; roles: { name: string }[] }[]
    expect(members.find((m) => m.user.email === 'founder@acme-launch.example')?.roles.map((r) => r.name)).toEqual(['Administrator'])
    const rdap = (await (await fetch(`${p.urls.rdapBootstrap?.replace('bootstrap/dns.json', '')}domain/acme-launch.example`)).json()) as { status: string[] }
    expect(rdap.status).not.toContain('client transfer prohibited')
    const project = await json(`${p.urls.vercel}/v9/projects/acme-web`, p.credentials.vercel)
    const deps = (await json(`${p.urls.vercel}/v6/deployments?projectId=${project.id as string}&target=production`, p.credentials.vercel)).deployments as Obj[]
    expect(deps).toHaveLength(1)
    expect(p.credentials).not.toHaveProperty('netlify')
  })

  it('healthy: strict SSL, a rate limit, the founder is Super Administrator, rollback targets', async () => {
    const { p } = await start('healthy')
    const t = p.credentials.cloudflare
    const zone = ((await json(`${p.urls.cloudflare}/zones?name=tidy.example`, t)).result as Obj[])[0]
    expect(((await json(`${p.urls.cloudflare}/zones/${zone.id as string}/settings/ssl`, t)).result as Obj).value).toBe('strict')
    const phases = ((await json(`${p.urls.cloudflare}/zones/${zone.id as string}/rulesets`, t)).result as Obj[]).map((r) => r.phase)
    expect(phases).toContain('http_ratelimit')
    const project = await json(`${p.urls.vercel}/v9/projects/tidy-web`, p.credentials.vercel)
    const deps = (await json(`${p.urls.vercel}/v6/deployments?projectId=${project.id as string}&target=production`, p.credentials.vercel)).deployments as Obj[]
    expect(deps.filter((d) => d.readyState === 'READY').length).toBeGreaterThan(1)
  })

  it('hostile: 429 with Retry-After, 500, invalid JSON, 401, resets', async () => {
    const { p } = await start('hostile')
    const h = { authorization: `Bearer ${p.credentials.cloudflare}` }
    const limited = await fetch(`${p.urls.cloudflare}/user/tokens/verify`, { headers: h })
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1'])
    expect((await fetch(`${p.urls.cloudflare}/zones`, { headers: h })).status).toBe(429)
    expect((await fetch(`${p.urls.cloudflare}/zones/x/dns_records`, { headers: h })).status).toBe(500)
    const bad = await (await fetch(`${p.urls.cloudflare}/zones/x/settings/ssl`, { headers: h })).text()
    expect(() => JSON.parse(bad)).toThrow()
    expect((await fetch(`${p.urls.vercel}/v9/projects`, { headers: { authorization: `Bearer ${p.credentials.vercel}` } })).status).toBe(401)
    await expect(fetch(`${p.urls.betterstack}/monitors`, { headers: { authorization: `Bearer ${p.credentials.betterstack}` } })).rejects.toThrow()
  })
})

describe('bundled scenarios: repos', () => {
  it('demo: the AWS key is gone from HEAD but in history; healthy has none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handover-scn-'))
    dirs.push(dir)
    const demo = await createRepos(loadScenario('demo').repos, join(dir, 'demo'))
    const git = (cwd: string, ...a: string[]) => execFileSync('git', a, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } })
    const web = demo.repos['acme-web']
    expect(git(web, 'show', 'HEAD:lib/s3.ts')).not.toMatch(/AKIA/)
    expect(git(web, 'log', '-p', '--all')).toMatch(/accessKeyId: 'AKIA[0-9A-Z]{16}'/)
    const healthy = await createRepos(loadScenario('healthy').repos, join(dir, 'healthy'))
    expect(git(healthy.repos['tidy-web'], 'log', '-p', '--all')).not.toMatch(/AKIA|sk_live_|PRIVATE KEY/)
    const hostile = await createRepos(loadScenario('hostile').repos, join(dir, 'hostile'))
    expect(git(hostile.repos['chaos-web'], 'log', '-p', '--all')).toContain('BEGIN OPENSSH PRIVATE KEY')
  }, 30_000)
})

describe('docs/lab-scenarios.md "providers and repos" example', () => {
  it('parses with the schemas and serves what it says', async () => {
    const md = readFileSync(join(__dirname, '../../../docs/lab-scenarios.md'), 'utf8')
    const block = /```yaml\n([\s\S]*?)```/.exec(md.slice(md.indexOf('## providers and repos')))
    expect(block).not.toBeNull()
    const doc = parseYaml((block as RegExpExecArray)[1]) as { providers: unknown; repos: unknown }
    const p = await startProviders(providersSchema.parse(doc.providers), { domains: ['example.test'] })
    open.push(p)
    const h = { authorization: `Bearer ${p.credentials.cloudflare}` }
    expect((await fetch(`${p.urls.cloudflare}/zones`, { headers: h })).status).toBe(429)
    const zones = (await (await fetch(`${p.urls.cloudflare}/zones`, { headers: h })).json()) as { result: { name: string }[] }
    expect(zones.result.map((z) => z.name)).toEqual(['example.test'])
    expect(Object.keys(reposSchema.parse(doc.repos))).toEqual(['web'])
  })
})
