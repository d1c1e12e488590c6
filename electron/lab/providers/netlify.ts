import { numberedPage } from './paging'
import type { ApiReply, ApiRequest, ProviderApi, World } from './types'
import { bearerToken, hoursAgo, keyValid, stableId } from './world'

type Obj = Record<string, unknown>
type SiteSpec = NonNullable<World['spec']['netlify']>['sites'][number]

const nErr = (status: number, message: string): ApiReply => ({ status, body: { code: status, message } })
const sites = (w: World) => w.spec.netlify?.sites ?? []
const siteId = (s: SiteSpec) => stableId(`netlify:${s.name}`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')

/** Deploys of a site, newest first (default ages: 2 h, then a day apart). */
function deploys(w: World, s: SiteSpec): Obj[] {
  return s.deploys.map((d, i) => {
    const id = stableId(`netlify:${s.name}:${i}`, 24)
    const at = hoursAgo(w, d.hoursAgo ?? 2 + i * 24)
    return {
      id,
      site_id: siteId(s),
      name: s.name,
      state: d.state,
      context: d.context,
      branch: d.branch ?? (d.context === 'production' ? s.repoBranch : 'feature'),
      commit_ref: stableId(`sha:${id}`, 40),
      error_message: d.state === 'error' ? 'Build script returned non-zero exit code: 2' : null,
      created_at: at,
      updated_at: at,
      published_at: d.state === 'ready' && d.context === 'production' ? at : null,
      deploy_url: `http://${id}--${s.name}.netlify.app`,
      deploy_ssl_url: `https://${id}--${s.name}.netlify.app`,
      ssl_url: `https://${s.name}.netlify.app`,
    }
  })
}

function siteObject(w: World, s: SiteSpec): Obj {
  const published = deploys(w, s).find((d) => d.context === 'production' && d.state === 'ready')
  const id = siteId(s)
  return {
    id,
    site_id: id,
    name: s.name,
    state: 'current',
    url: s.customDomain ? `https://${s.customDomain}` : `https://${s.name}.netlify.app`,
    ssl_url: `https://${s.customDomain ?? `${s.name}.netlify.app`}`,
    admin_url: `https://app.netlify.com/sites/${s.name}`,
    custom_domain: s.customDomain ?? null,
    domain_aliases: s.domainAliases,
    account_slug: s.accountSlug,
    account_name: 'Launch Co',
    account_id: stableId(`netlify-account:${s.accountSlug}`, 24),
    ssl: true,
    force_ssl: true,
    published_deploy: published ? { id: published.id, state: published.state, context: 'production', branch: published.branch, published_at: published.published_at } : null,
    build_settings: { provider: 'github', repo_url: `https://github.com/launch-co/${s.name}`, repo_branch: s.repoBranch, cmd: 'npm run build', dir: 'dist' },
    created_at: hoursAgo(w, 24 * 90),
    updated_at: hoursAgo(w, 1),
  }
}

/** Env vars with their values per context; non-secret values carry the canary, secret ones are masked. */
function envObjects(w: World, s: SiteSpec): Obj[] {
  return s.env.map((e) => ({
    key: e.key,
    scopes: e.scopes,
    is_secret: e.isSecret,
    values: e.contexts.map((context) => ({ id: stableId(`nenv:${s.name}:${e.key}:${context}`, 24), value: e.isSecret ? '' : `${w.canaries[0]}_${e.key}`, context, context_parameter: '' })),
    updated_at: hoursAgo(w, 24),
    updated_by: { id: stableId('netlify-user', 24), full_name: 'Founder', email: w.spec.netlify?.user ?? 'founder@example.com' },
  }))
}

const list = (req: ApiRequest, items: unknown[]): ApiReply => {
  const { page, link } = numberedPage(req, items)
  return { status: 200, body: page, headers: { link } }
}

const findSite = (w: World, id: string) => sites(w).find((s) => siteId(s) === id || s.name === id || s.customDomain === id)

/** Netlify API v1 (the read-only calls the checks make). */
export const netlifyApi: ProviderApi = {
  name: 'netlify',
  prefix: '/netlify/api/v1',
  auth(req, world) {
    return keyValid(world, 'netlify', bearerToken(req.headers)) ? undefined : nErr(401, 'Access Denied')
  },
  error(status, message) {
    return nErr(status, status === 404 ? 'Not Found' : status === 401 || status === 403 ? 'Access Denied' : message)
  },
  routes: [
    { method: 'GET', pattern: '/user', handle: (_r, _p, w) => ({ status: 200, body: { id: stableId('netlify-user', 24), full_name: 'Founder', email: w.spec.netlify?.user ?? 'founder@example.com' } }) },
    { method: 'GET', pattern: '/sites', handle: (req, _p, w) => list(req, sites(w).map((s) => siteObject(w, s))) },
    {
      method: 'GET',
      pattern: '/sites/:id',
      handle: (_req, p, w) => {
        const s = findSite(w, p.id)
        return s ? { status: 200, body: siteObject(w, s) } : nErr(404, 'Not Found')
      },
    },
    {
      method: 'GET',
      pattern: '/sites/:id/deploys',
      handle: (req, p, w) => {
        const s = findSite(w, p.id)
        return s ? list(req, deploys(w, s)) : nErr(404, 'Not Found')
      },
    },
    {
      method: 'GET',
      pattern: '/accounts/:slug/env',
      handle: (req, p, w) => {
        const id = req.query.get('site_id')
        const chosen = sites(w).filter((s) => s.accountSlug === p.slug && (!id || siteId(s) === id))
        if (!sites(w).some((s) => s.accountSlug === p.slug)) return nErr(404, 'Not Found')
        return list(req, chosen.flatMap((s) => envObjects(w, s)))
      },
    },
  ],
}
