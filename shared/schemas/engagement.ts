import { z } from 'zod'
import { HOST_ROLES, guessRole, normalizeDomain, normalizeHost } from '../domain'
import { dkimSelectorsSchema, privateTargetsSchema, reposSchema, routesSchema } from './check-config'
import { STAGES, VERTICALS } from './engagement-values'

export { STAGES, STAGE_LABELS, VERTICALS, VERTICAL_LABELS } from './engagement-values'

/** A primary domain, validated and normalised (IDN → punycode, case, trailing dot). */
export const domainSchema = z.string().transform((v, ctx) => {
  const r = normalizeDomain(v)
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.reason })
    return z.NEVER
  }
  return r.domain
})

export const hostInputSchema = z.union([
  z.string().max(253),
  z.object({ name: z.string().max(253), role: z.enum(HOST_ROLES).optional() }),
])

const trimmed = (max: number) => z.string().trim().max(max)

export const engagementFieldsSchema = z.object({
  clientName: trimmed(200).optional(),
  founderName: trimmed(200).optional(),
  founderEmail: z.union([z.literal(''), z.string().trim().email('founder email is not a valid address').max(254)]).optional(),
  stage: z.enum(STAGES).optional(),
  vertical: z.enum(VERTICALS).optional(),
  notes: trimmed(10_000).optional(),
  hosts: z.array(hostInputSchema).max(100).optional(),
  /** DKIM selectors mail.dkim tries first (normalised: "S1._domainkey" → "s1"). */
  dkimSelectors: dkimSelectorsSchema.optional(),
  /** Key routes http.routes samples on the canonical host: paths like "/pricing". */
  routes: routesSchema.optional(),
  /** Private names and addresses checks may reach (an internal staging host); none by default. */
  privateTargets: privateTargetsSchema.optional(),
  /** The client's repositories secrets.repo scans (absolute paths or https:// clone URLs). */
  repos: reposSchema.optional(),
})

export const engagementCreateSchema = engagementFieldsSchema.extend({ domain: domainSchema })
export const engagementUpdateSchema = z.object({
  id: z.string().min(1).max(100),
  patch: engagementFieldsSchema.extend({ domain: domainSchema.optional() }),
})
export const idSchema = z.object({ id: z.string().min(1).max(100) })

export type HostRole = (typeof HOST_ROLES)[number]
export interface Host {
  /** Fully qualified, punycode, lowercase. */
  name: string
  role: HostRole
}

export interface Engagement {
  id: string
  clientName: string
  founderName: string
  founderEmail: string
  domain: string
  stage: (typeof STAGES)[number]
  vertical: (typeof VERTICALS)[number]
  notes: string
  hosts: Host[]
  /** DKIM selectors the consultant configured (lowercase DNS labels, at most 20). */
  dkimSelectors: string[]
  /** Key routes the consultant configured (absolute paths, optional query, at most 20). */
  routes: string[]
  /** Private names, addresses or blocks checks may connect to (see shared/schemas/private-targets.ts). */
  privateTargets: string[]
  /** The client's repositories (absolute paths or https:// clone URLs, at most 10); absent on older fixtures. */
  repos?: string[]
  createdAt: string
  updatedAt: string
}

export type EngagementCreate = z.input<typeof engagementCreateSchema>
export type EngagementUpdate = z.input<typeof engagementUpdateSchema>

/**
 * Turn host inputs into normalised hosts relative to the domain, de-duplicated, apex first.
 * Throws a list of reasons when any host is invalid.
 */
export function normalizeHosts(inputs: z.infer<typeof hostInputSchema>[], domain: string): { hosts: Host[]; errors: string[] } {
  const seen = new Map<string, Host>()
  const errors: string[] = []
  for (const h of inputs) {
    const name = typeof h === 'string' ? h : h.name
    const r = normalizeHost(name, domain)
    if (!r.ok) {
      errors.push(r.reason)
      continue
    }
    const label = r.domain === domain ? '' : r.domain.slice(0, -(domain.length + 1))
    const role = (typeof h === 'string' ? undefined : h.role) ?? (r.domain === domain ? 'apex' : guessRole(label))
    seen.set(r.domain, { name: r.domain, role })
  }
  if (!seen.has(domain)) seen.set(domain, { name: domain, role: 'apex' })
  const hosts = [...seen.values()].sort((a, b) => (a.name === domain ? -1 : b.name === domain ? 1 : a.name.localeCompare(b.name)))
  return { hosts, errors }
}
