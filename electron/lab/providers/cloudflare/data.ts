import type { CloudflareSpec } from '../schema'
import type { World } from '../types'
import { hoursAgo, stableId } from '../world'
import { labDomains } from '../registrars/data'

type Obj = Record<string, unknown>
type ZoneSpec = NonNullable<CloudflareSpec['zones']>[number]

/** The Cloudflare section, or an account with no zones when the scenario has none. */
export function cfSpec(world: World): CloudflareSpec | undefined {
  return world.spec.cloudflare
}

/** The scenario's zones with names resolved (default: the primary domains in order). */
export function zonesOf(world: World): { name: string; spec: ZoneSpec }[] {
  const zones = cfSpec(world)?.zones ?? []
  return zones.map((z, i) => ({ name: (z.name ?? world.domains[i] ?? world.domains[0] ?? 'example.test').toLowerCase(), spec: z }))
}

export function accountOf(world: World): { id: string; name: string } {
  const a = cfSpec(world)?.account ?? { name: 'Launch Co' }
  return { id: a.id ?? stableId(`account:${a.name}`), name: a.name }
}

/** A zone object as GET /zones returns it. */
export function zoneObject(world: World, z: { name: string; spec: ZoneSpec }): Obj {
  const account = accountOf(world)
  return {
    id: stableId(`zone:${z.name}`),
    name: z.name,
    status: z.spec.status,
    paused: z.spec.paused,
    type: 'full',
    development_mode: 0,
    name_servers: z.spec.nameServers,
    original_name_servers: z.spec.originalNameServers,
    original_registrar: null,
    original_dnshost: null,
    vanity_name_servers: [],
    created_on: hoursAgo(world, 24 * 30),
    modified_on: hoursAgo(world, 24),
    activated_on: z.spec.status === 'active' ? hoursAgo(world, 24 * 29) : null,
    meta: { step: 2, custom_certificate_quota: 0, page_rule_quota: 3, phishing_detected: false },
    owner: { id: stableId(`owner:${account.name}`), type: 'organization', name: account.name },
    account,
    permissions: ['#zone:read', '#dns_records:read', '#zone_settings:read'],
    plan: { id: stableId(`plan:${z.spec.plan}`), name: z.spec.plan, price: 0, currency: 'USD', frequency: '', is_subscribed: false, can_subscribe: false, legacy_id: 'free', legacy_discount: false, externally_managed: false },
  }
}

function absName(zone: string, name: string): string {
  if (name === '@' || name === zone) return zone
  return name.endsWith(`.${zone}`) ? name.toLowerCase() : `${name}.${zone}`.toLowerCase()
}

/** The zone's DNS records in the real API's shape. */
export function recordObjects(world: World, z: { name: string; spec: ZoneSpec }): Obj[] {
  return z.spec.records.map((r, i) => {
    const proxiable = ['A', 'AAAA', 'CNAME'].includes(r.type)
    const base: Obj = {
      id: stableId(`record:${z.name}:${i}`),
      zone_id: stableId(`zone:${z.name}`),
      zone_name: z.name,
      name: absName(z.name, r.name),
      type: r.type,
      content: r.content,
      proxiable,
      proxied: proxiable && r.proxied,
      ttl: r.proxied ? 1 : r.ttl === 1 || r.ttl >= 30 ? r.ttl : 30,
      settings: {},
      meta: { auto_added: false, managed_by_apps: false, managed_by_argo_tunnel: false },
      tags: [],
      created_on: hoursAgo(world, 24 * 29),
      modified_on: hoursAgo(world, 24 * 2),
    }
    if (r.comment) base.comment = r.comment
    if (r.type === 'MX') base.priority = r.priority ?? 10
    if (r.type === 'CAA') {
      const m = /^(\d+)\s+(\S+)\s+"?([^"]*)"?$/.exec(r.content)
      base.data = m ? { flags: Number(m[1]), tag: m[2], value: m[3] } : { flags: 0, tag: 'issue', value: r.content }
    }
    return base
  })
}

const SETTING_IDS = ['ssl', 'always_use_https', 'min_tls_version', 'automatic_https_rewrites', 'security_level', 'waf'] as const

/** Zone settings the checks read, as `{ id, value, editable, modified_on }`. */
export function settingObjects(world: World, z: { name: string; spec: ZoneSpec }): Obj[] {
  const plan = z.spec.plan.toLowerCase()
  return SETTING_IDS.map((id) => ({
    id,
    value: z.spec.settings[id],
    // The legacy WAF switch is a paid-plan feature: read-only on Free.
    editable: id === 'waf' ? !plan.includes('free') : true,
    modified_on: hoursAgo(world, 24 * 3),
  }))
}

/** Rulesets (list form without rules, or full with rules). */
export function rulesetObjects(world: World, z: { name: string; spec: ZoneSpec }, withRules: boolean): Obj[] {
  return z.spec.rulesets.map((rs, i) => {
    const id = stableId(`ruleset:${z.name}:${i}:${rs.name}`)
    const o: Obj = { id, name: rs.name, description: rs.description, kind: rs.kind, phase: rs.phase, version: '1', last_updated: hoursAgo(world, 24 * 5) }
    if (withRules) {
      o.rules = rs.rules.map((r, j) => {
        const rule: Obj = { id: stableId(`rule:${id}:${j}`), version: '1', action: r.action, expression: r.expression, description: r.description ?? '', last_updated: hoursAgo(world, 24 * 5), ref: stableId(`ref:${id}:${j}`), enabled: r.enabled }
        if (r.action_parameters) rule.action_parameters = withApiDefaults(r.action, r.action_parameters)
        if (r.ratelimit) rule.ratelimit = r.ratelimit
        return rule
      })
    }
    return o
  })
}

/** Fields the real API always returns inside action parameters (a scenario may leave them out). */
function withApiDefaults(action: string, params: Obj): Obj {
  const edge = params.edge_ttl as Obj | undefined
  if (action === 'set_cache_settings' && edge && !('status_code_ttl' in edge)) return { ...params, edge_ttl: { ...edge, status_code_ttl: [] } }
  return params
}

const ADMIN_ROLES = new Set(['Super Administrator - All Privileges', 'Administrator'])

/** Account members with their roles (role permissions as the schema lists them: strings). */
export function memberObjects(world: World): Obj[] {
  return (cfSpec(world)?.members ?? []).map((m) => {
    const [first, ...rest] = (m.name ?? m.email.split('@')[0]).split(' ')
    return {
      id: stableId(`member:${m.email}`),
      status: m.status,
      user: { id: stableId(`user:${m.email}`), email: m.email, first_name: first ?? null, last_name: rest.join(' ') || null, two_factor_authentication_enabled: m.twoFactor },
      roles: m.roles.map((name) => ({
        id: stableId(`role:${name}`),
        name,
        description: ADMIN_ROLES.has(name) ? `${name}: can access the full account` : `${name} role`,
        permissions: ADMIN_ROLES.has(name) ? ['#zones:read', '#zones:edit', '#dns_records:edit', '#member:edit'] : ['#zones:read'],
      })),
      policies: [],
    }
  })
}

/** GET /memberships: the token user's membership of the account, with grants. */
export function membershipObjects(world: World): Obj[] {
  const spec = cfSpec(world)
  const roles = spec?.membershipRoles ?? ['Administrator']
  const write = roles.some((r) => !/read only/i.test(r))
  const g = { read: true, write }
  const account = accountOf(world)
  return [
    {
      id: stableId(`membership:${account.id}`),
      status: 'accepted',
      api_access_enabled: true,
      account: { ...account, created_on: hoursAgo(world, 24 * 400), settings: { enforce_twofactor: spec?.enforceTwoFactor ?? false, default_nameservers: 'cloudflare.standard', use_account_custom_ns_by_default: false } },
      roles,
      permissions: { analytics: g, billing: g, cache_purge: g, dns: g, dns_records: g, lb: g, logs: g, organization: g, ssl: g, waf: g, zone_settings: g, zones: g },
    },
  ]
}

/** Registrar API registrations of the account (the Registration shape of the Registrar API). */
export function registrationObjects(world: World): Obj[] {
  const regs = cfSpec(world)?.registrations
  return labDomains(world, regs ? { user: 'cloudflare', email: '', domains: regs } : undefined).map((d) => ({
    domain_name: d.name,
    status: d.expiresAt.getTime() < world.now ? 'expired' : 'active',
    auto_renew: d.autoRenew,
    locked: d.locked,
    privacy_mode: d.privacy ? 'redaction' : 'off',
    created_at: d.createdAt.toISOString(),
    expires_at: d.expiresAt.toISOString(),
  }))
}
