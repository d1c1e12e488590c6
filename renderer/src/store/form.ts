import type { ErrorInfo } from '@shared/errors'
import type { HostRole } from '@shared/domain'
import { type STAGES, type VERTICALS, type Engagement, type EngagementCreate } from '@shared/schemas/engagement'

/** What the create/edit form edits: plain strings, hosts as relative labels with roles. */
export interface EngagementDraft {
  clientName: string
  founderName: string
  founderEmail: string
  domain: string
  stage: (typeof STAGES)[number]
  vertical: (typeof VERTICALS)[number]
  notes: string
  hosts: { name: string; role: HostRole }[]
}

export type DraftField = keyof EngagementDraft
export type FieldErrors = Partial<Record<DraftField | 'form', string>>

/** An empty draft for "New engagement". */
export function emptyDraft(): EngagementDraft {
  return { clientName: '', founderName: '', founderEmail: '', domain: '', stage: 'demo-launch', vertical: 'bootstrapped-saas', notes: '', hosts: [] }
}

/** The host label relative to its domain ("www" for www.acme.example); "@" for the apex. */
export function relativeHost(name: string, domain: string): string {
  if (name === domain) return '@'
  return name.endsWith(`.${domain}`) ? name.slice(0, -(domain.length + 1)) : name
}

/** A draft from a stored engagement, apex left out (core always adds it back). */
export function draftFromEngagement(e: Engagement): EngagementDraft {
  return {
    clientName: e.clientName,
    founderName: e.founderName,
    founderEmail: e.founderEmail,
    domain: e.domain,
    stage: e.stage,
    vertical: e.vertical,
    notes: e.notes,
    hosts: e.hosts.filter((h) => h.name !== e.domain).map((h) => ({ name: relativeHost(h.name, e.domain), role: h.role })),
  }
}

/** The contract input for a draft (create input; for an update it is the patch). */
export function draftToInput(d: EngagementDraft): EngagementCreate {
  return {
    clientName: d.clientName,
    founderName: d.founderName,
    founderEmail: d.founderEmail.trim(),
    domain: d.domain,
    stage: d.stage,
    vertical: d.vertical,
    notes: d.notes,
    hosts: d.hosts.map((h) => ({ name: h.name, role: h.role })),
  }
}

const FIELDS: readonly DraftField[] = ['clientName', 'founderName', 'founderEmail', 'domain', 'stage', 'vertical', 'notes', 'hosts']

/**
 * Map a failed save onto form fields. Issue paths come as "domain" (create) or
 * "patch.domain" (update) and "hosts" or "hosts.2"; anything unplaced goes to "form".
 */
export function errorsFromIssues(err: ErrorInfo): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of err.issues ?? []) {
    const parts = issue.path.split('.').filter((p) => p !== 'patch')
    const field = FIELDS.find((f) => f === parts[0])
    const key = field ?? 'form'
    out[key] = out[key] ? `${out[key]}; ${issue.message}` : issue.message
  }
  if (!Object.keys(out).length) out.form = err.message
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
