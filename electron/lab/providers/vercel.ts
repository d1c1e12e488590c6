import { cursorPage } from './paging'
import type { ApiReply, ProviderApi, World } from './types'
import { bearerToken, keyValid, stableId } from './world'

type Obj = Record<string, unknown>
type ProjectSpec = NonNullable<World['spec']['vercel']>['projects'][number]

const vErr = (status: number, code: string, message: string, extra: Obj = {}): ApiReply => ({ status, body: { error: { code, message, ...extra } } })

const projectId = (p: ProjectSpec) => `prj_${stableId(`vercel:${p.name}`, 28)}`
const projects = (w: World) => w.spec.vercel?.projects ?? []

/** Deployments of a project, newest first (default ages: 2 h, then a day apart). */
function deployments(w: World, p: ProjectSpec): Obj[] {
  return p.deployments.map((d, i) => {
    const created = w.now - (d.hoursAgo ?? 2 + i * 24) * 3_600_000
    const uid = `dpl_${stableId(`vercel:${p.name}:${i}`, 28)}`
    return {
      uid,
      name: p.name,
      url: `${p.name}-${uid.slice(4, 13).toLowerCase()}-launch-co.vercel.app`,
      created,
      createdAt: created,
      buildingAt: created + 1_000,
      ready: d.state === 'READY' ? created + 60_000 : undefined,
      state: d.state,
      readyState: d.state,
      type: 'LAMBDAS',
      target: d.target === 'production' ? 'production' : null,
      source: 'git',
      creator: { uid: stableId('vercel-user', 24), username: 'founder' },
      meta: { githubCommitRef: d.branch ?? (d.target === 'production' ? p.productionBranch : 'feature'), githubCommitSha: stableId(`sha:${uid}`, 40) },
      inspectorUrl: `https://vercel.com/launch-co/${p.name}/${uid.slice(4)}`,
    }
  })
}

function projectObject(w: World, p: ProjectSpec): Obj {
  const index = Math.max(0, projects(w).indexOf(p))
  const prod = deployments(w, p).find((d) => d.target === 'production' && d.readyState === 'READY')
  const created = w.now - 90 * 24 * 3_600_000
  return {
    id: projectId(p),
    name: p.name,
    accountId: `team_${stableId('vercel-team', 24)}`,
    framework: p.framework,
    createdAt: created,
    // Distinct timestamps: the cursor pages by them.
    updatedAt: w.now - (index + 1) * 3_600_000,
    nodeVersion: '20.x',
    link: { type: 'github', org: 'launch-co', repo: p.name, repoId: 1000, productionBranch: p.productionBranch, createdAt: created },
    targets: prod ? { production: { id: prod.uid, url: prod.url, readyState: prod.readyState, createdAt: prod.createdAt, target: 'production', alias: domainNames(p) } } : {},
  }
}

const domainNames = (p: ProjectSpec) => p.domains.map((d) => (typeof d === 'string' ? d : d.name))

/** Env vars: values never in the clear for encrypted/sensitive ones, and every value carries the canary. */
function envObjects(w: World, p: ProjectSpec): Obj[] {
  const canary = w.canaries[0]
  return p.env.map((e, i) => {
    const o: Obj = { id: stableId(`env:${p.name}:${e.key}`, 16), key: e.key, type: e.type, target: e.target, configurationId: null, createdAt: w.now - (30 - i) * 3_600_000, updatedAt: w.now - 3_600_000, decrypted: false }
    // Like the real API: plain values in the clear, encrypted ones as an opaque blob, sensitive ones omitted.
    if (e.type === 'plain') o.value = `${canary}_${e.key}`
    else if (e.type === 'encrypted' || e.type === 'secret') o.value = `enc:v2:${canary}:${Buffer.from(e.key).toString('base64')}`
    return o
  })
}

function findProject(w: World, idOrName: string): ProjectSpec | undefined {
  return projects(w).find((p) => projectId(p) === idOrName || p.name === idOrName)
}

const notFound = () => vErr(404, 'not_found', 'Project not found')

/** Vercel REST API (the read-only calls the checks make). */
export const vercelApi: ProviderApi = {
  name: 'vercel',
  prefix: '/vercel',
  auth(req, world) {
    const token = bearerToken(req.headers)
    if (!token) return vErr(403, 'forbidden', 'The request is missing an authentication token', { missingToken: true })
    if (!keyValid(world, 'vercel', token)) return vErr(403, 'forbidden', 'Not authorized', { invalidToken: true })
    return undefined
  },
  error(status, message) {
    if (status === 429) return vErr(429, 'rate_limited', message, { limit: { remaining: 0, reset: Math.floor(Date.now() / 1000) + 60, total: 100 } })
    if (status === 401 || status === 403) return vErr(status, 'forbidden', 'Not authorized', { invalidToken: true })
    if (status === 404) return vErr(404, 'not_found', message)
    return vErr(status, status >= 500 ? 'internal_server_error' : 'bad_request', message)
  },
  routes: [
    { method: 'GET', pattern: '/v2/user', handle: (_r, _p, w) => ({ status: 200, body: { user: { id: stableId('vercel-user', 24), email: w.spec.vercel?.user ?? 'founder@example.com', name: 'Founder', username: 'founder' } } }) },
    {
      method: 'GET',
      pattern: '/v9/projects',
      handle: (req, _p, w) => {
        const all = projects(w).map((p) => projectObject(w, p))
        const { page, pagination } = cursorPage(req, all, (o) => o.updatedAt as number)
        return { status: 200, body: { projects: page, pagination } }
      },
    },
    {
      method: 'GET',
      pattern: '/v9/projects/:id',
      handle: (_req, params, w) => {
        const p = findProject(w, params.id)
        return p ? { status: 200, body: projectObject(w, p) } : notFound()
      },
    },
    {
      method: 'GET',
      pattern: '/v9/projects/:id/domains',
      handle: (req, params, w) => {
        const p = findProject(w, params.id)
        if (!p) return notFound()
        const list = p.domains.map((d, i) => {
          const o = typeof d === 'string' ? { name: d, verified: true } : d
          const createdAt = w.now - (60 - i) * 24 * 3_600_000
          return { name: o.name, apexName: o.name.split('.').slice(-2).join('.'), projectId: projectId(p), redirect: 'redirect' in o ? (o.redirect ?? null) : null, redirectStatusCode: 'redirect' in o && o.redirect ? 308 : null, gitBranch: null, verified: o.verified, createdAt, updatedAt: createdAt }
        })
        const { page, pagination } = cursorPage(req, list, (o) => o.createdAt)
        return { status: 200, body: { domains: page, pagination } }
      },
    },
    {
      method: 'GET',
      pattern: '/v10/projects/:id/env',
      handle: (_req, params, w) => {
        const p = findProject(w, params.id)
        return p ? { status: 200, body: { envs: envObjects(w, p) } } : notFound()
      },
    },
    {
      method: 'GET',
      pattern: '/v6/deployments',
      handle: (req, _p, w) => {
        const pid = req.query.get('projectId')
        const target = req.query.get('target')
        const state = req.query.get('state')?.split(',')
        const chosen = pid ? projects(w).filter((p) => projectId(p) === pid || p.name === pid) : projects(w)
        const all = chosen.flatMap((p) => deployments(w, p)).filter((d) => (!target || d.target === target) && (!state || state.includes(String(d.readyState))))
        const { page, pagination } = cursorPage(req, all, (d) => d.created as number)
        return { status: 200, body: { deployments: page, pagination } }
      },
    },
  ],
}
