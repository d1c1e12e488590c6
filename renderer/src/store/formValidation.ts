import { guessRole, normalizeDomain, normalizeHost, type HostRole } from '@shared/domain'
import { sentence } from '../lib/formErrors'
import { MAX_DKIM_SELECTORS, MAX_REPOS, MAX_ROUTES, normalizeRepo, normalizeRoute, normalizeSelector, splitList, type Normalized } from '@shared/schemas/check-config'
import { MAX_PRIVATE_TARGETS, normalizePrivateTarget } from '@shared/schemas/private-targets'
import type { EngagementDraft, FieldErrors } from './form'

/*
 * The engagement form's checks before saving. They need the Public Suffix List (tldts) and the
 * check-settings rules (zod), so only the form's components import this module: it is part of the
 * form's chunk, loaded on demand, never of the first render.
 */

/** The host of whatever was typed as the domain ("http://Acme.example/x" → "acme.example"), or "". */
function hostPart(typed: string): string {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed.trim()) ? typed.trim() : `http://${typed.trim()}`).hostname
  } catch {
    return ''
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Every error the draft has, found before saving, all at once: the domain (a web address with a
 * path, a subdomain, a private name…), the founder email, each declared host against the
 * domain (a pasted https://x.other.com is refused, not made a host of this domain) and the
 * check-settings lists. Messages quote the input as typed.
 */
export function validateDraft(d: EngagementDraft): FieldErrors {
  const out: FieldErrors = {}
  for (const [k, v] of Object.entries(listErrors(d)) as [ListField, string][]) out[k] = sentence(v)
  const domain = normalizeDomain(d.domain)
  if (!domain.ok) out.domain = sentence(domain.reason)
  if (d.founderEmail.trim() && !EMAIL.test(d.founderEmail.trim())) out.founderEmail = `“${d.founderEmail.trim()}” is not an email address`
  // hosts are judged against the domain even while the domain itself is refused (its host part)
  const base = domain.ok ? domain.domain : (domain.suggestion?.domain ?? hostPart(d.domain))
  if (base) {
    const bad = d.hosts.map((h) => normalizeHost(h.name, base)).flatMap((r) => (r.ok ? [] : [r.reason]))
    if (bad.length) out.hosts = sentence(bad.join('; '))
  }
  return out
}

/** Add host labels typed into the chip input (comma/space separated), skipping duplicates. */
export function addHosts(hosts: EngagementDraft['hosts'], typed: string, guess: (label: string) => HostRole): EngagementDraft['hosts'] {
  const next = [...hosts]
  for (const raw of typed.split(/[\s,]+/)) {
    const name = raw.trim().toLowerCase().replace(/\.$/, '')
    if (!name || next.some((h) => h.name === name)) continue
    next.push({ name, role: guess(name) })
  }
  return next
}

/**
 * When the draft's domain is a subdomain ("app.acme.com"), the offer to fix it: the registrable
 * domain and the label kept as a host, and the draft with both applied. Null otherwise.
 */
export function domainSuggestion(d: EngagementDraft): { domain: string; host: string; apply(): EngagementDraft } | null {
  const r = normalizeDomain(d.domain)
  if (r.ok || !r.suggestion) return null
  const { domain, host } = r.suggestion
  return { domain, host, apply: () => ({ ...d, domain, hosts: addHosts(d.hosts, host, guessRole) }) }
}

/** How each check-settings list is normalised, and how many entries it may hold. */
export const LIST_RULES = {
  dkimSelectors: { normalize: normalizeSelector, max: MAX_DKIM_SELECTORS, what: 'DKIM selectors' },
  routes: { normalize: normalizeRoute, max: MAX_ROUTES, what: 'key routes' },
  privateTargets: { normalize: normalizePrivateTarget, max: MAX_PRIVATE_TARGETS, what: 'private targets' },
  repos: { normalize: normalizeRepo, max: MAX_REPOS, what: 'repositories' },
} as const satisfies Record<string, { normalize(s: string): Normalized; max: number; what: string }>

export type ListField = keyof typeof LIST_RULES

/**
 * Add entries typed into a list's chip input (comma/space separated). Valid entries are stored
 * normalised ("S1._domainkey" → "s1"); invalid ones are kept as typed so the field can say
 * what is wrong with them. Duplicates are skipped.
 */
export function addListItems(list: string[], typed: string, field: ListField): string[] {
  const next = [...list]
  for (const raw of splitList(typed)) {
    const r = LIST_RULES[field].normalize(raw)
    const item = r.ok ? r.value : raw
    if (!next.includes(item)) next.push(item)
  }
  return next
}

/** Errors of the check-settings lists, known before saving: the first bad entry, or too many. */
export function listErrors(d: Pick<EngagementDraft, ListField>): FieldErrors {
  const out: FieldErrors = {}
  for (const field of Object.keys(LIST_RULES) as ListField[]) {
    const { normalize, max, what } = LIST_RULES[field]
    const bad = d[field].map((x) => normalize(x)).find((r) => !r.ok)
    if (bad && !bad.ok) out[field] = bad.reason
    else if (d[field].length > max) out[field] = `at most ${max} ${what}`
  }
  return out
}
