import type { ErrorInfo } from '@shared/errors'
import type { HostRole } from '@shared/domain'
import { placeIssues, type FormErrors } from '../lib/formErrors'
import type { STAGES, VERTICALS } from '@shared/schemas/engagement-values'
import type { Engagement, EngagementCreate } from '@shared/schemas/engagement'

/*
 * The draft and its way to and from the contract, which the store and the tables need at once.
 * The checks before saving (./formValidation) need the Public Suffix List and the check-settings
 * rules, so only the form, loaded on demand, imports them.
 */

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
  /** Check settings: DKIM selectors and key routes, as chips. */
  dkimSelectors: string[]
  routes: string[]
  /** Private names and addresses checks may reach (an internal staging host). */
  privateTargets: string[]
  /** The client's repositories secrets.repo scans (absolute paths or https:// clone URLs). */
  repos: string[]
}

export type DraftField = keyof EngagementDraft
export type FieldErrors = FormErrors<DraftField>

/** An empty draft for "New engagement". */
export function emptyDraft(): EngagementDraft {
  return { clientName: '', founderName: '', founderEmail: '', domain: '', stage: 'demo-launch', vertical: 'bootstrapped-saas', notes: '', hosts: [], dkimSelectors: [], routes: [], privateTargets: [], repos: [] }
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
    dkimSelectors: [...e.dkimSelectors],
    routes: [...e.routes],
    privateTargets: [...e.privateTargets],
    repos: [...(e.repos ?? [])],
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
    dkimSelectors: [...d.dkimSelectors],
    routes: [...d.routes],
    privateTargets: [...d.privateTargets],
    repos: [...d.repos],
  }
}

const FIELDS: readonly DraftField[] = ['clientName', 'founderName', 'founderEmail', 'domain', 'stage', 'vertical', 'notes', 'hosts', 'dkimSelectors', 'routes', 'privateTargets', 'repos']

/**
 * Map a failed save onto form fields. Issue paths come as "domain" (create) or
 * "patch.domain" (update) and "hosts" or "hosts.2"; anything unplaced goes to "form".
 */
export function errorsFromIssues(err: ErrorInfo): FieldErrors {
  return placeIssues(err, FIELDS)
}
