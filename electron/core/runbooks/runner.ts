import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { Runbook, RunbookLogEntry, RunbookRun, RunbookStep } from '@shared/schemas/runbook'
import type { Workspace } from '../workspace'
import { getRunbook } from './catalog'
import { FACT } from '../evidence/facts'
import { redactDeep } from '../vault/redact'
import { stepsTaken } from '@shared/runbook-progress'

/** What a verify step needs: run these checks live and say how they ended. */
export type RunChecks = (checkIds: string[]) => Promise<{
  offline?: boolean
  checks: { id: string; target: string; status: string; summary: string; evidenceId: number | null }[]
}>

/** What a credential step needs: probe the provider's stored credential live (the new one works, the replaced one is dead). */
export type ProbeCredential = (provider: string, expect: 'works' | 'revoked') => Promise<{ passed: boolean; waiting: boolean; message: string }>

export interface VerifyOutcome {
  passed: boolean
  waiting: boolean
  message: string
  checks: { id: string; target: string; status: string; summary: string; evidenceId: number | null }[]
}

interface Row {
  id: string
  engagement_id: string
  runbook_id: string
  started_at: string
  finished_at: string | null
  current_step: string | null
  by: string
  inputs: string
}

/**
 * One step at a time, resumable: the run's position and inputs live in SQLite, and every
 * action (done, chose, verified, waiting) is appended to the engagement's evidence chain.
 */
export class RunbookRunner {
  constructor(private readonly ws: Workspace) {}

  start(engagementRef: string, runbookId: string, by = ''): RunbookRun {
    const e = this.ws.engagements.get(engagementRef)
    const rb = getRunbook(runbookId)
    const id = randomUUID()
    const now = new Date().toISOString()
    this.ws.db.transaction(() => {
      this.ws.db
        .prepare('INSERT INTO runbook_runs (id, engagement_id, runbook_id, started_at, current_step, by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, e.id, rb.id, now, rb.steps[0].id, by)
      this.log(id, e.id, rb.steps[0].id, 'started', by, { runbook: rb.id, title: rb.title }, {
        run: { runbookId: rb.id, startedAt: now, by },
        state: { currentStep: rb.steps[0].id, inputs: {}, finishedAt: null },
      })
    })()
    return this.get(id)
  }

  /** The run, with its log read back from the evidence chain. */
  get(runId: string): RunbookRun {
    const r = this.ws.db.prepare<[string], Row>('SELECT * FROM runbook_runs WHERE id = ?').get(runId)
    if (!r) throw new AppError('not_found', `no runbook run "${runId}"`)
    const log = this.ws.db
      .prepare<[string, string], { id: number; created_at: string; body: string }>(
        "SELECT id, created_at, body FROM evidence WHERE engagement_id = ? AND kind = 'runbook-step' AND target = ? ORDER BY seq",
      )
      .all(r.engagement_id, runId)
      .map((row) => {
        // run and state are the chained copy of this table's row, not part of the log entry
        const { run: _run, state: _state, ...data } = (JSON.parse(row.body) as { data: Omit<RunbookLogEntry, 'evidenceId'> & { run?: unknown; state?: unknown } }).data
        return { ...data, evidenceId: row.id }
      })
    return {
      id: r.id,
      engagementId: r.engagement_id,
      runbookId: r.runbook_id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      currentStep: r.current_step,
      by: r.by,
      inputs: JSON.parse(r.inputs),
      log,
      abandoned: log.at(-1)?.action === 'abandoned',
    }
  }

  /** Unfinished runs for an engagement (what "resume" offers). */
  open(engagementRef: string): RunbookRun[] {
    const e = this.ws.engagements.get(engagementRef)
    const ids = this.ws.db.prepare('SELECT id FROM runbook_runs WHERE engagement_id = ? AND finished_at IS NULL ORDER BY started_at').pluck().all(e.id) as string[]
    return ids.map((id) => this.get(id))
  }

  current(runId: string): { run: RunbookRun; runbook: Runbook; step: RunbookStep | null } {
    const run = this.get(runId)
    const runbook = getRunbook(run.runbookId)
    return { run, runbook, step: runbook.steps.find((s) => s.id === run.currentStep) ?? null }
  }

  /** A person marks an instruction step done, with a note and the inputs it asked for. */
  done(runId: string, stepId: string, o: { note?: string; inputs?: Record<string, string>; by?: string } = {}): RunbookRun {
    const { run, runbook, step } = this.expect(runId, stepId)
    if (step.kind === 'decision') throw new AppError('invalid_input', `"${step.title}" is a decision: choose one of its options`)
    const missing = (step.inputs ?? []).filter((i) => !o.inputs?.[i.id]?.trim())
    if (missing.length) throw new AppError('invalid_input', `"${step.title}" needs: ${missing.map((m) => m.label).join('; ')}`)
    const inputs = { ...run.inputs, ...(o.inputs ?? {}) }
    this.advance(run, runbook, step, step.next, 'done', o.by ?? run.by, { note: o.note ?? '', inputs: o.inputs ?? {}, manual: step.kind === 'verify' }, inputs)
    return this.get(runId)
  }

  /** Answer a decision step; the run jumps to the option's step. */
  choose(runId: string, stepId: string, option: number | string, by?: string): RunbookRun {
    const { run, runbook, step } = this.expect(runId, stepId)
    if (step.kind !== 'decision') throw new AppError('invalid_input', `"${step.title}" is not a decision`)
    const opt = typeof option === 'number' ? step.options[option] : step.options.find((o) => o.label === option)
    if (!opt) throw new AppError('invalid_input', `"${option}" is not one of: ${step.options.map((o, i) => `${i + 1}. ${o.label}`).join(', ')}`)
    this.advance(run, runbook, step, opt.next, 'chose', by ?? run.by, { option: opt.label })
    return this.get(runId)
  }

  /** Run a verify step's checks live; the run moves on only when all pass. Offline, it waits and says so. */
  async verify(runId: string, stepId: string, runChecks: RunChecks, by?: string, probe?: ProbeCredential): Promise<{ run: RunbookRun; outcome: VerifyOutcome }> {
    const { run, runbook, step } = this.expect(runId, stepId)
    if (step.kind !== 'verify') throw new AppError('invalid_input', `"${step.title}" has no checks to run`)
    const who = by ?? run.by
    if (step.credential && runbook.provider) {
      const p = probe ? await probe(runbook.provider, step.credential) : { passed: false, waiting: true, message: 'No credential probe here: confirm by hand.' }
      if (p.waiting) this.log(run.id, run.engagementId, step.id, 'waiting', who, { credential: step.credential, reason: p.message })
      else if (p.passed) this.advance(run, runbook, step, step.next, 'verified', who, { passed: true, credential: step.credential, message: p.message })
      else this.log(run.id, run.engagementId, step.id, 'verified', who, { passed: false, credential: step.credential, message: p.message })
      return { run: this.get(runId), outcome: { passed: p.passed, waiting: p.waiting, message: p.passed ? `Fixed: ${p.message}` : `Not yet: ${p.message}`, checks: [] } }
    }
    const r = await runChecks(step.checks)
    if (r.offline) {
      const outcome = { passed: false, waiting: true, message: 'Offline: this step will verify when the network is back.', checks: [] }
      this.log(run.id, run.engagementId, step.id, 'waiting', who, { reason: 'offline' })
      return { run: this.get(runId), outcome }
    }
    const bad = r.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip')
    const passed = bad.length === 0 && r.checks.length > 0
    const detail = { passed, checks: r.checks.map((c) => ({ id: c.id, target: c.target, status: c.status, summary: c.summary, evidenceId: c.evidenceId })) }
    if (passed) this.advance(run, runbook, step, step.next, 'verified', who, detail)
    else this.log(run.id, run.engagementId, step.id, 'verified', who, detail)
    const message = passed ? 'Fixed: every check passes.' : `Not yet: ${bad.map((c) => `${c.id} (${c.target}) ${c.status} — ${c.summary}`).join('; ') || 'no check applied'}`
    return { run: this.get(runId), outcome: { passed, waiting: false, message, checks: r.checks } }
  }

  /**
   * Move on past a step without doing it (a verify that will not pass today, say), with the
   * reason, which is required and kept in the log.
   */
  skip(runId: string, stepId: string, reason: string, by?: string): RunbookRun {
    const { run, runbook, step } = this.expect(runId, stepId)
    const why = reason.trim()
    if (!why) throw new AppError('invalid_input', 'Say why this step is skipped: the reason is kept with the run')
    if (step.kind === 'decision') throw new AppError('invalid_input', `"${step.title}" is a decision: choose one of its options`)
    this.advance(run, runbook, step, step.next, 'skipped', by ?? run.by, { reason: why.slice(0, 2000) })
    return this.get(runId)
  }

  /** Go back to the step the run came from (the way it went, branches included). */
  back(runId: string, stepId: string, by?: string): RunbookRun {
    const { run, step } = this.expect(runId, stepId)
    const to = stepsTaken(run.log).at(-1)
    if (!to) throw new AppError('conflict', `"${step.title}" is the first step: there is nothing to go back to`)
    const state = redactDeep({ currentStep: to, inputs: run.inputs, finishedAt: null })
    this.ws.db.transaction(() => {
      this.log(run.id, run.engagementId, step.id, 'back', by ?? run.by, { to }, { state })
      this.ws.db.prepare('UPDATE runbook_runs SET current_step = ? WHERE id = ?').run(to, run.id)
    })()
    return this.get(runId)
  }

  /** Stop the run for good at its current step, with an optional reason; it leaves the open runs. */
  abandon(runId: string, stepId: string, reason = '', by?: string): RunbookRun {
    const { run, step } = this.expect(runId, stepId)
    const state = redactDeep({ currentStep: step.id, inputs: run.inputs, finishedAt: new Date().toISOString() })
    this.ws.db.transaction(() => {
      this.log(run.id, run.engagementId, step.id, 'abandoned', by ?? run.by, { reason: reason.trim().slice(0, 2000) }, { state })
      this.ws.db.prepare('UPDATE runbook_runs SET finished_at = ? WHERE id = ?').run(state.finishedAt, run.id)
    })()
    return this.get(runId)
  }

  private expect(runId: string, stepId: string) {
    const { run, runbook, step } = this.current(runId)
    if (run.finishedAt) throw new AppError('conflict', 'this runbook run is finished')
    if (!step || step.id !== stepId) throw new AppError('conflict', `the run is at step "${run.currentStep}", not "${stepId}"`)
    return { run, runbook, step }
  }

  private advance(run: RunbookRun, rb: Runbook, step: RunbookStep, next: string | undefined, action: RunbookLogEntry['action'], by: string, detail: Record<string, unknown>, inputs = run.inputs): void {
    const idx = rb.steps.findIndex((s) => s.id === step.id)
    const to = next ?? rb.steps[idx + 1]?.id ?? null
    const now = new Date().toISOString()
    // The row's new state rides on the log entry that caused it (evidence verify compares them).
    const state = redactDeep({ currentStep: to, inputs, finishedAt: to ? null : now })
    this.ws.db.transaction(() => {
      this.log(run.id, run.engagementId, step.id, action, by, detail, to ? { state } : {})
      this.ws.db.prepare('UPDATE runbook_runs SET current_step = ?, inputs = ?, finished_at = ? WHERE id = ?').run(state.currentStep, JSON.stringify(state.inputs), state.finishedAt, run.id)
      if (!to) this.log(run.id, run.engagementId, step.id, 'finished', by, {}, { state })
    })()
  }

  private log(
    runId: string,
    engagementId: string,
    stepId: string,
    action: RunbookLogEntry['action'],
    by: string,
    detail: Record<string, unknown>,
    row: { run?: object; state?: object } = {},
  ): void {
    this.ws.evidence.append(engagementId, [
      { kind: FACT.runbookStep, label: `${action} ${stepId}`, target: runId, data: { at: new Date().toISOString(), stepId, action, by, detail, ...row } },
    ])
  }
}
