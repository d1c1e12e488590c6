import type { CfGrants, CfMembership } from './types'

/** Grants as "zones:read" / "zones:write" strings. */
export function grantsToScopes(g: CfGrants): string[] {
  const out: string[] = []
  for (const [area, v] of Object.entries(g ?? {})) {
    if (v?.read) out.push(`${area}:read`)
    if (v?.write) out.push(`${area}:write`)
  }
  return out.sort()
}

/** Areas whose edit right reaches the whole account (members, billing) rather than a zone. */
const ACCOUNT_WIDE = new Set(['organization', 'billing', 'memberships', 'account_settings'])

export interface PrivilegeVerdict {
  level: 'read-only' | 'zone-edit' | 'account-edit'
  writes: string[]
  accountWide: string[]
  /** Roles of the memberships, e.g. "Super Administrator - All Privileges". */
  roles: string[]
}

/**
 * Least privilege for an audit: read-only grants suffice. Any edit grant is broader than needed;
 * an edit grant on account-wide areas (members, billing) is the broad kind.
 */
export function judgePrivilege(memberships: CfMembership[]): PrivilegeVerdict {
  const writes = new Set<string>()
  const accountWide = new Set<string>()
  const roles = new Set<string>()
  for (const m of memberships) {
    for (const r of m.roles) roles.add(r)
    for (const [area, v] of Object.entries(m.permissions ?? {})) {
      if (!v?.write) continue
      writes.add(area)
      if (ACCOUNT_WIDE.has(area)) accountWide.add(area)
    }
  }
  // Roles describe the token's user, not the token, so only grants decide.
  const level = accountWide.size > 0 ? 'account-edit' : writes.size > 0 ? 'zone-edit' : 'read-only'
  return { level, writes: [...writes].sort(), accountWide: [...accountWide].sort(), roles: [...roles].sort() }
}

/** Token policies (GET /user/tokens/:id) → verdict: "... Write"/"... Edit" groups are edits. */
export function judgePolicies(policies: { effect?: string; groups: string[]; resources: string[] }[]): PrivilegeVerdict {
  const writes = new Set<string>()
  const accountWide = new Set<string>()
  for (const p of policies) {
    if (p.effect === 'deny') continue
    const onAccount = p.resources.some((r) => r.startsWith('com.cloudflare.api.account') && !r.includes('.zone'))
    for (const g of p.groups) {
      if (!/\b(write|edit)\b/i.test(g)) continue
      writes.add(g)
      if (onAccount && !/^zone|dns|cache|ssl|page rules|firewall/i.test(g)) accountWide.add(g)
    }
  }
  const level = accountWide.size ? 'account-edit' : writes.size ? 'zone-edit' : 'read-only'
  return { level, writes: [...writes].sort(), accountWide: [...accountWide].sort(), roles: [] }
}
