import type { Engagement } from '@shared/schemas/engagement'
import type { Runbook, RunbookStep } from '@shared/schemas/runbook'
import { engagementValues, fill, type PlaceholderValues } from './placeholders'

/** A runbook with every placeholder filled for one engagement (for the CLI, UI and PDF). */
export function fillRunbook(rb: Runbook, e: Engagement | null, extra: PlaceholderValues = {}): Runbook {
  const values = e ? engagementValues(e, extra) : extra
  return mapStrings(rb, (t) => fill(t, values))
}

/** Apply `f` to every string inside a plain value (values may hold quotes and newlines). */
function mapStrings<T>(v: T, f: (s: string) => string): T {
  if (typeof v === 'string') return f(v) as T
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f)) as T
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)])) as T
  return v
}

const KIND_LABEL: Record<RunbookStep['kind'], string> = { instruction: 'Do', verify: 'Verify', decision: 'Decide' }

/** Plain-text rendering of one step, as shown in a terminal. */
export function formatStep(step: RunbookStep, n: number, total: number): string {
  const out = [`Step ${n}/${total} · ${KIND_LABEL[step.kind]} · ${step.title}`]
  if (step.do) out.push('', step.do.trim())
  if (step.kind === 'verify' && step.checks.length) out.push('', `Checks: ${step.checks.join(', ')}`)
  if (step.kind === 'verify' && step.credential) out.push('', step.credential === 'works' ? 'Live check: the new credential works at the provider.' : 'Live check: the replaced credential is dead at the provider.')
  if (step.kind === 'decision') {
    out.push('', step.question)
    step.options.forEach((o, i) => out.push(`  ${i + 1}. ${o.label}`))
  }
  return out.join('\n')
}

/** The whole runbook as text: summary, symptoms, numbered steps, rollback. */
export function formatRunbook(rb: Runbook): string {
  const out = [rb.title, '='.repeat(rb.title.length), '', rb.summary, '', 'Symptoms:', ...rb.symptoms.map((s) => `  - ${s}`)]
  rb.steps.forEach((s, i) => out.push('', formatStep(s, i + 1, rb.steps.length)))
  out.push('', `Rollback: ${rb.rollback.trim()}`)
  return out.join('\n')
}
