import type { InventoryFields, SystemKind } from '@shared/contract/handover'
import type { ResultRow } from '../results'

/**
 * An inventory fact a check can report in its result's `details.inventory` (one object or a
 * list): which system, and any fields it observed (owner account, admins, 2FA, login URL...).
 */
export type InventoryFact = Partial<InventoryFields> & { system: SystemKind }

const HOSTING: Record<string, { name: string; loginUrl: string }> = {
  vercel: { name: 'Vercel', loginUrl: 'https://vercel.com/dashboard' },
  netlify: { name: 'Netlify', loginUrl: 'https://app.netlify.com/' },
}
const MONITORING: Record<string, { name: string; loginUrl: string }> = {
  uptimerobot: { name: 'UptimeRobot', loginUrl: 'https://dashboard.uptimerobot.com/' },
  betterstack: { name: 'Better Stack', loginUrl: 'https://uptime.betterstack.com/' },
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x) : [])

/**
 * Facts the catalog's checks report in their own detail shapes: Cloudflare members and roles,
 * the RDAP registrar, the hosting and monitoring provider. Unknown shapes give nothing.
 */
export function factsFromResult(r: ResultRow, domain: string): InventoryFact[] {
  const d = r.details
  switch (r.checkId) {
    case 'cf.access': {
      const members = Array.isArray(d.members) ? (d.members as { email?: unknown }[]).map((m) => str(m?.email)).filter((e): e is string => !!e) : []
      const owner = strings(d.superAdministrators)[0]
      return [{ system: 'cdn', name: 'Cloudflare', loginUrl: 'https://dash.cloudflare.com/', ...(owner ? { ownerAccount: owner } : {}), ...(members.length ? { admins: members.slice(0, 20) } : {}) }]
    }
    case 'reg.domain': {
      const name = str(d.registrar) ?? str((d.registrar as { name?: unknown } | undefined)?.name)
      return name ? [{ system: 'registrar', name }] : []
    }
    case 'host.deploy':
    case 'host.env': {
      const p = HOSTING[String(d.provider ?? '').toLowerCase()]
      const project = str((d.project as { name?: unknown } | undefined)?.name)
      return p ? [{ system: 'hosting', ...p, ...(project ? { notes: `project ${project}` } : {}) }] : []
    }
    case 'mon.uptime': {
      const p = MONITORING[String(d.provider ?? '').toLowerCase()]
      return p ? [{ system: 'monitoring', ...p }] : []
    }
    case 'dns.delegation': {
      const provider = strings(d.providers)[0]
      return provider && provider !== domain ? [{ system: 'dns', name: provider }] : []
    }
    default:
      return []
  }
}
