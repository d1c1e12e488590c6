import { runAudit } from '../checks/runner'
import { networkProfile } from '../settings/profile'
import { getRunbook, loadRunbooks } from '../runbooks/catalog'
import { fillRunbook } from '../runbooks/render'
import { runbookValuesFor } from '../runbooks/facts'
import { RunbookRunner, type RunChecks } from '../runbooks/runner'
import type { RunbookView } from '@shared/contract/runbooks'
import type { ApiSlice, CoreServices } from './types'
import { credentialProbe } from '../runbooks/probe'
import { credentialService } from './credentials'
import { getConsultant } from '../handover/consultant'
import { runbookProgress } from '@shared/runbook-progress'

type Methods = 'listRunbooks' | 'getRunbook' | 'startRunbook' | 'openRunbookRuns' | 'runbookView' | 'runbookDone' | 'runbookChoose' | 'runbookVerify' | 'runbookSkip' | 'runbookBack' | 'runbookAbandon'

/** Guided runbooks through the contract: each answer returns the run's next step, filled in. */
export function runbookApi(s: CoreServices): ApiSlice<Methods> {
  const { workspace, events } = s
  const runner = new RunbookRunner(workspace)
  const view = (runId: string, outcome?: RunbookView['outcome']): RunbookView => {
    const { run, runbook, step } = runner.current(runId)
    const e = workspace.engagements.get(run.engagementId)
    const filled = fillRunbook(runbook, e, runbookValuesFor(workspace, e))
    return { run, runbook: filled, step: step ? (filled.steps.find((x) => x.id === step.id) ?? null) : null, ...(outcome ? { outcome } : {}) }
  }
  const runChecks = (engagementId: string): RunChecks => async (ids) => {
    const profile = networkProfile(s)
    const r = await runAudit({ workspace, events, engagement: workspace.engagements.get(engagementId), profile, checkIds: ids, origin: 'runbook', services: s.credentials ? { credentials: s.credentials } : {} })
    return { offline: !!profile.offline, checks: r.checks }
  }
  return {
    listRunbooks: () => loadRunbooks().map((r) => ({ id: r.id, title: r.title, summary: r.summary, severity: r.severity, steps: r.steps.length, relatedChecks: r.related_checks })),
    getRunbook: ({ id, engagementId }) => {
      const e = engagementId ? workspace.engagements.get(engagementId) : null
      return fillRunbook(getRunbook(id), e, e ? runbookValuesFor(workspace, e) : {})
    },
    // who follows the runbook: the consultant's name from Settings, unless the caller says
    startRunbook: ({ engagementId, runbookId, by }) => view(runner.start(engagementId, runbookId, by ?? getConsultant(workspace.db)?.name ?? '').id),
    openRunbookRuns: ({ engagementId }) =>
      runner.open(engagementId).map((r) => {
        const rb = getRunbook(r.runbookId)
        return { ...r, stepTitle: rb.steps.find((x) => x.id === r.currentStep)?.title ?? null, progress: runbookProgress(rb, r) }
      }),
    runbookView: ({ runId }) => view(runId),
    runbookDone: ({ runId, stepId, note, inputs }) => view(runner.done(runId, stepId, { note, inputs }).id),
    runbookChoose: ({ runId, stepId, option }) => view(runner.choose(runId, stepId, option).id),
    runbookSkip: ({ runId, stepId, reason }) => view(runner.skip(runId, stepId, reason).id),
    runbookBack: ({ runId, stepId }) => view(runner.back(runId, stepId).id),
    runbookAbandon: ({ runId, stepId, reason }) => view(runner.abandon(runId, stepId, reason).id),
    runbookVerify: async ({ runId, stepId }) => {
      const { run } = runner.current(runId)
      const { outcome } = await runner.verify(runId, stepId, runChecks(run.engagementId), undefined, credentialProbe(credentialService(s), run.engagementId, () => networkProfile(s)))
      return view(runId, outcome)
    },
  }
}
