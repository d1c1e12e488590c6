import type { FaultSpec } from './schema'
import type { ProviderApi, Route } from './types'

/** Match `/zones/:id` against `/zones/abc`; returns the params or undefined. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/').filter(Boolean)
  const s = path.split('/').filter(Boolean)
  if (p.length !== s.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i])
    else if (p[i] !== s[i]) return undefined
  }
  return params
}

/** Find the route for a method and path (relative to the provider prefix). */
export function findRoute(api: ProviderApi, method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | undefined {
  let wrongMethod = false
  for (const route of api.routes) {
    const params = matchPattern(route.pattern, path)
    if (!params) continue
    if (route.method === method) return { route, params }
    wrongMethod = true
  }
  return wrongMethod ? 'method' : undefined
}

/** Which provider a server path belongs to, and the path below its prefix. */
export function splitProvider(apis: ProviderApi[], pathname: string): { api: ProviderApi; rest: string } | undefined {
  for (const api of apis) {
    if (pathname === api.prefix || pathname.startsWith(`${api.prefix}/`)) return { api, rest: pathname.slice(api.prefix.length) || '/' }
  }
  return undefined
}

/** Glob on path segments: `*` is one segment, `**` one or more trailing segments. */
export function globMatch(glob: string, path: string): boolean {
  const g = glob.split('/').filter(Boolean)
  const s = path.split('/').filter(Boolean)
  for (let i = 0; i < g.length; i++) {
    if (g[i] === '**') return s.length > i
    if (i >= s.length) return false
    if (g[i] !== '*' && g[i] !== s[i]) return false
  }
  return g.length === s.length
}

/** Whether a fault applies to this request. */
export function faultMatches(f: FaultSpec, provider: string, method: string, path: string): boolean {
  if (f.provider !== 'any' && f.provider !== provider) return false
  if (f.method && f.method !== method) return false
  return f.path === undefined || globMatch(f.path, path)
}
