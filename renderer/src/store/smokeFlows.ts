import { MAX_SMOKE_FLOWS, MAX_SMOKE_STEPS, smokeFlowSchema, underDomain, type SmokeFlow } from '@shared/schemas/probes'
import { sentence } from '../lib/formErrors'

/** One step as the "Add a smoke flow" form holds it: plain strings, form fields as key=value lines. */
export interface SmokeStepDraft {
  method: 'GET' | 'POST'
  url: string
  expectStatus: string
  expectText: string
  /** POST only: one `name=value` per line. */
  form: string
}

export interface SmokeFlowDraft {
  name: string
  steps: SmokeStepDraft[]
}

/** Errors by field: `name`, `form` (the whole flow), and `steps.N.url|expectStatus|expectText|form`. */
export type SmokeFlowErrors = Partial<Record<string, string>>

export const emptyStep = (url = ''): SmokeStepDraft => ({ method: 'GET', url, expectStatus: '200', expectText: '', form: '' })
export const emptyFlow = (domain: string): SmokeFlowDraft => ({ name: '', steps: [emptyStep(`https://staging.${domain}/login`)] })

/** `name=value` lines as form fields; the line numbers of lines that are not. */
export function parseFormLines(text: string): { fields: Record<string, string>; bad: number[] } {
  const fields: Record<string, string> = {}
  const bad: number[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (!line) return
    const eq = line.indexOf('=')
    if (eq <= 0) bad.push(i + 1)
    else fields[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  })
  return { fields, bad }
}

/**
 * A draft as a smoke flow for `domain`, or every problem with it at once, keyed by field. The
 * contract's schema judges shapes; the domain rule (a step goes only to the engagement's own
 * hosts) is checked here too so the form says it beside the URL. Whether a POST goes to a staging
 * host is core's to say (it knows the declared hosts) and comes back as a form-level error.
 */
export function flowFromDraft(d: SmokeFlowDraft, domain: string, existing: SmokeFlow[]): { ok: true; flow: SmokeFlow } | { ok: false; errors: SmokeFlowErrors } {
  const errors: SmokeFlowErrors = {}
  const name = d.name.trim()
  if (!name) errors.name = 'Give the flow a name, like "staging sign-in"'
  else if (existing.some((f) => f.name === name)) errors.name = `A flow is already named "${name}"`
  if (existing.length >= MAX_SMOKE_FLOWS) errors.form = `At most ${MAX_SMOKE_FLOWS} smoke flows: remove one first`
  const steps = d.steps.map((s, i) => {
    const status = Number(s.expectStatus.trim() || '200')
    const { fields, bad } = s.method === 'POST' ? parseFormLines(s.form) : { fields: {}, bad: [] }
    if (bad.length) errors[`steps.${i}.form`] = `Line${bad.length > 1 ? 's' : ''} ${bad.join(', ')}: write one name=value per line`
    if (URL.canParse(s.url.trim()) && !underDomain(s.url.trim(), domain)) errors[`steps.${i}.url`] = `Steps go only to ${domain} and its hosts`
    return { url: s.url.trim(), method: s.method, expectStatus: status, ...(s.expectText.trim() ? { expectText: s.expectText.trim() } : {}), ...(Object.keys(fields).length ? { form: fields } : {}) }
  })
  const r = smokeFlowSchema.safeParse({ name: name || 'x', steps })
  if (!r.success) {
    for (const issue of r.error.issues) {
      const [head, n, field] = issue.path.map(String)
      const key = head === 'steps' && n !== undefined && field ? `steps.${n}.${field === 'expectStatus' ? 'expectStatus' : field}` : head === 'steps' ? 'form' : head
      errors[key] ??= sentence(field === 'expectStatus' ? 'a status code from 100 to 599' : issue.message)
    }
  }
  if (d.steps.length > MAX_SMOKE_STEPS) errors.form = `At most ${MAX_SMOKE_STEPS} steps in a flow`
  return Object.keys(errors).length || !r.success ? { ok: false, errors } : { ok: true, flow: r.data }
}

/** The field ids of the form, in the order a person reads them (focus goes to the first with an error). */
export function errorOrder(d: SmokeFlowDraft): string[] {
  return ['name', ...d.steps.flatMap((_, i) => ['url', 'expectStatus', 'expectText', 'form'].map((f) => `steps.${i}.${f}`)), 'form']
}
