import { ProviderError } from '../errors'
import type { CfGrants, CfMember, CfMembership, CfRecord, CfRule, CfRuleset, CfZone } from './types'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [])

function need(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProviderError('cloudflare', 'invalid_response', `Cloudflare sent a malformed ${what}`)
  return v as Obj
}

const roleNames = (v: unknown): string[] => (Array.isArray(v) ? v.map((r) => (typeof r === 'string' ? r : str(obj(r).name))).filter(Boolean) : [])

/** A membership object (GET /memberships) → roles and grants. */
export function toMembership(v: unknown): CfMembership {
  const m = need(v, 'membership')
  const account = obj(m.account)
  const enforce = obj(account.settings).enforce_twofactor
  return {
    accountId: str(account.id),
    accountName: str(account.name),
    status: str(m.status) || undefined,
    roles: roleNames(m.roles),
    permissions: obj(m.permissions) as CfGrants,
    ...(typeof enforce === 'boolean' ? { enforceTwoFactor: enforce } : {}),
  }
}

/** A zone object. */
export function toZone(v: unknown): CfZone {
  const z = need(v, 'zone')
  const account = obj(z.account)
  return {
    id: str(z.id),
    name: str(z.name).toLowerCase(),
    status: str(z.status),
    paused: z.paused === true,
    nameServers: strs(z.name_servers).map((n) => n.toLowerCase()),
    originalNameServers: strs(z.original_name_servers).map((n) => n.toLowerCase()),
    accountId: str(account.id) || undefined,
    accountName: str(account.name) || undefined,
  }
}

/** A DNS record. */
export function toRecord(v: unknown): CfRecord {
  const r = need(v, 'DNS record')
  return { id: str(r.id), type: str(r.type), name: str(r.name).toLowerCase(), content: str(r.content), proxied: r.proxied === true, proxiable: r.proxiable !== false }
}

function toRule(v: unknown): CfRule {
  const r = obj(v)
  return {
    id: str(r.id) || undefined,
    description: str(r.description) || undefined,
    expression: str(r.expression),
    action: str(r.action),
    enabled: r.enabled !== false,
    actionParameters: r.action_parameters ? obj(r.action_parameters) : undefined,
    ratelimit: r.ratelimit ? obj(r.ratelimit) : undefined,
  }
}

/** A ruleset (list item or full object with rules). */
export function toRuleset(v: unknown): CfRuleset {
  const r = need(v, 'ruleset')
  return { id: str(r.id), name: str(r.name) || undefined, kind: str(r.kind), phase: str(r.phase), rules: Array.isArray(r.rules) ? r.rules.map(toRule) : [] }
}

/** An account member. */
export function toMember(v: unknown): CfMember {
  const m = need(v, 'account member')
  const tfa = obj(m.user).two_factor_authentication_enabled
  return { id: str(m.id), email: str(obj(m.user).email).toLowerCase(), status: str(m.status) || undefined, roles: roleNames(m.roles), twoFactor: typeof tfa === 'boolean' ? tfa : null }
}
