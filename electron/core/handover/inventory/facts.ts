import type { InventoryFields, SystemKind } from '@shared/contract/handover'
import type { ResultRow } from '../results'
import { mailboxProvider, servicesFromScripts } from './recognize'

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
const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [])
const opt = <K extends keyof InventoryFields>(k: K, v: InventoryFields[K] | undefined): Partial<InventoryFields> => (v === undefined || v === '' || (Array.isArray(v) && !v.length) ? {} : { [k]: v })

/** Cloudflare members as "email (Role)"; the first Super Administrator owns the account. */
function cloudflare(d: Record<string, unknown>): InventoryFact[] {
  const members = objects(d.members).filter((m) => str(m.email) && m.status !== 'pending')
  const admins = members.map((m) => (strings(m.roles).length ? `${str(m.email)} (${strings(m.roles).join(', ')})` : str(m.email)!))
  return [{ system: 'cdn', name: 'Cloudflare', loginUrl: 'https://dash.cloudflare.com/', ...opt('ownerAccount', strings(d.superAdministrators)[0]), ...opt('admins', admins.slice(0, 20)) }]
}

/** Where the hosting environment keeps a variable, for rows whose credential lives there. */
function envFacts(d: Record<string, unknown>, provider: string): InventoryFact[] {
  const names = Object.values((d.names ?? {}) as Record<string, unknown>).flatMap(strings)
  const prod = strings((d.names as Record<string, unknown> | undefined)?.production)
  const where = (n: string) => `${n} in the ${provider} ${prod.includes(n) ? 'production ' : ''}environment`
  const out: InventoryFact[] = []
  const db = names.find((n) => /^(DATABASE_URL|POSTGRES_URL|DB_URL|MONGODB_URI|SUPABASE_SERVICE_ROLE_KEY)$/.test(n))
  if (db) out.push({ system: 'database', credentialLocation: where(db) })
  const stripe = names.find((n) => /^STRIPE_SECRET_KEY$/.test(n))
  if (stripe) out.push({ system: 'payments', name: 'Stripe', loginUrl: 'https://dashboard.stripe.com/', credentialLocation: where(stripe) })
  return out
}

/**
 * Facts the catalog's checks report in their own detail shapes: the RDAP registrar and
 * registrant, the DNS provider, the mailbox provider behind MX, Cloudflare members with roles,
 * the hosting and monitoring accounts, alert contacts, services the live site loads, the
 * repository scanned. Unknown shapes give nothing.
 */
export function factsFromResult(r: ResultRow, domain: string): InventoryFact[] {
  const d = r.details
  switch (r.checkId) {
    case 'cf.access':
      return cloudflare(d)
    case 'reg.domain': {
      const name = str(d.registrar) ?? str((d.registrar as { name?: unknown } | undefined)?.name)
      const registrant = str(d.registrant)
      return name ? [{ system: 'registrar', name, ...(registrant ? { ownerAccount: registrant, notes: `Registrant organisation (RDAP): ${registrant}` } : {}) }] : []
    }
    case 'host.deploy':
    case 'host.env': {
      const p = HOSTING[String(d.provider ?? '').toLowerCase()]
      const project = str((d.project as { name?: unknown } | undefined)?.name)
      if (!p) return []
      const row: InventoryFact = { system: 'hosting', ...p, ...opt('ownerAccount', str(d.owner)), ...(project ? { notes: `project ${project}` } : {}) }
      return r.checkId === 'host.env' ? [row, ...envFacts(d, p.name)] : [row]
    }
    case 'mon.uptime': {
      const p = MONITORING[String(d.provider ?? '').toLowerCase()]
      const contacts = objects(d.contacts).map((c) => `${str(c.name) ?? 'contact'} (${str(c.type) ?? 'alert'})`)
      return p ? [{ system: 'monitoring', ...p, ...opt('ownerAccount', str(d.account)), ...(contacts.length ? { notes: `Alerts go to: ${contacts.join(', ')}` } : {}) }] : []
    }
    case 'dns.delegation': {
      const provider = strings(d.providers)[0]
      return provider && provider !== domain ? [{ system: 'dns', name: provider }] : []
    }
    case 'mail.mx': {
      const hosts = objects(d.mx).map((m) => str(m.host)).filter((h): h is string => !!h && h !== '.')
      const p = mailboxProvider(hosts, domain)
      return p ? [{ system: 'mailboxes', name: p.name, ...opt('loginUrl', p.loginUrl) }] : []
    }
    case 'secrets.bundle':
      return servicesFromScripts(strings(d.skippedThirdParty)).map((s) => ({ system: s.system, name: s.name, loginUrl: s.loginUrl }))
    case 'secrets.repo': {
      const repo = objects(d.repositories).map((x) => str(x.name)).find(Boolean)
      return repo ? [{ system: 'source-repo', name: repo }] : []
    }
    default:
      return []
  }
}
