import { ProviderError } from '../errors'
import type { FetchFn } from '../fetch'
import { requestJson } from '../request'
import { coversAny, type DeployState, type Deployment, type EnvVarName, type HostingClient, type HostingSnapshot } from './types'

export const NETLIFY_API = 'https://api.netlify.com/api/v1'
const MAX_PAGES = 5
const PER_PAGE = 100

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined)

export interface NetlifyOptions {
  token: string
  fetch: FetchFn
  baseURL?: string
  timeoutMs: number
  signal?: AbortSignal
}

/** Read-only Netlify REST calls: sites, deploys, env var names, custom domains. */
export class NetlifyClient implements HostingClient {
  constructor(private readonly o: NetlifyOptions) {}

  /** A paged array endpoint: page=N until a short page or no rel="next" Link. */
  private async list(path: string, query: Record<string, string> = {}, pages = MAX_PAGES): Promise<unknown[]> {
    const out: unknown[] = []
    for (let page = 1; page <= pages; page++) {
      const url = new URL(`${(this.o.baseURL ?? NETLIFY_API).replace(/\/$/, '')}${path}`)
      for (const [k, v] of Object.entries({ ...query, page: String(page), per_page: String(PER_PAGE) })) url.searchParams.set(k, v)
      const res = await requestJson({ provider: 'netlify', fetch: this.o.fetch, url: url.href, signal: this.o.signal, timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${this.o.token}` } })
      if (!Array.isArray(res.body)) throw new ProviderError('netlify', 'invalid_response', `Netlify answered ${path} without a list`)
      out.push(...res.body)
      const link = res.headers.get('link') ?? ''
      if (res.body.length < PER_PAGE || (link && !/rel="?next"?/.test(link))) break
    }
    return out
  }

  /** Find the site serving the hosts and gather its production facts. */
  async snapshot(hosts: string[]): Promise<HostingSnapshot | null> {
    const sites = (await this.list('/sites')).map(obj)
    const names = (s: Obj) => [str(s.custom_domain), ...(Array.isArray(s.domain_aliases) ? s.domain_aliases.map(String) : [])].filter((d): d is string => !!d)
    const site = sites.find((s) => coversAny(names(s), hosts)) ?? (sites.length === 1 ? sites[0] : undefined)
    if (!site) return null
    const id = String(site.id)
    const deploys = (await this.list(`/sites/${encodeURIComponent(id)}/deploys`, {}, 1)).map(toNetlifyDeploy)
    const production = deploys.filter((d) => d.context === 'production').map((d) => d.deployment)
    production.sort((a, b) => Date.parse(b.createdAt ?? '0') - Date.parse(a.createdAt ?? '0'))
    const slug = str(site.account_slug)
    const env = slug ? (await this.list(`/accounts/${encodeURIComponent(slug)}/env`, { site_id: id }, 1)).map(toNetlifyEnvName) : []
    const owner = await this.owner()
    return {
      provider: 'netlify',
      project: { id, name: str(site.name) ?? id },
      productionBranch: str(obj(site.build_settings).repo_branch),
      deployments: production,
      currentId: str(obj(site.published_deploy).id),
      env,
      domains: names(site).map((name) => ({ name: name.toLowerCase() })),
      ...(owner ? { owner } : {}),
    }
  }

  /** The token's user (GET /user), best effort. */
  private async owner(): Promise<string | undefined> {
    try {
      const url = `${(this.o.baseURL ?? NETLIFY_API).replace(/\/$/, '')}/user`
      const res = await requestJson({ provider: 'netlify', fetch: this.o.fetch, url, signal: this.o.signal, timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${this.o.token}` } })
      return str(obj(res.body).email)
    } catch {
      return undefined
    }
  }
}

function netlifyState(s: string): DeployState {
  if (s === 'ready') return 'ready'
  if (s === 'error') return 'error'
  if (['new', 'pending_review', 'accepted', 'enqueued', 'building', 'uploading', 'uploaded', 'preparing', 'prepared', 'processing', 'processed'].includes(s)) return 'building'
  if (s === 'rejected' || s === 'retrying' || s === 'canceled') return 'canceled'
  return 'other'
}

/** A Netlify deploy → our shape plus its context (production, deploy-preview, branch-deploy). */
export function toNetlifyDeploy(v: unknown): { context: string; deployment: Deployment } {
  const d = obj(v)
  const raw = String(d.state ?? '')
  return {
    context: String(d.context ?? ''),
    deployment: { id: String(d.id ?? ''), state: netlifyState(raw), rawState: raw, createdAt: str(d.created_at), url: str(d.deploy_ssl_url) ?? str(d.deploy_url), branch: str(d.branch) },
  }
}

const CONTEXTS: Record<string, string[]> = {
  all: ['production', 'preview', 'development'],
  production: ['production'],
  'deploy-preview': ['preview'],
  'branch-deploy': ['preview'],
  dev: ['development'],
}

/** A Netlify env entry → its KEY and environments; `values` (the secrets) are dropped here. */
export function toNetlifyEnvName(v: unknown): EnvVarName {
  const e = obj(v)
  const contexts = Array.isArray(e.values) ? e.values.map((x) => String(obj(x).context ?? '')) : []
  const envs = new Set(contexts.flatMap((c) => CONTEXTS[c] ?? (c.startsWith('branch') ? ['preview'] : [])))
  if (envs.size === 0 && Array.isArray(e.scopes) && e.scopes.length) envs.add('production')
  return { name: String(e.key ?? ''), environments: [...envs] }
}
