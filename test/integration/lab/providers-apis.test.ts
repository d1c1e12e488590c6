import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProviders, type ProviderServer } from '../../../electron/lab/providers'
import { DOMAINS, fixture } from './providers-fixture'

type Obj = Record<string, unknown>
let lab: ProviderServer

beforeAll(async () => {
  lab = await startProviders(fixture(), { domains: DOMAINS })
})
afterAll(async () => {
  await lab?.close()
})

const bearer = (t: string) => ({ authorization: `Bearer ${t}` })

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, { headers })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers }
}

async function post(url: string, form: Record<string, string>): Promise<{ status: number; body: Obj }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() })
  return { status: res.status, body: (await res.json()) as Obj }
}

describe('credentials: random per start, required by every provider', () => {
  it('hands out distinct, provider-shaped tokens', async () => {
    const other = await startProviders(fixture(), { domains: DOMAINS })
    try {
      expect(Object.keys(lab.credentials).sort()).toEqual(['betterstack', 'cloudflare', 'netlify', 'uptimerobot', 'vercel'])
      expect(lab.credentials.netlify).toMatch(/^nfp_/)
      expect(lab.credentials.uptimerobot).toMatch(/^u\d+-[0-9a-f]{24}$/)
      for (const k of Object.keys(lab.credentials)) expect(other.credentials[k]).not.toBe(lab.credentials[k])
      expect(other.urls.cloudflare).not.toBe(lab.urls.cloudflare)
    } finally {
      await other.close()
    }
  })

  it('rejects a missing or wrong token with each provider’s own error shape', async () => {
    const cf = await get(`${lab.urls.cloudflare}/zones`)
    expect(cf.status).toBe(400)
    expect(cf.body).toMatchObject({ success: false, result: null, errors: [{ code: 9106 }] })
    expect((await get(`${lab.urls.cloudflare}/user/tokens/verify`, bearer('nope'))).body).toMatchObject({ success: false, errors: [{ code: 1000, message: 'Invalid API Token' }] })
    const v = await get(`${lab.urls.vercel}/v9/projects`, bearer('nope'))
    expect(v).toMatchObject({ status: 403, body: { error: { code: 'forbidden', invalidToken: true } } })
    expect(await get(`${lab.urls.netlify}/sites`, bearer('nope'))).toMatchObject({ status: 401, body: { code: 401, message: 'Access Denied' } })
    expect((await get(`${lab.urls.betterstack}/monitors`)).status).toBe(401)
    const ur = await post(`${lab.urls.uptimerobot}/getMonitors`, { api_key: 'nope', format: 'json' })
    // UptimeRobot says "fail" inside a 200, like the real service.
    expect(ur).toMatchObject({ status: 200, body: { stat: 'fail', error: { type: 'invalid_parameter', parameter_name: 'api_key' } } })
  })
})

describe('Cloudflare envelopes and pagination', () => {
  it('pages dns_records with page/per_page and result_info', async () => {
    const h = bearer(lab.credentials.cloudflare)
    const zone = ((await get(`${lab.urls.cloudflare}/zones?name=launch.example`, h)).body as { result: Obj[] }).result[0]
    const p1 = (await get(`${lab.urls.cloudflare}/zones/${zone.id as string}/dns_records?per_page=5`, h)).body as { result: Obj[]; result_info: Obj }
    expect(p1.result).toHaveLength(5)
    expect(p1.result_info).toEqual({ page: 1, per_page: 5, count: 5, total_count: 8, total_pages: 2 })
    const p2 = (await get(`${lab.urls.cloudflare}/zones/${zone.id as string}/dns_records?per_page=5&page=2`, h)).body as { result: Obj[] }
    expect(p2.result).toHaveLength(3)
    expect(new Set([...p1.result, ...p2.result].map((r) => r.id)).size).toBe(8)
  })

  it('serves the token policies only when the token may read itself', async () => {
    const h = bearer(lab.credentials.cloudflare)
    const id = ((await get(`${lab.urls.cloudflare}/user/tokens/verify`, h)).body as { result: { id: string } }).result.id
    const t = (await get(`${lab.urls.cloudflare}/user/tokens/${id}`, h)).body as { result: { policies: { permission_groups: { name: string }[] }[] } }
    expect(t.result.policies[0].permission_groups.map((g) => g.name)).toContain('Zone Read')
    expect((await get(`${lab.urls.cloudflare}/user/tokens/0000`, h)).status).toBe(403)
  })
})

describe('Vercel', () => {
  const h = () => bearer(lab.credentials.vercel)

  it('pages projects with pagination.next / until', async () => {
    const p1 = (await get(`${lab.urls.vercel}/v9/projects`, h())).body as { projects: Obj[]; pagination: { next: number | null } }
    expect(p1.projects).toHaveLength(20)
    expect(p1.pagination.next).toEqual(expect.any(Number))
    const p2 = (await get(`${lab.urls.vercel}/v9/projects?until=${p1.pagination.next}`, h())).body as { projects: Obj[]; pagination: { next: number | null } }
    expect(p2.projects).toHaveLength(5)
    expect(p2.pagination.next).toBeNull()
    expect(new Set([...p1.projects, ...p2.projects].map((p) => p.id)).size).toBe(25)
  })

  it('serves a project, its production deployments, domains and env var names', async () => {
    const project = (await get(`${lab.urls.vercel}/v9/projects/launch-web`, h())).body as Obj
    expect(project).toMatchObject({ name: 'launch-web', link: { productionBranch: 'main' } })
    const id = project.id as string
    const deps = (await get(`${lab.urls.vercel}/v6/deployments?projectId=${id}&target=production`, h())).body as { deployments: Obj[] }
    expect(deps.deployments.map((d) => d.readyState)).toEqual(['READY', 'ERROR'])
    expect((project.targets as { production: { id: string } }).production.id).toBe(deps.deployments[0].uid)
    const domains = (await get(`${lab.urls.vercel}/v9/projects/${id}/domains`, h())).body as { domains: Obj[] }
    expect(domains.domains.map((d) => d.name).sort()).toEqual(['launch.example', 'www.launch.example'])
    const env = (await get(`${lab.urls.vercel}/v10/projects/${id}/env`, h())).body as { envs: Obj[] }
    const byKey = Object.fromEntries(env.envs.map((e) => [e.key, e]))
    expect(byKey.NEXT_PUBLIC_STRIPE_SECRET_KEY).toMatchObject({ type: 'plain', target: ['production', 'preview', 'development'] })
    expect(String(byKey.NEXT_PUBLIC_STRIPE_SECRET_KEY.value)).toContain(lab.canaries[0])
    expect(String(byKey.DATABASE_URL.value)).toContain(lab.canaries[0])
    expect(byKey.OPENAI_API_KEY).not.toHaveProperty('value')
    expect(await get(`${lab.urls.vercel}/v9/projects/absent`, h())).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
  })
})

describe('Netlify', () => {
  const h = () => bearer(lab.credentials.netlify)

  it('pages sites with page/per_page and a Link header', async () => {
    const p1 = await get(`${lab.urls.netlify}/sites?per_page=3`, h())
    expect(p1.body).toHaveLength(3)
    expect(p1.headers.get('link')).toMatch(/<[^>]*[?&]page=2[^>]*>; rel="next"/)
    const p2 = await get(`${lab.urls.netlify}/sites?per_page=3&page=2`, h())
    expect(p2.body).toHaveLength(1)
    expect(p2.headers.get('link')).not.toMatch(/rel="next"/)
  })

  it('serves the site, its deploys and env vars with values per context', async () => {
    const sites = (await get(`${lab.urls.netlify}/sites`, h())).body as Obj[]
    const site = sites.find((s) => s.name === 'launch-docs') as Obj
    expect(site).toMatchObject({ custom_domain: 'docs.launch.example', domain_aliases: ['help.launch.example'], account_slug: 'launch-co', build_settings: { repo_branch: 'main' } })
    const deploys = (await get(`${lab.urls.netlify}/sites/${site.id as string}/deploys`, h())).body as Obj[]
    expect(deploys.filter((d) => d.context === 'production' && d.state === 'ready')).toHaveLength(2)
    expect((site.published_deploy as Obj).id).toBe(deploys[0].id)
    const env = (await get(`${lab.urls.netlify}/accounts/launch-co/env?site_id=${site.id as string}`, h())).body as { key: string; is_secret: boolean; values: { value: string; context: string }[] }[]
    expect(env.map((e) => e.key)).toEqual(['VITE_API_URL', 'STRIPE_SECRET_KEY'])
    expect(env[0].values[0].value).toContain(lab.canaries[0])
    expect(env[1]).toMatchObject({ is_secret: true, values: [{ context: 'production', value: '' }] })
  })
})

describe('UptimeRobot and Better Stack', () => {
  it('UptimeRobot: monitors with contacts and SSL reminders, offset paging, alert contacts', async () => {
    const key = lab.credentials.uptimerobot
    const all = await post(`${lab.urls.uptimerobot}/getMonitors`, { api_key: key, format: 'json', alert_contacts: '1', ssl: '1' })
    expect(all.body).toMatchObject({ stat: 'ok', pagination: { offset: 0, limit: 50, total: 3 } })
    const monitors = all.body.monitors as Obj[]
    expect(monitors[0]).toMatchObject({ friendly_name: 'Homepage', type: 1, status: 2, ssl_expiration_reminder: 0, alert_contacts: [{ id: '0100', type: 2 }] })
    expect(monitors[2]).toMatchObject({ status: 0 })
    const page = await post(`${lab.urls.uptimerobot}/getMonitors`, { api_key: key, offset: '2', limit: '1' })
    expect((page.body.monitors as Obj[]).map((m) => m.friendly_name)).toEqual(['Old staging'])
    const contacts = await post(`${lab.urls.uptimerobot}/getAlertContacts`, { api_key: key })
    expect(contacts.body).toMatchObject({ stat: 'ok', alert_contacts: [{ id: '0100', type: 2, status: 2 }] })
  })

  it('Better Stack: JSON:API monitors with pagination.next and a single monitor', async () => {
    const h = bearer(lab.credentials.betterstack)
    const p1 = (await get(`${lab.urls.betterstack}/monitors?per_page=1`, h)).body as { data: { id: string; type: string; attributes: Obj }[]; pagination: { next: string | null } }
    expect(p1.data[0]).toMatchObject({ type: 'monitor', attributes: { url: 'https://launch.example/', ssl_expiration: 14, email: true } })
    expect(p1.pagination.next).toMatch(/page=2/)
    const p2 = (await get(p1.pagination.next as string, h)).body as { data: { attributes: Obj }[]; pagination: { next: string | null } }
    expect(p2.data[0].attributes).toMatchObject({ url: 'https://launch.example/login', policy_id: '42' })
    expect(p2.pagination.next).toBeNull()
    expect(((await get(`${lab.urls.betterstack}/monitors/${p1.data[0].id}`, h)).body as { data: Obj }).data.id).toBe(p1.data[0].id)
    expect((await get(`${lab.urls.betterstack}/monitors/1`, h)).status).toBe(404)
  })
})
