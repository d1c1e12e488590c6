import { ProviderError } from '../errors'
import type { FetchFn } from '../fetch'
import { requestJson } from '../request'
import { coversAny, type DeployState, type Deployment, type EnvVarName, type HostingClient, type HostingSnapshot } from './types'

export const VERCEL_API = 'https://api.vercel.com'
const MAX_PAGES = 5
const MAX_PROJECTS_PROBED = 20

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})
const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

export interface VercelOptions {
  token: string
  fetch: FetchFn
  baseURL?: string
  timeoutMs: number
  signal?: AbortSignal
}

/** Read-only Vercel REST calls: projects, production deployments, env var names, domains. */
export class VercelClient implements HostingClient {
  constructor(private readonly o: VercelOptions) {}

  private async get(path: string, listKey: string, query: Record<string, string> = {}): Promise<unknown[]> {
    const out: unknown[] = []
    let until: string | undefined
    for (let n = 0; n < MAX_PAGES; n++) {
      const url = new URL(`${(this.o.baseURL ?? VERCEL_API).replace(/\/$/, '')}${path}`)
      for (const [k, v] of Object.entries({ ...query, ...(until ? { until } : {}) })) url.searchParams.set(k, v)
      const res = await requestJson({ provider: 'vercel', fetch: this.o.fetch, url: url.href, signal: this.o.signal, timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${this.o.token}` } })
      const list = obj(res.body)[listKey]
      if (!Array.isArray(list)) throw new ProviderError('vercel', 'invalid_response', `Vercel answered without a "${listKey}" list`)
      out.push(...list)
      const next = obj(obj(res.body).pagination).next
      if (next === null || next === undefined || list.length === 0) break
      until = String(next)
    }
    return out
  }

  /** Find the project serving the hosts and gather its production facts. */
  async snapshot(hosts: string[]): Promise<HostingSnapshot | null> {
    const projects = (await this.get('/v9/projects', 'projects', { limit: '100' })).map(obj)
    if (projects.length === 0) return null
    let chosen: { p: Obj; domains: { name: string; verified?: boolean }[] } | undefined
    for (const p of projects.slice(0, MAX_PROJECTS_PROBED)) {
      const domains = (await this.get(`/v9/projects/${encodeURIComponent(String(p.id))}/domains`, 'domains', { limit: '100' })).map((d) => ({
        name: String(obj(d).name ?? '').toLowerCase(),
        verified: typeof obj(d).verified === 'boolean' ? (obj(d).verified as boolean) : undefined,
      }))
      if (coversAny(domains.map((d) => d.name), hosts) || projects.length === 1) {
        chosen = { p, domains }
        if (coversAny(domains.map((d) => d.name), hosts)) break
      }
    }
    if (!chosen) return null
    const id = String(chosen.p.id)
    const deployments = (await this.get('/v6/deployments', 'deployments', { projectId: id, target: 'production', limit: '20' })).map(toDeployment)
    const env = (await this.get(`/v10/projects/${encodeURIComponent(id)}/env`, 'envs')).map(toEnvName)
    deployments.sort((a, b) => Date.parse(b.createdAt ?? '0') - Date.parse(a.createdAt ?? '0'))
    const current = str(obj(obj(chosen.p.targets).production).id)
    const owner = await this.owner()
    return {
      provider: 'vercel',
      project: { id, name: str(chosen.p.name) ?? id },
      productionBranch: str(obj(chosen.p.link).productionBranch),
      deployments,
      currentId: current ?? deployments.find((d) => d.state === 'ready')?.id,
      env,
      domains: chosen.domains,
      ...(owner ? { owner } : {}),
    }
  }

  /** The token's user (GET /v2/user), best effort: a token without that scope still audits. */
  private async owner(): Promise<string | undefined> {
    try {
      const url = `${(this.o.baseURL ?? VERCEL_API).replace(/\/$/, '')}/v2/user`
      const res = await requestJson({ provider: 'vercel', fetch: this.o.fetch, url, signal: this.o.signal, timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${this.o.token}` } })
      return str(obj(obj(res.body).user).email)
    } catch {
      return undefined
    }
  }
}

function vercelState(s: string): DeployState {
  if (s === 'READY') return 'ready'
  if (s === 'ERROR') return 'error'
  if (s === 'BUILDING' || s === 'QUEUED' || s === 'INITIALIZING') return 'building'
  if (s === 'CANCELED') return 'canceled'
  return 'other'
}

/** A Vercel deployment → our shape. */
export function toDeployment(v: unknown): Deployment {
  const d = obj(v)
  const raw = String(d.readyState ?? d.state ?? '')
  const created = isoTime(d.created) ?? isoTime(d.createdAt)
  return { id: String(d.uid ?? d.id ?? ''), state: vercelState(raw.toUpperCase()), rawState: raw, createdAt: created, url: str(d.url), branch: str(obj(d.meta).githubCommitRef) }
}

/** A Vercel env entry → its NAME and targets only; the value is dropped here, at the boundary. */
export function toEnvName(v: unknown): EnvVarName {
  const e = obj(v)
  const target = Array.isArray(e.target) ? e.target.map(String) : typeof e.target === 'string' ? [e.target] : []
  return { name: String(e.key ?? ''), environments: target, type: str(e.type) }
}

/** A millisecond timestamp as ISO text; undefined for anything that is not a valid date. */
function isoTime(v: unknown): string | undefined {
  if (typeof v !== 'number') return undefined
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}
