import type { ResultRow } from './results'

/**
 * Tolerant readers over check result details. Each check family shapes its details its own
 * way; these look for the usual names (answers, chain, monitors...) and fall back to nothing,
 * so the PDF shows the check's summary instead.
 */

type Json = unknown
const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]+)$/i
const HOSTNAME = /^(?=.{1,253}\.?$)([a-z0-9_](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$/i
const MAX_WALK = 5000

/** Visit every (key, value) pair under a value, bounded in depth and count. */
function walk(v: Json, visit: (key: string, value: Json) => void, key = '', depth = 0, budget = { n: MAX_WALK }): void {
  if (depth > 12 || budget.n-- <= 0) return
  visit(key, v)
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit, key, depth + 1, budget))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, visit, k, depth + 1, budget)
}

/** DNS answers (addresses and CNAME targets) a dns.hosts-like result reports. */
export function dnsAnswers(r: ResultRow | undefined): string[] {
  if (!r) return []
  const out = new Set<string>()
  walk(r.details, (k, v) => {
    if (typeof v !== 'string' || !/^(a|aaaa|address(es)?|ips?|answers?|records?|cnames?|target|data|value)$/i.test(k)) return
    if (IP.test(v)) out.add(v)
    else if (HOSTNAME.test(v) && /cname|target/i.test(k)) out.add(`CNAME ${v.replace(/\.$/, '')}`)
  })
  return [...out].slice(0, 8)
}

/**
 * Redirect chains ("301 https://…" steps) from http.https / http.canonical-like results:
 * explicit chains (chain/hops/redirects lists), entry → final pairs, or a single
 * status + location answer for the target.
 */
export function redirectChains(r: ResultRow | undefined): { from: string; steps: string[] }[] {
  if (!r) return []
  const chains: { from: string; steps: string[] }[] = []
  walk(r.details, (k, v) => {
    if (chains.length >= 8) return
    if (Array.isArray(v) && /^(chain|redirects|steps)$/i.test(k) && v.length) {
      const steps = v
        .map((h) => {
          if (typeof h === 'string') return h
          const o = (h ?? {}) as Record<string, Json>
          const url = o.url ?? o.location ?? o.to ?? o.from
          const status = o.status ?? o.statusCode
          return typeof url === 'string' ? `${typeof status === 'number' ? status + ' ' : ''}${url}` : null
        })
        .filter((s): s is string => !!s)
      if (steps.length) chains.push({ from: steps[0].replace(/^\d+ /, ''), steps })
    }
    if (Array.isArray(v) && /^entries$/i.test(k))
      for (const e of v) {
        const o = (e ?? {}) as Record<string, Json>
        if (typeof o.entry === 'string' && typeof o.final === 'string' && o.entry !== o.final) {
          const hops = typeof o.hops === 'number' ? o.hops : 1
          // Show where each entry point lands; the checker's probe path is noise to a reader.
          const entry = origin(o.entry)
          chains.push({ from: entry, steps: [entry, `${hops} hop${hops === 1 ? '' : 's'} ${origin(o.final)}`] })
        }
      }
  })
  const d = r.details
  if (!chains.length && typeof d.location === 'string' && typeof d.status === 'number') {
    const from = `http://${r.target}/`
    chains.push({ from, steps: [from, `${d.status} ${d.location}`] })
  }
  return chains.slice(0, 8)
}

function origin(url: string): string {
  try {
    return `${new URL(url).origin}/`
  } catch {
    return url
  }
}

const ENV_NAMES = /^(production|preview|development|staging|test)$/i

/** Environment variable names per environment (never values) from a host.env-like result. */
export function envInventory(r: ResultRow | undefined): { name: string; environments: string[] }[] {
  if (!r) return []
  const byName = new Map<string, Set<string>>()
  const add = (name: unknown, env: string) => {
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(name)) return
    const s = byName.get(name) ?? new Set<string>()
    s.add(env)
    byName.set(name, s)
  }
  walk(r.details, (k, v) => {
    if (ENV_NAMES.test(k) && Array.isArray(v)) v.forEach((x) => add(typeof x === 'string' ? x : (x as { name?: string; key?: string })?.name ?? (x as { key?: string })?.key, k.toLowerCase()))
    if (Array.isArray(v) && /^(vars|variables|env|names)$/i.test(k))
      for (const x of v) {
        if (typeof x === 'string') add(x, 'all')
        else if (x && typeof x === 'object') {
          const o = x as Record<string, Json>
          const envs = o.environments ?? o.targets ?? o.target ?? o.context ?? o.environment
          const list = Array.isArray(envs) ? envs.map(String) : typeof envs === 'string' ? [envs] : ['all']
          list.forEach((env) => add(o.name ?? o.key, env))
        }
      }
  })
  return [...byName].map(([name, envs]) => ({ name, environments: [...envs].sort() })).sort((a, b) => a.name.localeCompare(b.name))
}

/** Monitors (name and URL) and alert contacts from a mon.uptime-like result. */
export function monitors(r: ResultRow | undefined): { monitors: { name: string; url: string }[]; contacts: string[] } {
  const out = { monitors: [] as { name: string; url: string }[], contacts: [] as string[] }
  if (!r) return out
  walk(r.details, (k, v) => {
    if (Array.isArray(v) && /monitors?/i.test(k))
      for (const m of v) {
        const o = (m ?? {}) as Record<string, Json>
        const url = o.url ?? o.target
        if (typeof url === 'string') out.monitors.push({ name: String(o.name ?? o.friendly_name ?? o.pronounceable_name ?? url), url })
      }
    if (Array.isArray(v) && /contacts?/i.test(k))
      for (const c of v) {
        const o = (typeof c === 'string' ? { value: c } : (c ?? {})) as Record<string, Json>
        const label = o.email ?? o.value ?? o.name ?? o.friendly_name
        if (typeof label === 'string') out.contacts.push(label)
      }
  })
  out.monitors = out.monitors.slice(0, 30)
  out.contacts = [...new Set(out.contacts)].slice(0, 20)
  return out
}

/**
 * The values worth comparing later: leaf values of details by dotted path, without timings
 * and counters that change on every run (durations, samples, days left).
 */
export function observedValues(details: Record<string, unknown>, max = 200): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  const VOLATILE = /(^|\.)(ms|\w*Ms|durationMs|elapsed\w*|latency\w*|p50|p90|p95|p99|samples?|timings?|at|\w+At|time|timestamp|date|daysLeft|days|ttl|age|expires|retryAfter|requestId|id|connectTo|rdapUrl|bootstrap|stats|min|max|mean|avg|median|stddev)$/
  const rec = (v: unknown, path: string, depth: number) => {
    if (Object.keys(out).length >= max || depth > 8) return
    if (path && VOLATILE.test(path.replace(/\[\d+\]/g, ''))) return
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out[path || '.'] = typeof v === 'string' && v.length > 300 ? v.slice(0, 300) + '…' : v
    } else if (Array.isArray(v)) v.slice(0, 50).forEach((x, i) => rec(x, `${path}[${i}]`, depth + 1))
    else if (typeof v === 'object') for (const k of Object.keys(v as object).sort()) rec((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1)
  }
  rec(details, '', 0)
  return out
}
