import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { CheckResultInfo, CheckStatusName, WaitingRunInfo } from '@shared/contract/checks'
import { RunQueue, splitPending, type WaitingRun } from '../checks/queue'
import { CheckStore, type StoredResult } from '../checks/persist'
import { listChecks } from '../checks/registry'
import { runAudit, selectChecks, type AuditResult } from '../checks/runner'
import { planRun } from '../checks/plan'
import { listRuns, runChanges } from '../checks/history'
import { SprintService } from '../sprint/service'
import { networkProfile } from '../settings/profile'
import { keychainCredentialSource } from '../vault/sources'
import { credentialService } from './credentials'
import { runLimited } from '../portfolio/limit'
import type { ApiSlice, CoreServices } from './types'

const info = (r: StoredResult): CheckResultInfo => ({ ...r, status: r.status as CheckStatusName })

/** Runs in flight in this process, by run id, so they can be cancelled. */
const running = new Map<string, { controller: AbortController; done: Promise<AuditResult> }>()

/** The promise of a run started through the API (for the CLI and tests that wait on it). */
export function runDone(runId: string): Promise<AuditResult> | undefined {
  return running.get(runId)?.done
}

type CheckMethods = 'listChecks' | 'runAudit' | 'runAllAudits' | 'cancelRun' | 'listResults' | 'getResult' | 'listRuns' | 'runChanges' | 'listWaiting' | 'resumeWaiting'

/** Check catalog, audit runs, results and their evidence, run history and what each run changed. */
export function checkApi(s: CoreServices): ApiSlice<CheckMethods> {
  const { workspace, events } = s
  const store = () => new CheckStore(workspace.db, workspace.evidence)
  /** Start one audit in the background; it reports through events. */
  const start = (engagementId: string, checkIds?: string[]): { runId: string; total: number } => {
    const engagement = workspace.engagements.get(engagementId)
    let checks
    try {
      checks = selectChecks(checkIds)
    } catch (e) {
      throw new AppError('invalid_input', (e as Error).message)
    }
    const runId = randomUUID()
    const controller = new AbortController()
    const total = planRun(engagement, checks).length
    // Provider checks read credentials from the keychain for this engagement (skip when none).
    const credentials = s.credentials ?? keychainCredentialSource(credentialService(s), engagement.id)
    // The engagement's sprint template sets the thresholds (e.g. a prototype's relaxed p95).
    const sprints = new SprintService(workspace)
    const thresholds = sprints.current(engagement.id) ? sprints.status(engagement.id).thresholds : undefined
    const done = runAudit({ workspace, events, engagement, profile: networkProfile(s), checkIds, signal: controller.signal, runId, thresholds, services: { credentials } })
    running.set(runId, { controller, done })
    // The run reports through events; its end only clears the bookkeeping.
    done.finally(() => running.delete(runId)).catch(() => undefined)
    return { runId, total }
  }
  return {
    listChecks: () => listChecks().map(({ meta }) => ({ id: meta.id, title: meta.title, area: meta.area, stage: meta.stage, why: meta.why, fix: meta.fix, runbook: meta.runbook, scope: meta.scope, network: meta.network })),
    runAudit: ({ engagementId, checkIds }) => start(engagementId, checkIds),
    runAllAudits: ({ engagementIds, concurrency }) => {
      // every id is checked before anything starts: one unknown id refuses the whole request
      const ids = [...new Set(engagementIds.map((id) => workspace.engagements.get(id).id))]
      void runLimited(ids, concurrency, async (id) => runDone(start(id).runId))
      return { engagementIds: ids }
    },
    cancelRun: ({ runId }) => {
      const r = running.get(runId)
      if (!r) return { cancelled: false }
      r.controller.abort(new Error('cancelled'))
      return { cancelled: true }
    },
    listResults: ({ engagementId, runId }) => {
      const e = workspace.engagements.get(engagementId)
      return store().listResults(e.id, runId).map(info)
    },
    getResult: ({ resultId }) => {
      const st = store()
      const r = st.getResult(resultId)
      if (!r) throw new AppError('not_found', `no check result ${resultId}`)
      const evidence = st
        .evidenceIds(r)
        .map((id) => workspace.evidence.get(id))
        .filter((x) => !!x)
        .map((x) => ({ id: x.id, seq: x.seq, kind: x.kind, label: x.label, createdAt: x.createdAt, data: x.data, hash: x.hash }))
      return { ...info(r), evidence }
    },
    // a run marked running that this process is not running was interrupted (the process ended)
    listRuns: ({ engagementId, limit }) => listRuns(workspace.db, workspace.engagements.get(engagementId).id, limit, (id) => running.has(id)),
    runChanges: ({ engagementId, runId }) => {
      const e = workspace.engagements.get(engagementId)
      if (runId && store().getRun(runId)?.engagementId !== e.id) throw new AppError('not_found', `no run "${runId}" for this engagement`)
      return runChanges(workspace.db, e.id, runId)
    },
    listWaiting: ({ engagementId }) => new RunQueue(workspace.db).list(engagementId && workspace.engagements.get(engagementId).id).map(waitingInfo),
    resumeWaiting: ({ engagementId }) => {
      const e = workspace.engagements.get(engagementId)
      const ids = [...new Set(new RunQueue(workspace.db).list(e.id).flatMap((w) => w.pending.map((p) => splitPending(p).checkId)))]
      if (!ids.length) throw new AppError('conflict', `nothing of ${e.domain} waits in the offline queue`)
      // ids of checks since removed from the catalog are left out (they can never run again)
      const known = new Set(listChecks().map((c) => c.meta.id))
      return start(e.id, ids.filter((id) => known.has(id)))
    },
  }
}

/** A queued run as the contract gives it: the pending pairs split into check and target. */
function waitingInfo(w: WaitingRun): WaitingRunInfo {
  return { runId: w.runId, engagementId: w.engagementId, domain: w.domain, startedAt: w.startedAt, kind: w.kind, reason: w.reason, pending: w.pending.map(splitPending) }
}
