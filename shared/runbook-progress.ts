import type { Runbook, RunbookLogEntry, RunbookStep } from './schemas/runbook'

type LogLike = Pick<RunbookLogEntry, 'action' | 'stepId' | 'detail'>

/** Whether a log entry moved the run on from its step (a verify moves on only when it passed). */
function advanced(l: LogLike): boolean {
  if (l.action === 'verified') return l.detail?.passed === true
  return l.action === 'done' || l.action === 'chose' || l.action === 'skipped'
}

/** The steps the run walked through to reach where it stands, in order (Back undoes the last). */
export function stepsTaken(log: LogLike[]): string[] {
  const taken: string[] = []
  for (const l of log) {
    if (advanced(l)) taken.push(l.stepId)
    else if (l.action === 'back') taken.pop()
  }
  return taken
}

/** Where each step leads: its `next`, a decision's options, else the step after it in the file. */
export function nextSteps(rb: Runbook, step: RunbookStep): string[] {
  if (step.kind === 'decision') return step.options.map((o) => o.next)
  const after = rb.steps[rb.steps.findIndex((s) => s.id === step.id) + 1]
  const to = step.next ?? after?.id
  return to ? [to] : []
}

/** The most steps left from a step to the end, this one included (a branch counts its longest way). */
export function stepsLeft(rb: Runbook, from: string): number {
  const memo = new Map<string, number>()
  const walk = (id: string, seen: Set<string>): number => {
    const known = memo.get(id)
    if (known !== undefined) return known
    const step = rb.steps.find((s) => s.id === id)
    if (!step || seen.has(id) || seen.size > rb.steps.length) return 0
    const next = new Set(seen).add(id)
    const n = 1 + Math.max(0, ...nextSteps(rb, step).map((x) => walk(x, next)))
    memo.set(id, n)
    return n
  }
  return walk(from, new Set())
}

/**
 * "Step 3 of 8", counted along the way the run actually went: the steps taken so far plus the
 * longest way still ahead, so the number goes up one at a time and the total shrinks when a
 * branch is chosen that skips steps.
 */
export function runbookProgress(rb: Runbook, run: { log: LogLike[]; currentStep: string | null }): { number: number; total: number } {
  const taken = stepsTaken(run.log).length
  if (!run.currentStep) return { number: taken, total: taken }
  return { number: taken + 1, total: taken + stepsLeft(rb, run.currentStep) }
}

/**
 * The steps ahead of a step on the way the run will go: each next step in turn, up to and
 * including the first decision (its way on is not chosen yet), then how many more steps the
 * longest way has after it. With the steps taken and the current one, these add up to the
 * counter's total.
 */
export function stepsAhead(rb: Runbook, from: string): { steps: string[]; more: number } {
  const steps: string[] = []
  let at = rb.steps.find((s) => s.id === from)
  // bounded: a way through the file never has more steps than the file
  while (at && at.kind !== 'decision' && steps.length < rb.steps.length) {
    const to = nextSteps(rb, at)[0]
    if (!to || to === from || steps.includes(to)) break
    steps.push(to)
    at = rb.steps.find((s) => s.id === to)
  }
  return { steps, more: Math.max(0, stepsLeft(rb, from) - 1 - steps.length) }
}

/** The step list of a run: the way it went (in order), the step it stands at, and the way ahead. */
export function runbookPath(rb: Runbook, run: { log: LogLike[]; currentStep: string | null }): { taken: string[]; current: string | null; ahead: string[]; more: number } {
  const taken = stepsTaken(run.log)
  if (!run.currentStep) return { taken, current: null, ahead: [], more: 0 }
  const { steps, more } = stepsAhead(rb, run.currentStep)
  return { taken, current: run.currentStep, ahead: steps, more }
}
